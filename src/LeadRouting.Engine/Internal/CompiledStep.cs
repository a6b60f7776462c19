namespace LeadRouting.Engine.Internal;

/// <summary>A filter or branching step bound to one snapshot.</summary>
internal abstract class CompiledStep(string name)
{
    public string Name { get; } = name;

    public abstract StepResult Apply(ref RouteContext context);
}
