namespace LeadRouting.Engine;

/// <summary>Why a <see cref="LeadDesk"/> handed a lead back to the host. Stable codes, suitable for logs and dashboards.</summary>
public enum LeadReturnReason
{
    /// <summary>The lead has not been returned.</summary>
    None = 0,

    /// <summary>The host completed it (<see cref="LeadDesk.TryComplete"/>): closed, converted or handed back for good; the rep's slot was freed.</summary>
    Completed = 1,

    /// <summary>The host took it back (<see cref="LeadDesk.TryWithdraw"/>), from a rep or from the queue.</summary>
    Withdrawn = 2,

    /// <summary>The pipeline disqualified it (e.g. below the lowest score band); <see cref="LeadPlacement.Decision"/> says why.</summary>
    Disqualified = 3,

    /// <summary>
    /// Nobody could take it and it may not wait: the queue is off, or no change of capacity or availability can help (no
    /// rep's territory, skills or team cover it, whoever were back or had room; <see cref="RoutingReason.MissingMeasure"/>,
    /// <see cref="RoutingReason.MissingTerritory"/>); <see cref="LeadPlacement.Decision"/> says why.
    /// </summary>
    Unassigned = 4,

    /// <summary>It was rejected or left unanswered more often than <see cref="LeadDeskOptions.MaxReroutes"/> allows.</summary>
    RerouteLimitReached = 5,

    /// <summary>It had to wait, but the queue was full and it ranked last (<see cref="LeadDeskOptions.QueueCapacity"/>).</summary>
    QueueFull = 6,

    /// <summary>
    /// Every rep who could take it rejected it or let it expire (<see cref="LeadPlacement.ExcludedRepIds"/>): nobody else,
    /// available or not, with room or not, would ever be offered it, so it is not queued.
    /// </summary>
    RejectedByAll = 7,
}
