namespace LeadRouting.Engine.Lifecycle;

/// <summary>A lead the desk holds (assigned or queued), with its history. Mutable; only touched under the desk's lock.</summary>
internal sealed class HeldLead(Lead lead, int priority, long arrival)
{
    public Lead Lead { get; } = lead;

    public int Priority { get; } = priority;

    /// <summary>Order of entry into the desk; breaks priority ties in the queue (older first) and is unique.</summary>
    public long Arrival { get; } = arrival;

    public LeadState State { get; set; }

    public string? RepId { get; set; }

    public string? TeamId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public bool Accepted { get; set; }

    /// <summary>Bumped on every assignment, so a deadline entry for an earlier assignment is recognised as stale.</summary>
    public long AssignmentVersion { get; set; }

    public RoutingDecision Decision { get; set; }

    /// <summary>Reps that rejected the lead or let it expire; never routed to again.</summary>
    public List<string> Excluded { get; } = [];

    public LeadPlacement ToPlacement(LeadReturnReason returnReason = LeadReturnReason.None) => new(
        Lead,
        State,
        RepId,
        TeamId,
        AssignedAt,
        Deadline,
        Accepted,
        Priority,
        [.. Excluded],
        Decision,
        returnReason);
}
