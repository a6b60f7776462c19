namespace LeadRouting.Engine.Internal;

/// <summary>
/// One step of a <see cref="RoutingPipeline"/> as configured: roster-independent, validated when added, bound to a
/// roster by <see cref="CompileContext"/> each time a snapshot is built.
/// </summary>
internal abstract class StepDefinition(string name)
{
    public string Name { get; } = name;

    public virtual bool IsSelector => false;

    public virtual CompiledStep CompileStep(CompileContext context, string path) =>
        throw new InvalidOperationException($"{Name} is a selector.");

    public virtual CompiledSelector CompileSelector(CompileContext context, string path) =>
        throw new InvalidOperationException($"{Name} is not a selector.");
}
