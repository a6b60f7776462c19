using System.Globalization;

namespace LeadRouting.Engine;

/// <summary>
/// Where a lead is in a <see cref="LeadDesk"/>, as of one moment: assigned to a rep, queued, or returned to the host. An
/// immutable copy; the desk moves on without changing it.
/// </summary>
public sealed class LeadPlacement
{
    internal LeadPlacement(
        Lead lead,
        LeadState state,
        string? repId,
        string? teamId,
        DateTimeOffset? assignedAt,
        DateTimeOffset? deadline,
        bool isAccepted,
        int priority,
        IReadOnlyList<string> excludedRepIds,
        RoutingDecision decision,
        LeadReturnReason returnReason)
    {
        Lead = lead;
        State = state;
        RepId = repId;
        TeamId = teamId;
        AssignedAt = assignedAt;
        Deadline = deadline;
        IsAccepted = isAccepted;
        Priority = priority;
        ExcludedRepIds = excludedRepIds;
        Decision = decision;
        ReturnReason = returnReason;
    }

    /// <summary>The lead.</summary>
    public Lead Lead { get; }

    /// <summary>Assigned, queued or returned.</summary>
    public LeadState State { get; }

    /// <summary>The rep holding the lead; <see langword="null"/> unless <see cref="State"/> is <see cref="LeadState.Assigned"/>.</summary>
    public string? RepId { get; }

    /// <summary>The team of the assignment (<see cref="RoutingDecision.TeamId"/>); <see langword="null"/> when not assigned or teamless.</summary>
    public string? TeamId { get; }

    /// <summary>When the current rep got the lead; <see langword="null"/> when not assigned.</summary>
    public DateTimeOffset? AssignedAt { get; }

    /// <summary>
    /// When the assignment is taken back unless accepted (<see cref="LeadDeskOptions.ResponseDeadline"/>);
    /// <see langword="null"/> when not assigned, already accepted, or the team has no deadline.
    /// </summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Whether the rep accepted the lead (or pulled it, which accepts it).</summary>
    public bool IsAccepted { get; }

    /// <summary>The lead's queue priority (higher first): the one given to <see cref="LeadDesk.Submit"/>, or its score band.</summary>
    public int Priority { get; }

    /// <summary>
    /// The reps that rejected the lead or let its deadline pass, in that order: it is never routed to them again. Its
    /// count is how many times the lead was taken back, which <see cref="LeadDeskOptions.MaxReroutes"/> limits.
    /// </summary>
    public IReadOnlyList<string> ExcludedRepIds { get; }

    /// <summary>
    /// The last routing decision made for the lead: the one that assigned it, or the one that found nobody (queued,
    /// returned unassigned or disqualified). Default (<see cref="RoutingDecision.StepName"/> null) while the lead has not
    /// been routed: with pull delivery, until a rep tries to pull it.
    /// </summary>
    public RoutingDecision Decision { get; }

    /// <summary>Why the lead was returned; <see cref="LeadReturnReason.None"/> unless <see cref="State"/> is <see cref="LeadState.Returned"/>.</summary>
    public LeadReturnReason ReturnReason { get; }

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        LeadState.Assigned => string.Create(
            CultureInfo.InvariantCulture,
            $"{Lead.Id}: assigned to {RepId}{(IsAccepted ? ", accepted" : Deadline is { } d ? $", answer by {d:u}" : string.Empty)}"),
        LeadState.Queued => $"{Lead.Id}: queued{(Decision.StepName is null ? string.Empty : $" ({Decision.Reason})")}{(Priority == 0 ? string.Empty : $", priority {Priority}")}",
        _ => $"{Lead.Id}: returned, {ReturnReason}",
    };
}
