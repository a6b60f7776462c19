namespace LeadRouting.Engine.Internal;

/// <summary>A filter or branching step bound to one snapshot.</summary>
internal abstract class CompiledStep(string name)
{
    public string Name { get; } = name;

    public abstract StepResult Apply(ref RouteContext context);

    /// <summary>Whether <see cref="TryNarrowPlanned"/> implements this step for a <see cref="RoutePlan"/>.</summary>
    public virtual bool Plannable => false;

    /// <summary>
    /// For a <see cref="RoutePlan"/> (a roster of at most <see cref="RoutePlan.MaxReps"/> reps): when <see cref="Apply"/> would narrow the candidates and
    /// continue with some left, does the same to <paramref name="route"/> (same candidates, segment key and team) and
    /// returns true. Otherwise (a hand-off, a disqualification, nobody left) returns false, having changed nothing a
    /// route after it reads: the general route then makes the decision from the start.
    /// </summary>
    public virtual bool TryNarrowPlanned(ref PlannedRoute route) => false;

    /// <summary>For an explanation: why this step dropped <paramref name="position"/> (called after <see cref="Apply"/>).</summary>
    public virtual DropReason WhyDropped(int position, ref RouteContext context) => DropReason.NotEligible;
}
