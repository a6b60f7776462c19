namespace LeadRouting.Engine.Internal;

/// <summary>The final step of a pipeline: proposes one rep from the candidates; the engine then reserves it.</summary>
internal abstract class CompiledSelector(string name)
{
    public string Name { get; } = name;

    /// <summary>The rep to try next, or -1 when no candidate may be picked (the reason is <see cref="EmptyReason"/>).</summary>
    /// <param name="context">The route.</param>
    /// <param name="token">Whatever <see cref="Claim"/> needs to detect a concurrent pick of the same rep.</param>
    public abstract int Propose(ref RouteContext context, out long token);

    /// <summary>Commits the proposal; false when a concurrent route took the same turn, so the engine tries another rep.</summary>
    public abstract bool Claim(ref RouteContext context, int position, long token);

    /// <summary>Why <see cref="Propose"/> returns -1 while candidates remain.</summary>
    public abstract RoutingReason EmptyReason { get; }

    /// <summary>For an explanation: why this selector may never pick a remaining candidate, or null when it may.</summary>
    public virtual DropReason? WhyNotCandidate(int position, ref RouteContext context) => null;
}
