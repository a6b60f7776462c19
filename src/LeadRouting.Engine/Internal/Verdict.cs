namespace LeadRouting.Engine.Internal;

/// <summary>
/// A decision inside the engine, before it becomes a <see cref="RoutingDecision"/>: 16 bytes (a reference and a word),
/// so each of the route's nested calls returns it in two registers. Passing the 40-byte public struct up the same calls
/// made every level copy it through memory right after it was written field by field, a store-forwarding stall per
/// level. The team is read from the route's context at the end.
/// </summary>
internal readonly struct Verdict
{
    // Two fields, so the JIT keeps a verdict in two registers (it promotes structs of few fields); the word packs the
    // position (low 32 bits), the outcome, the reason and the fallback flag.
    private readonly long _word;

    private Verdict(string stepName, int position, RoutingOutcome outcome, RoutingReason reason, bool usedFallback)
    {
        StepName = stepName;
        _word = (uint)position | ((long)(byte)outcome << 32) | ((long)(byte)reason << 40) | (usedFallback ? 1L << 48 : 0);
    }

    /// <summary>The step that decided.</summary>
    public string StepName { get; }

    /// <summary>The assigned rep's position, or -1.</summary>
    public int Position => (int)_word;

    /// <summary>Whether a fallback made (or tried to make) the decision.</summary>
    public bool UsedFallback => (_word >> 48) != 0;

    public RoutingOutcome Outcome => (RoutingOutcome)(byte)(_word >> 32);

    public RoutingReason Reason => (RoutingReason)(byte)(_word >> 40);

    public bool IsAssigned => Position >= 0;

    public static Verdict Assigned(int position, string stepName, RoutingReason reason, bool usedFallback) =>
        new(stepName, position, RoutingOutcome.Assigned, reason, usedFallback);

    public static Verdict Unassigned(string stepName, RoutingReason reason, bool usedFallback) =>
        new(stepName, -1, RoutingOutcome.Unassigned, reason, usedFallback);

    public static Verdict Disqualified(string stepName, RoutingReason reason) =>
        new(stepName, -1, RoutingOutcome.Disqualified, reason, usedFallback: false);

    /// <summary>The public decision, with the rep and team ids of <paramref name="snapshot"/>.</summary>
    public RoutingDecision ToDecision(EngineSnapshot snapshot, int team) =>
        new(Outcome, Position >= 0 ? snapshot.Hot[Position].Id : null, team >= 0 ? snapshot.TeamIds[team] : null, StepName, Reason, UsedFallback);
}
