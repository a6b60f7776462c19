using LeadRouting.Engine.Lifecycle;

namespace LeadRouting.Engine;

/// <summary>Settings of a <see cref="LeadDesk"/>. Read once, when the desk is created.</summary>
public sealed class LeadDeskOptions
{
    /// <summary>
    /// Source of the current time for deadlines, schedules and queue offers. Default <see cref="TimeProvider.System"/>.
    /// Give it the same provider as the engine's <see cref="RoutingEngineOptions.TimeProvider"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether leads are pushed to reps or wait for reps to pull them. Default <see cref="LeadDelivery.Push"/>.</summary>
    public LeadDelivery Delivery { get; set; } = LeadDelivery.Push;

    /// <summary>
    /// How many times one lead may be taken back from a rep (rejected, or not accepted by its deadline) and routed again;
    /// the next time it is returned with <see cref="LeadReturnReason.RerouteLimitReached"/>. Default <c>3</c>; 0 to 32
    /// (the excluded reps of a re-route then fit on the stack). <c>0</c> returns a lead at its first rejection.
    /// </summary>
    public int MaxReroutes { get; set; } = LeadDeskConstants.DefaultMaxReroutes;

    /// <summary>
    /// How many leads may wait for a rep with room. When it is full, the lead that ranks last (lowest priority, then
    /// newest) among the waiting ones and the newcomer is returned with <see cref="LeadReturnReason.QueueFull"/>.
    /// Default <c>1000</c>; at most 1,000,000; <c>0</c> turns the queue off (a lead nobody can take is returned at once),
    /// which <see cref="LeadDelivery.Pull"/> does not allow.
    /// </summary>
    public int QueueCapacity { get; set; } = LeadDeskConstants.DefaultQueueCapacity;

    /// <summary>
    /// How long a rep has to accept an assignment before <see cref="LeadDesk.ExpireOverdue()"/> takes it back and routes it
    /// to someone else. Default <see langword="null"/>: no deadline (assignments wait for an answer indefinitely). Must be positive.
    /// With a deadline, call <see cref="LeadDesk.ExpireOverdue()"/> on a timer: each assignment's deadline is kept until
    /// a call after it passes.
    /// </summary>
    public TimeSpan? ResponseDeadline { get; set; }

    /// <summary>
    /// Deadlines per team, by team id, for assignments whose <see cref="RoutingDecision.TeamId"/> is that team; they
    /// replace <see cref="ResponseDeadline"/> for it. Default: none. Each must be positive and name a team of the roster.
    /// </summary>
    public IDictionary<string, TimeSpan> TeamResponseDeadlines { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// Score band minimums, strictly ascending, that give a lead submitted without a priority its queue priority: the
    /// number of minimums at or below its score (so 0 below the first, and for an unscored lead). Default: none, so every
    /// such lead has priority 0 and waits in arrival order.
    /// </summary>
    public IList<double> PriorityScoreBands { get; } = [];

    /// <summary>Working hours and out-of-office periods per rep id, applied from the start. Default: none (reps are always available).</summary>
    public IDictionary<string, RepSchedule> Schedules { get; } = new Dictionary<string, RepSchedule>(StringComparer.Ordinal);
}
