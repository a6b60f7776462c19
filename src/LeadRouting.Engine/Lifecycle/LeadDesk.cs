using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using LeadRouting.Engine.Availability;
using LeadRouting.Engine.Lifecycle;

namespace LeadRouting.Engine;

/// <summary>
/// The life of a lead after routing: a rep accepts or rejects it, a rejected or unanswered lead goes to the next best rep,
/// a lead nobody can take waits in a queue and flows out as soon as capacity frees up, or (with
/// <see cref="LeadDelivery.Pull"/>) every lead waits for a rep to pull it, and reps are switched off outside their working
/// hours and out-of-office periods. Wraps a <see cref="RoutingEngine"/>, whose pipeline makes every choice.
/// </summary>
/// <remarks>
/// <para>
/// <b>No lost leads.</b> Every lead that enters (<see cref="Submit"/>) is at any moment in exactly one place: assigned to
/// one rep, waiting in the queue, or returned to the host with a <see cref="LeadReturnReason"/>. Every move is raised as
/// <see cref="LeadMoved"/>; <see cref="GetSnapshot"/> reads everything at once.
/// </para>
/// <para>
/// <b>Capacity.</b> The desk owns the engine's open-lead counters: route, release and switch reps on through the desk, not
/// the engine, so that a rep's open leads always equal the leads the desk says they hold. With push delivery, when
/// capacity frees up (a lead completed, rejected, withdrawn or expired; a rep switched on or back in working hours; a new
/// day for daily caps; <see cref="OfferQueuedLeads"/>), queued leads are offered again through the pipeline, highest
/// priority then oldest first, so no lead waits while a rep who may take it has room. A day change is noticed at the
/// first call after it: the desk offers the queue at every quarter hour of its clock, on which every time zone's
/// midnight falls.
/// </para>
/// <para>
/// <b>Availability.</b> A rep outside their <see cref="RepSchedule"/> (or switched off) is never chosen; leads they hold
/// stay with them. Coming back, a rep keeps the rotation turn they had: with round-robin (least recently assigned) they
/// get the next lead they are eligible for, once, and then rotate as before; with the weighted selector they resume
/// their share from where the rotation is, skipping the turns that fell while they were away. Neither gives a catch-up
/// burst nor starves them. Leads that waited in the queue are offered at once, and may go to them up to their caps.
/// </para>
/// <para>
/// <b>What waits.</b> A lead nobody can take now is queued only when it waits for something that can change: some rep
/// who never rejected it would take it once back (switched on, in working hours, back from leave) or with room (the
/// decision is <see cref="RoutingReason.AllAtCapacity"/>, <see cref="RoutingReason.NoActiveRep"/>, or a filter that left
/// nobody only because such reps are away or full). Otherwise it is returned at once, so it never takes a queue place from
/// a lead that can still be served: <see cref="LeadReturnReason.RejectedByAll"/> when every rep who could ever take it
/// rejected it or let it expire; <see cref="LeadReturnReason.Unassigned"/> when no rep could (no territory, skill or team
/// covers it, or data is missing) or the queue is off; <see cref="LeadReturnReason.Disqualified"/>,
/// <see cref="LeadReturnReason.RerouteLimitReached"/> and <see cref="LeadReturnReason.QueueFull"/> as they say. With pull
/// delivery the same test is made as the lead enters the queue.
/// </para>
/// <para>
/// <b>Failures.</b> When a route throws (a host <see cref="TimeProvider"/> that throws while a daily cap is read, say),
/// the lead being moved stays exactly where it was (a submitted lead never enters; a rejected or expired one stays with
/// its rep, still due), the moves the call already made stand and are raised, the next call offers the queue again, and
/// the exception reaches the caller.
/// </para>
/// <para>
/// <b>Threads.</b> Every member is safe to call from many threads. Calls are serialised by one lock (a call routes at most
/// a handful of leads, each in well under a microsecond, plus one per queued lead offered); <see cref="LeadMoved"/> is
/// raised after the lock is released, on the calling thread.
/// </para>
/// <para>
/// <b>Pipelines.</b> Give the pipeline a capacity step (<c>AddCapacity</c>): offering queued leads then stops at that step
/// when everyone is full, without moving any rep's rotation turn.
/// </para>
/// </remarks>
public sealed class LeadDesk
{
    private readonly Lock _lock = new();

    // The desk's state and the bodies of its calls; touched only under _lock.
    private readonly LeadFlow _flow;

