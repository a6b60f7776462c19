namespace LeadRouting.Engine;

/// <summary>What happened to a routed lead.</summary>
public enum RoutingOutcome
{
    /// <summary>No eligible rep: the lead is handed back to the host; <see cref="RoutingDecision.Reason"/> says why.</summary>
    Unassigned = 0,

    /// <summary>The lead was given to <see cref="RoutingDecision.RepId"/>.</summary>
    Assigned = 1,

    /// <summary>The lead does not qualify for routing (e.g. its score is below the lowest band).</summary>
    Disqualified = 2,
}
