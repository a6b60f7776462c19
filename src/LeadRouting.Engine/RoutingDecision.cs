using System.Diagnostics.CodeAnalysis;

namespace LeadRouting.Engine;

/// <summary>
/// The result of <see cref="RoutingEngine.Route(Lead)"/>. A small value: building one allocates nothing, every string in it
/// comes from the roster or the pipeline.
/// </summary>
public readonly struct RoutingDecision : IEquatable<RoutingDecision>
{
    internal RoutingDecision(RoutingOutcome outcome, string? repId, string? teamId, string stepName, RoutingReason reason, bool usedFallback)
    {
        Outcome = outcome;
        RepId = repId;
        TeamId = teamId;
        StepName = stepName;
        Reason = reason;
        UsedFallback = usedFallback;
    }

    /// <summary>Assigned, unassigned or disqualified.</summary>
    public RoutingOutcome Outcome { get; }

    /// <summary>The rep the lead was assigned to; <see langword="null"/> unless <see cref="Outcome"/> is <see cref="RoutingOutcome.Assigned"/>.</summary>
    public string? RepId { get; }

    /// <summary>
    /// The team the lead was routed to: the team a band, territory or fallback targeted, otherwise the first team (in roster
    /// order) of the assigned rep; <see langword="null"/> when there is none.
    /// </summary>
    public string? TeamId { get; }

    /// <summary>The name of the step that decided: the selector that picked, or the step that left no candidate or disqualified.</summary>
    public string StepName { get; }

    /// <summary>Why: <see cref="RoutingReason.Selected"/> for a normal assignment, otherwise what left no candidate.</summary>
    public RoutingReason Reason { get; }

    /// <summary>
    /// <see langword="true"/> when the pipeline's fallback handled the lead (its normal path left no candidate, for
    /// <see cref="Reason"/>); the fallback may still have found nobody.
    /// </summary>
    public bool UsedFallback { get; }

    /// <summary>Whether the lead was assigned (then <see cref="RepId"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(RepId))]
    public bool IsAssigned => Outcome == RoutingOutcome.Assigned;

    /// <inheritdoc />
    public bool Equals(RoutingDecision other) =>
        Outcome == other.Outcome && RepId == other.RepId && TeamId == other.TeamId && StepName == other.StepName
        && Reason == other.Reason && UsedFallback == other.UsedFallback;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RoutingDecision d && Equals(d);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, RepId, TeamId, StepName, Reason, UsedFallback);

    /// <summary>Equality of all fields.</summary>
    /// <param name="left">A decision.</param>
    /// <param name="right">Another decision.</param>
    public static bool operator ==(RoutingDecision left, RoutingDecision right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    /// <param name="left">A decision.</param>
    /// <param name="right">Another decision.</param>
    public static bool operator !=(RoutingDecision left, RoutingDecision right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        RoutingOutcome.Assigned => $"Assigned to {RepId} (team {TeamId ?? "-"}) by {StepName}{(UsedFallback ? $" via fallback after {Reason}" : string.Empty)}",
        _ => $"{Outcome} at {StepName}: {Reason}{(UsedFallback ? " (fallback found nobody)" : string.Empty)}",
    };
}
