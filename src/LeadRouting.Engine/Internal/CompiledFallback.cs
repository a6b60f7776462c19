namespace LeadRouting.Engine.Internal;

/// <summary>A <see cref="RoutingFallback"/> bound to one snapshot.</summary>
internal sealed class CompiledFallback
{
    public static readonly CompiledFallback Unassigned = new(FallbackKind.Unassigned, -1, null);

    private CompiledFallback(FallbackKind kind, int index, RepMask? teamMask)
    {
        Kind = kind;
        Index = index;
        TeamMask = teamMask;
    }

    public FallbackKind Kind { get; }

    /// <summary>The team index or the rep position.</summary>
    public int Index { get; }

    public RepMask? TeamMask { get; }

    public static CompiledFallback Team(int teamIndex, RepMask mask) => new(FallbackKind.Team, teamIndex, mask);

    public static CompiledFallback Rep(int position) => new(FallbackKind.Rep, position, null);
}