    /// <summary>Creates a desk over an engine.</summary>
    /// <param name="engine">The engine; from now on route, release and switch reps on through the desk.</param>
    /// <param name="options">Settings; default <see cref="LeadDeskOptions"/> defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it (<c>LeadDeskOptions.MaxReroutes ...</c>).</exception>
    public LeadDesk(RoutingEngine engine, LeadDeskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new LeadDeskOptions();
        LeadDeskOptionsValidation.Validate(options, engine.Roster);
        _flow = new LeadFlow(engine, options);
    }

    /// <summary>
    /// Raised for every move of every lead (entered, assigned, accepted, re-routed, queued, returned), after the call that
    /// made it releases the desk's lock, on its thread. Order moves from several threads by
    /// <see cref="LeadMovedEventArgs.Sequence"/>. A handler that throws stops the rest of that call's moves from being
    /// raised (the desk's state is not affected).
    /// </summary>
    public event EventHandler<LeadMovedEventArgs>? LeadMoved;

    /// <summary>The engine the desk routes with; read its status and previews freely, but change capacity through the desk.</summary>
    public RoutingEngine Engine => _flow.Engine;

    /// <summary>How many leads are waiting.</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _flow.QueueLength;
            }
        }
    }

    /// <summary>
    /// Takes in a new lead. Push delivery routes it: assigned, the rep has until the team's deadline to accept; nobody
    /// eligible, it waits in the queue if a rep could take it once back or with room, else it is returned (see the class
    /// remarks); disqualified, it is returned. Pull delivery puts it in the queue for a rep to pull, unless no rep could
    /// ever take it (then it is returned at once).
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <param name="priority">Its queue priority (higher first). Default <see langword="null"/>: its score band (<see cref="LeadDeskOptions.PriorityScoreBands"/>).</param>
    /// <returns>Where the lead is now. A lead id the desk already holds changes nothing and returns its current placement, so retries are safe.</returns>
    public LeadPlacement Submit(Lead lead, int? priority = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Call(null, (lead, priority), static (flow, s) => flow.SubmitLocked(s.lead, s.priority));
    }

    /// <summary>The rep accepts the lead: it stays with them and its deadline no longer applies.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="repId">The rep accepting.</param>
    /// <returns>
    /// <see langword="false"/> when the lead is not assigned to that rep (any more): e.g. its deadline passed and it went to
    /// someone else. Accepting twice returns <see langword="true"/>.
    /// </returns>
    public bool TryAccept(string leadId, string repId)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(repId);
        return Call(null, (leadId, repId), static (flow, s) => flow.AcceptLocked(s.leadId, s.repId));
    }

    /// <summary>
    /// The rep rejects the lead (accepted or not): their slot is freed, and the lead is routed again through the same
    /// pipeline, never to a rep that rejected it or let it expire. Past <see cref="LeadDeskOptions.MaxReroutes"/> it is
    /// returned instead; when nobody else can take it now, it waits in the queue if someone could once back or with room,
    /// and is returned as <see cref="LeadReturnReason.RejectedByAll"/> when every rep who could take it has rejected it. The
    /// freed slot is then offered to the queue. With pull delivery the lead goes back to the queue, for another rep to
    /// pull (or is returned as rejected by all).
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="repId">The rep rejecting.</param>
    /// <param name="reason">The rep's reason, passed on in <see cref="LeadMovedEventArgs.Note"/>; optional.</param>
    /// <param name="placement">Where the lead went.</param>
    /// <returns><see langword="false"/> (and nothing changes) when the lead is not assigned to that rep.</returns>
    public bool TryReject(string leadId, string repId, string? reason, [NotNullWhen(true)] out LeadPlacement? placement)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(repId);
        placement = Call(null, (leadId, repId, reason), static (flow, s) => flow.RejectLocked(s.leadId, s.repId, s.reason));
        return placement is not null;
    }

    /// <summary>
    /// The lead is done (closed, converted, handed back for good): the rep's slot is freed and offered to the queue, and
    /// the lead is returned with <see cref="LeadReturnReason.Completed"/>.
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <returns><see langword="false"/> (and nothing changes) when the lead is not assigned.</returns>
    public bool TryComplete(string leadId)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        return Call(null, leadId, static (flow, id) => flow.CompleteLocked(id, LeadReturnReason.Completed, LeadMoveCause.Completed, fromQueueToo: false));
    }

    /// <summary>
    /// The host takes the lead back (deleted, merged, handled elsewhere), from a rep (whose slot is freed and offered to
    /// the queue) or from the queue; it is returned with <see cref="LeadReturnReason.Withdrawn"/>.
    /// </summary>
    /// <param name="leadId">The lead.</param>
    /// <returns><see langword="false"/> when the desk does not hold the lead.</returns>
    public bool TryWithdraw(string leadId)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        return Call(null, leadId, static (flow, id) => flow.CompleteLocked(id, LeadReturnReason.Withdrawn, LeadMoveCause.Withdrawn, fromQueueToo: true));
    }

    /// <summary>
    /// Gives the rep the first queued lead (highest priority, then oldest) they are eligible for, already accepted. A rep is
    /// eligible for a lead when the pipeline would give it to them if every other rep were away: territory, band, skills,
    /// caps and the pipeline's fallback all apply, and a rep that rejected the lead or let it expire never gets it back.
    /// A lead the pipeline refuses whoever asks (disqualified, or missing the data it needs) is returned on the way.
    /// Two reps pulling at once never receive the same lead. Made for <see cref="LeadDelivery.Pull"/>: with push delivery
    /// the queue holds only leads no rep with room may take.
    /// </summary>
    /// <remarks>
    /// Each queued lead looked at is one route for this rep alone: the pipeline's steps, selection and fallback with the
    /// candidates restricted to them, so it costs the same whatever the roster's size; the queue is read in place. The
    /// pull stops at the first lead they get, or at once when they turn out switched off, away or full. With a weighted
    /// selector, such a route moves the group's rotation past the other reps' turns, as their absence would.
    /// </remarks>
    /// <param name="repId">The rep asking.</param>
    /// <param name="placement">The lead they got.</param>
    /// <returns><see langword="false"/> when no queued lead is for them (or they are unknown, inactive, away or full).</returns>
    public bool TryPull(string repId, [NotNullWhen(true)] out LeadPlacement? placement)
    {
        ArgumentNullException.ThrowIfNull(repId);
        placement = Call(null, repId, static (flow, id) => flow.PullLocked(id));
        return placement is not null;
    }

    /// <summary>
    /// Takes back every assignment not accepted by its deadline and routes it again, never to the rep that let it expire
    /// (it counts towards <see cref="LeadDeskOptions.MaxReroutes"/>); the freed slots are offered to the queue. Also applies
    /// schedule changes and daily resets that are due. Call it on a timer (every few seconds) from the host.
    /// </summary>
    /// <returns>How many assignments expired.</returns>
    public int ExpireOverdue() => ExpireOverdue(_flow.Time.GetUtcNow());

    /// <summary>As <see cref="ExpireOverdue()"/>, at a given time (usually the timer's tick, from the same clock).</summary>
    /// <param name="now">The current time; deadlines at or before it have passed.</param>
    /// <returns>How many assignments expired.</returns>
    public int ExpireOverdue(DateTimeOffset now) => Call(now, 0, static (flow, _) => flow.ExpireLocked());

    /// <summary>
    /// Switches a rep on or off (as <see cref="RoutingEngine.SetActive"/>). A rep switched on is offered the queue at once.
    /// Leads the rep holds stay with them.
    /// </summary>
    /// <param name="repId">The rep.</param>
    /// <param name="active">Whether the rep receives leads.</param>
    /// <returns><see langword="false"/> when the rep is not in the roster.</returns>
    public bool SetActive(string repId, bool active)
    {
        ArgumentNullException.ThrowIfNull(repId);
        return Call(null, (repId, active), static (flow, s) => flow.SetActive(s.repId, s.active));
    }

    /// <summary>
    /// Sets or removes a rep's working hours and out-of-office periods; applied at once, and afterwards at every boundary
    /// (checked on each desk call). Outside their schedule a rep is never chosen; back inside it, they are offered the queue.
    /// Leads the rep holds stay with them. Independent of <see cref="SetActive"/>: a rep is routable only when both allow.
    /// </summary>
    /// <param name="repId">The rep.</param>
    /// <param name="schedule">The schedule; <see langword="null"/> to remove it (always available).</param>
    /// <returns><see langword="false"/> (and nothing changes) when the rep is not in the roster.</returns>
    /// <exception cref="ArgumentException">The schedule has a null time zone, list or entry.</exception>
    public bool SetSchedule(string repId, RepSchedule? schedule)
    {
        ArgumentNullException.ThrowIfNull(repId);
        if (schedule is not null && ScheduleEvaluator.Error(schedule, "schedule") is { } error)
        {
            throw new ArgumentException(error, nameof(schedule));
        }

        return Call(null, (repId, schedule), static (flow, s) => flow.SetSchedule(s.repId, s.schedule));
    }

    /// <summary>The schedule set for a rep, if any.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns>The schedule; <see langword="null"/> when the rep has none (always available).</returns>
    public RepSchedule? GetSchedule(string repId)
    {
        ArgumentNullException.ThrowIfNull(repId);
        lock (_lock)
        {
            return _flow.ScheduleOf(repId);
        }
    }

    /// <summary>
    /// Applies every rep's schedule now and offers the queue to reps that came back. Desk calls do this by themselves when
    /// a schedule boundary has passed; call it when nothing else calls the desk, or after changing time-zone data.
    /// </summary>
    public void RefreshAvailability() => RefreshAvailability(_flow.Time.GetUtcNow());

    /// <summary>As <see cref="RefreshAvailability()"/>, at a given time.</summary>
    /// <param name="now">The time to evaluate schedules at.</param>
    public void RefreshAvailability(DateTimeOffset now) => Call(now, 0, static (flow, _) =>
    {
        flow.RefreshAvailability();
        return 0;
    });

    /// <summary>
    /// Offers every queued lead again, in order. With push delivery the desk does this by itself whenever capacity frees up
    /// through it; call it after changing something the desk cannot see. With pull delivery this pushes the queue out
    /// (e.g. at the end of a shift), and the leads placed wait for acceptance like pushed ones.
    /// </summary>
    /// <returns>How many queued leads were placed with a rep by this call.</returns>
    public int OfferQueuedLeads() => Call(null, 0, static (flow, _) => flow.OfferQueuedLeads());

    /// <summary>
    /// Replaces the engine's roster (<see cref="RoutingEngine.ReplaceRoster"/>), re-applies schedules to the reps, and
    /// offers the queue. Leads held by removed reps stay with them until completed, withdrawn, rejected or expired. Queued
    /// leads that nobody left could ever take are returned (<see cref="LeadMoveCause.RosterChanged"/>).
    /// </summary>
    /// <param name="roster">The new roster.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the new roster lacks; nothing changes.</exception>
    public void ReplaceRoster(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        Call(null, roster, static (flow, r) =>
        {
            flow.Swap(r, null);
            return 0;
        });
    }

    /// <summary>As <see cref="ReplaceRoster"/>, replacing the pipeline too (<see cref="RoutingEngine.Reconfigure(Roster, RoutingPipeline)"/>).</summary>
    /// <param name="roster">The new roster.</param>
    /// <param name="pipeline">The new pipeline.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the roster lacks; nothing changes.</exception>
    public void Reconfigure(Roster roster, RoutingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(pipeline);
        Call(null, (roster, pipeline), static (flow, s) =>
        {
            flow.Swap(s.roster, s.pipeline);
            return 0;
        });
    }

    /// <summary>Where a lead the desk holds is.</summary>
    /// <param name="leadId">The lead.</param>
    /// <param name="placement">Its placement, when held.</param>
    /// <returns><see langword="false"/> when the desk does not hold it (never entered, or already returned).</returns>
    public bool TryGetPlacement(string leadId, [NotNullWhen(true)] out LeadPlacement? placement)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        lock (_lock)
        {
            placement = _flow.PlacementOf(leadId);
            return placement is not null;
        }
    }

    /// <summary>Everything the desk holds and the counts of what entered and left, read at one moment.</summary>
    /// <returns>The snapshot.</returns>
    public LeadDeskSnapshot GetSnapshot()
    {
        lock (_lock)
        {
            return _flow.Snapshot();
        }
    }

    /// <summary>
    /// Runs one desk call under the lock (at <paramref name="now"/>, or the clock's time) and raises its moves after it.
    /// When something in it throws (a route, through the host's clock), the lead being moved stays where it was, the
    /// moves already made stand and are raised, the next call offers the queue (this one may have freed capacity it could
    /// not offer), and the exception reaches the caller.
    /// </summary>
    private TResult Call<TState, TResult>(DateTimeOffset? now, TState state, Func<LeadFlow, TState, TResult> body)
    {
        TResult result;
        List<LeadMovedEventArgs>? moves;
        ExceptionDispatchInfo? failure = null;
        lock (_lock)
        {
            try
            {
                _flow.Begin(now ?? _flow.Time.GetUtcNow(), listening: LeadMoved is not null);
                result = body(_flow, state);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                result = default!;
                _flow.Fail();
            }

            moves = _flow.End();
        }

        try
        {
            Raise(moves);
        }
        finally
        {
            failure?.Throw();
        }

        return result;
    }

    private void Raise(List<LeadMovedEventArgs>? moves)
    {
        if (moves is null)
        {
            return;
        }

        foreach (var move in moves)
        {
            LeadMoved?.Invoke(this, move);
        }
    }

}
