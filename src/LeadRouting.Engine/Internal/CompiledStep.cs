namespace LeadRouting.Engine.Internal;

/// <summary>A filter or branching step bound to one snapshot.</summary>
internal abstract class CompiledStep(string name)
{
    public string Name { get; } = name;

    public abstract StepResult Apply(ref RouteContext context);

    /// <summary>For an explanation: why this step dropped <paramref name="position"/> (called after <see cref="Apply"/>).</summary>
    public virtual DropReason WhyDropped(int position, ref RouteContext context) => DropReason.NotEligible;
}
