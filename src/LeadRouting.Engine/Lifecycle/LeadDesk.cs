using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
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
    /// <summary>Every time zone's midnight is on a quarter hour of UTC, so offering the queue this often catches each daily reset.</summary>
    private static readonly long OfferIntervalTicks = TimeSpan.FromMinutes(15).Ticks;

    private readonly Lock _lock = new();
    private readonly RoutingEngine _engine;
    private readonly TimeProvider _time;
    private readonly bool _push;
    private readonly int _maxReroutes;
    private readonly ResponseDeadlines _responseDeadlines;
    private readonly PriorityBands _priorityBands;
    private readonly LeadLedger _ledger = new();
    private readonly LeadJournal _journal = new();
    private readonly WaitingQueue _queue;
    private readonly DeadlineSchedule _deadlines = new();
    private readonly AvailabilityTracker _availability = new();
    private DateTimeOffset _nextOffer;

    // Scratch of the call holding the lock: its time and the leads it offered (its moves are in the journal).
    private DateTimeOffset _now;
    private int _offered;

    // Set when a call threw (a route failed) before it could offer the capacity it freed: the next call offers the queue.
    private bool _offerOwed;

    // Queued leads a pass over the queue placed or returned, taken out of the queue once the pass is over.
    private readonly List<HeldLead> _leaving = [];

    /// <summary>Creates a desk over an engine.</summary>
    /// <param name="engine">The engine; from now on route, release and switch reps on through the desk.</param>
    /// <param name="options">Settings; default <see cref="LeadDeskOptions"/> defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it (<c>LeadDeskOptions.MaxReroutes ...</c>).</exception>
    public LeadDesk(RoutingEngine engine, LeadDeskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new LeadDeskOptions();
        LeadDeskOptionsValidation.Validate(options, engine.Roster);
        _engine = engine;
        _time = options.TimeProvider;
        _push = options.Delivery == LeadDelivery.Push;
        _maxReroutes = options.MaxReroutes;
        _responseDeadlines = new ResponseDeadlines(options.ResponseDeadline, options.TeamResponseDeadlines);
        _priorityBands = new PriorityBands(options.PriorityScoreBands);
        _queue = new WaitingQueue(options.QueueCapacity);
        foreach (var (repId, schedule) in options.Schedules)
        {
            _availability.Set(repId, schedule);
        }

        var now = _time.GetUtcNow();
        _nextOffer = NextOfferAfter(now);
        _availability.Refresh(engine, now, force: true);
    }

    /// <summary>
    /// Raised for every move of every lead (entered, assigned, accepted, re-routed, queued, returned), after the call that
    /// made it releases the desk's lock, on its thread. Order moves from several threads by
    /// <see cref="LeadMovedEventArgs.Sequence"/>. A handler that throws stops the rest of that call's moves from being
    /// raised (the desk's state is not affected).
    /// </summary>
    public event EventHandler<LeadMovedEventArgs>? LeadMoved;

    /// <summary>The engine the desk routes with; read its status and previews freely, but change capacity through the desk.</summary>
    public RoutingEngine Engine => _engine;

    /// <summary>How many leads are waiting.</summary>
    public int QueueLength
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
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
        return Call(null, (lead, priority), static (desk, s) => desk.SubmitLocked(s.lead, s.priority));
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
        return Call(null, (leadId, repId), static (desk, s) => desk.AcceptLocked(s.leadId, s.repId));
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
        placement = Call(null, (leadId, repId, reason), static (desk, s) => desk.RejectLocked(s.leadId, s.repId, s.reason));
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
        return Call(null, leadId, static (desk, id) => desk.CompleteLocked(id, LeadReturnReason.Completed, LeadMoveCause.Completed, fromQueueToo: false));
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
        return Call(null, leadId, static (desk, id) => desk.CompleteLocked(id, LeadReturnReason.Withdrawn, LeadMoveCause.Withdrawn, fromQueueToo: true));
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
        placement = Call(null, repId, static (desk, id) => desk.PullLocked(id));
        return placement is not null;
    }

    /// <summary>
    /// Takes back every assignment not accepted by its deadline and routes it again, never to the rep that let it expire
    /// (it counts towards <see cref="LeadDeskOptions.MaxReroutes"/>); the freed slots are offered to the queue. Also applies
    /// schedule changes and daily resets that are due. Call it on a timer (every few seconds) from the host.
    /// </summary>
    /// <returns>How many assignments expired.</returns>
    public int ExpireOverdue() => ExpireOverdue(_time.GetUtcNow());

    /// <summary>As <see cref="ExpireOverdue()"/>, at a given time (usually the timer's tick, from the same clock).</summary>
    /// <param name="now">The current time; deadlines at or before it have passed.</param>
    /// <returns>How many assignments expired.</returns>
    public int ExpireOverdue(DateTimeOffset now) => Call(now, 0, static (desk, _) => desk.ExpireLocked());

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
        return Call(null, (repId, active), static (desk, s) =>
        {
            var known = desk._engine.SetActive(s.repId, s.active);
            if (known && s.active)
            {
                desk.OfferFreedCapacity(int.MaxValue);
            }

            return known;
        });
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

        return Call(null, (repId, schedule), static (desk, s) =>
        {
            var known = desk._engine.Roster.RepIndex.ContainsKey(s.repId);
            if (known)
            {
                desk._availability.Set(s.repId, s.schedule);
                desk.Housekeep(forceAvailability: true, forceOffer: false);
            }

            return known;
        });
    }

    /// <summary>The schedule set for a rep, if any.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns>The schedule; <see langword="null"/> when the rep has none (always available).</returns>
    public RepSchedule? GetSchedule(string repId)
    {
        ArgumentNullException.ThrowIfNull(repId);
        lock (_lock)
        {
            return _availability.ScheduleOf(repId);
        }
    }

    /// <summary>
    /// Applies every rep's schedule now and offers the queue to reps that came back. Desk calls do this by themselves when
    /// a schedule boundary has passed; call it when nothing else calls the desk, or after changing time-zone data.
    /// </summary>
    public void RefreshAvailability() => RefreshAvailability(_time.GetUtcNow());

    /// <summary>As <see cref="RefreshAvailability()"/>, at a given time.</summary>
    /// <param name="now">The time to evaluate schedules at.</param>
    public void RefreshAvailability(DateTimeOffset now) => Call(now, 0, static (desk, _) =>
    {
        desk.Housekeep(forceAvailability: true, forceOffer: false);
        return 0;
    });

    /// <summary>
    /// Offers every queued lead again, in order. With push delivery the desk does this by itself whenever capacity frees up
    /// through it; call it after changing something the desk cannot see. With pull delivery this pushes the queue out
    /// (e.g. at the end of a shift), and the leads placed wait for acceptance like pushed ones.
    /// </summary>
    /// <returns>How many queued leads were placed with a rep by this call.</returns>
    public int OfferQueuedLeads() => Call(null, 0, static (desk, _) =>
    {
        desk.OfferQueue(int.MaxValue);
        return desk._offered;
    });

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
        Swap(roster, null);
    }

    /// <summary>As <see cref="ReplaceRoster"/>, replacing the pipeline too (<see cref="RoutingEngine.Reconfigure(Roster, RoutingPipeline)"/>).</summary>
    /// <param name="roster">The new roster.</param>
    /// <param name="pipeline">The new pipeline.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the roster lacks; nothing changes.</exception>
    public void Reconfigure(Roster roster, RoutingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(pipeline);
        Swap(roster, pipeline);
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
            placement = _ledger.TryGet(leadId, out var held) ? held.ToPlacement() : null;
            return placement is not null;
        }
    }

    /// <summary>Everything the desk holds and the counts of what entered and left, read at one moment.</summary>
    /// <returns>The snapshot.</returns>
    public LeadDeskSnapshot GetSnapshot()
    {
        lock (_lock)
        {
            return _ledger.Snapshot(_queue, _time);
        }
    }

    private void Swap(Roster roster, RoutingPipeline? pipeline) => Call(null, (roster, pipeline), static (desk, s) =>
    {
        if (s.pipeline is null)
        {
            desk._engine.ReplaceRoster(s.roster);
        }
        else
        {
            desk._engine.Reconfigure(s.roster, s.pipeline);
        }

        desk.ReturnStranded();
        desk.Housekeep(forceAvailability: true, forceOffer: true);
        return 0;
    });

    /// <summary>
    /// After a roster or pipeline change, returns the queued leads nobody (but the reps who rejected them) could ever take
    /// any more: their only takers left, or the new rules refuse them. The rest keep waiting.
    /// </summary>
    private void ReturnStranded()
    {
        try
        {
            foreach (var held in _queue)
            {
                var to = LeadTriage.WaitOrReturn(_engine, held.Lead, CollectionsMarshal.AsSpan(held.Excluded));
                if (to.State != LeadState.Queued)
                {
                    _leaving.Add(held);
                    Place(held, to, LeadMoveCause.RosterChanged, LeadState.Queued, previousRep: null, note: null);
                }
            }
        }
        finally
        {
            LeaveQueue();
        }
    }

    /// <summary>
    /// Runs one desk call under the lock (at <paramref name="now"/>, or the clock's time) and raises its moves after it.
    /// When something in it throws (a route, through the host's clock), the lead being moved stays where it was, the
    /// moves already made stand and are raised, the next call offers the queue (this one may have freed capacity it could
    /// not offer), and the exception reaches the caller.
    /// </summary>
    private TResult Call<TState, TResult>(DateTimeOffset? now, TState state, Func<LeadDesk, TState, TResult> body)
    {
        TResult result;
        List<LeadMovedEventArgs>? moves;
        ExceptionDispatchInfo? failure = null;
        lock (_lock)
        {
            try
            {
                Begin(now ?? _time.GetUtcNow());
                result = body(this, state);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                result = default!;
                _offerOwed = true;
            }

            moves = _journal.End();
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

    private void Begin(DateTimeOffset now)
    {
        _now = now;
        _journal.Begin(listening: LeadMoved is not null);
        _offered = 0;
        Housekeep(forceAvailability: false, forceOffer: false);
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

    /// <summary>Applies schedule boundaries that have passed and, on a new quarter hour (a day may have ended), offers the queue.</summary>
    private void Housekeep(bool forceAvailability, bool forceOffer)
    {
        var offer = forceOffer || _offerOwed;
        if (_now >= _nextOffer)
        {
            offer = true;
            _nextOffer = NextOfferAfter(_now);
        }

        offer |= _availability.Refresh(_engine, _now, forceAvailability);
        if (offer)
        {
            OfferFreedCapacity(int.MaxValue);
            _offerOwed = false;
        }
    }

    private LeadPlacement SubmitLocked(Lead lead, int? priority)
    {
        if (_ledger.TryGet(lead.Id, out var existing))
        {
            return existing.ToPlacement();
        }

        // Decided before the lead is recorded, so a route that throws leaves no trace of it.
        var to = _push ? LeadTriage.Judge(_engine, _queue.Capacity, lead, _engine.Route(lead), []) : LeadTriage.WaitOrReturn(_engine, lead, []);
        var held = _ledger.Enter(lead, priority ?? _priorityBands.Of(lead));
        return Place(held, to, LeadMoveCause.Submitted, previousState: null, previousRep: null, note: null);
    }

    private bool AcceptLocked(string leadId, string repId)
    {
        if (!_ledger.TryGet(leadId, out var held) || held.State != LeadState.Assigned || held.RepId != repId)
        {
            return false;
        }

        if (!held.Accepted)
        {
            held.Accepted = true;
            held.Deadline = null;
            _journal.Record(LeadMoveCause.Accepted, held, LeadState.Assigned, repId, note: null);
        }

        return true;
    }

    private LeadPlacement? RejectLocked(string leadId, string repId, string? reason)
    {
        if (!_ledger.TryGet(leadId, out var held) || held.State != LeadState.Assigned || held.RepId != repId)
        {
            return null;
        }

        var placement = TakeBack(held, LeadMoveCause.Rejected, reason);
        OfferFreedCapacity(1);
        return placement;
    }

    private bool CompleteLocked(string leadId, LeadReturnReason reason, LeadMoveCause cause, bool fromQueueToo)
    {
        if (!_ledger.TryGet(leadId, out var held))
        {
            return false;
        }

        if (held.State == LeadState.Queued)
        {
            if (!fromQueueToo)
            {
                return false;
            }

            _queue.Remove(held);
            Return(held, reason, cause, LeadState.Queued, previousRep: null, note: null);
            return true;
        }

        var rep = Unassign(held);
        Return(held, reason, cause, LeadState.Assigned, rep, note: null);
        OfferFreedCapacity(1);
        return true;
    }

    private LeadPlacement? PullLocked(string repId)
    {
        if (_queue.Count == 0 || !_engine.Roster.RepIndex.ContainsKey(repId))
        {
            return null;
        }

        HeldLead? pulled = null;
        var decision = default(RoutingDecision);
        try
        {
            foreach (var held in _queue)
            {
                if (held.Excluded.Contains(repId))
                {
                    continue;
                }

                decision = _engine.RouteFor(held.Lead, repId, CollectionsMarshal.AsSpan(held.Excluded));
                if (decision.IsAssigned)
                {
                    pulled = held;
                    break;
                }

                if (decision.Outcome == RoutingOutcome.Disqualified || !LeadTriage.CanWait(decision.Reason))
                {
                    // Refused whoever asks, by a pipeline changed since the lead was queued: hand it back.
                    _leaving.Add(held);
                    Place(held, LeadTriage.Settled(decision), LeadMoveCause.OfferedFromQueue, LeadState.Queued, previousRep: null, note: null);
                    continue;
                }

                held.Decision = decision;
                if (decision.Reason is RoutingReason.NoActiveRep or RoutingReason.AllAtCapacity)
                {
                    // The rep is switched off, away or full: so for every lead alike.
                    break;
                }
            }
        }
        finally
        {
            LeaveQueue();
        }

        if (pulled is null)
        {
            return null;
        }

        _queue.Remove(pulled);
        return Place(pulled, new Destination(decision, LeadState.Assigned), LeadMoveCause.Pulled, LeadState.Queued, previousRep: null, note: null);
    }

    private int ExpireLocked()
    {
        var expired = 0;
        while (_deadlines.TryTakeOverdue(_now, out var held))
        {
            try
            {
                TakeBack(held, LeadMoveCause.Expired, note: null);
            }
            catch
            {
                // Its re-route threw and it is still with the rep: still due.
                _deadlines.Add(held, held.Deadline!.Value);
                throw;
            }

            expired++;
        }

        if (expired > 0)
        {
            OfferFreedCapacity(expired);
        }

        return expired;
    }

    /// <summary>
    /// Takes an assignment back from its rep: excludes the rep for the lead, decides where it goes next (routing it again
    /// with push delivery), then frees the rep's slot and moves it. A route that throws leaves the lead with the rep.
    /// </summary>
    private LeadPlacement TakeBack(HeldLead held, LeadMoveCause cause, string? note)
    {
        held.Excluded.Add(held.RepId!);
        Destination to;
        try
        {
            // The rep is excluded, so routing before their slot is freed decides exactly as routing after.
            var excluded = CollectionsMarshal.AsSpan(held.Excluded);
            to = held.Excluded.Count > _maxReroutes ? new Destination(null, LeadState.Returned, LeadReturnReason.RerouteLimitReached)
                : _push ? LeadTriage.Judge(_engine, _queue.Capacity, held.Lead, _engine.Route(held.Lead, excluded), excluded)
                : LeadTriage.WaitOrReturn(_engine, held.Lead, excluded);
        }
        catch
        {
            held.Excluded.RemoveAt(held.Excluded.Count - 1);
            throw;
        }

        var rep = Unassign(held);
        return Place(held, to, cause, LeadState.Assigned, rep, note);
    }

    /// <summary>Offers the queue to capacity that just freed up, when the desk pushes leads.</summary>
    private void OfferFreedCapacity(int budget)
    {
        if (_push)
        {
            OfferQueue(budget);
        }
    }

    /// <summary>
    /// Offers queued leads to the pipeline in order until <paramref name="budget"/> of them are placed with a rep. A call
    /// that frees one slot offers with a budget of one: every other rep's room was already offered the queue.
    /// </summary>
    private void OfferQueue(int budget)
    {
        if (_queue.Count == 0)
        {
            return;
        }

        var placed = 0;
        try
        {
            foreach (var held in _queue)
            {
                var decision = _engine.Route(held.Lead, CollectionsMarshal.AsSpan(held.Excluded));
                if (decision.Outcome == RoutingOutcome.Unassigned && LeadTriage.CanWait(decision.Reason))
                {
                    held.Decision = decision;
                    if (decision.Reason == RoutingReason.NoActiveRep && held.Excluded.Count == 0)
                    {
                        // Nobody is switched on and available: no other lead can be placed either.
                        return;
                    }

                    continue;
                }

                // Placed, or refused for good by a pipeline changed since the lead was queued.
                _leaving.Add(held);
                Place(held, LeadTriage.Settled(decision), LeadMoveCause.OfferedFromQueue, LeadState.Queued, previousRep: null, note: null);
                if (decision.IsAssigned)
                {
                    _offered++;
                    if (++placed == budget)
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            LeaveQueue();
        }
    }

    /// <summary>Takes the leads a pass over the queue placed or returned out of it (not during the pass, which reads the queue in place).</summary>
    private void LeaveQueue()
    {
        foreach (var held in _leaving)
        {
            _queue.Remove(held);
        }

        _leaving.Clear();
    }

    /// <summary>Moves a lead where <paramref name="to"/> says: to the rep, into the queue, or back to the host.</summary>
    private LeadPlacement Place(HeldLead held, Destination to, LeadMoveCause cause, LeadState? previousState, string? previousRep, string? note)
    {
        if (to.Decision is { } decision)
        {
            held.Decision = decision;
        }

        return to.State switch
        {
            LeadState.Assigned => Assigned(held, held.Decision, cause, previousState, previousRep, note),
            LeadState.Queued => Enqueue(held, cause, previousState, previousRep, note),
            _ => Return(held, to.Reason, cause, previousState, previousRep, note),
        };
    }

    private LeadPlacement Assigned(HeldLead held, RoutingDecision decision, LeadMoveCause cause, LeadState? previousState, string? previousRep, string? note)
    {
        Assign(held, decision, accepted: cause == LeadMoveCause.Pulled);
        return _journal.Record(cause, held, previousState, previousRep, note);
    }

    /// <summary>Puts a lead in the queue; when the queue is full, the lead ranking last (maybe this one) is returned.</summary>
    private LeadPlacement Enqueue(HeldLead held, LeadMoveCause cause, LeadState? previousState, string? previousRep, string? note)
    {
        held.State = LeadState.Queued;
        _queue.Add(held, out var bumped);
        if (ReferenceEquals(bumped, held))
        {
            return Return(held, LeadReturnReason.QueueFull, cause, previousState, previousRep, note);
        }

        var placement = _journal.Record(cause, held, previousState, previousRep, note);
        if (bumped is not null)
        {
            Return(bumped, LeadReturnReason.QueueFull, LeadMoveCause.QueueOverflow, LeadState.Queued, previousRep: null, note: null);
        }

        return placement;
    }

    private void Assign(HeldLead held, RoutingDecision decision, bool accepted)
    {
        var rep = decision.RepId!;
        held.State = LeadState.Assigned;
        held.RepId = rep;
        held.TeamId = decision.TeamId;
        held.AssignedAt = _now;
        held.Accepted = accepted;
        held.AssignmentVersion++;
        held.Deadline = accepted ? null : _responseDeadlines.For(decision.TeamId) is { } wait ? _now + wait : null;
        if (held.Deadline is { } deadline)
        {
            _deadlines.Add(held, deadline);
        }
    }

    /// <summary>Frees the rep's slot and clears the assignment; returns the rep.</summary>
    private string Unassign(HeldLead held)
    {
        var rep = held.RepId!;
        // Cannot fail: the desk reserved this slot, and the engine keeps a rep's counters, in or out of the roster, while they hold one.
        var released = _engine.Release(rep);
        System.Diagnostics.Debug.Assert(released, $"The engine had no open slot of rep '{rep}' to release: was Release called on the engine, bypassing the desk?");
        held.RepId = null;
        held.TeamId = null;
        held.AssignedAt = null;
        held.Deadline = null;
        held.Accepted = false;
        held.AssignmentVersion++;
        return rep;
    }

    private LeadPlacement Return(HeldLead held, LeadReturnReason reason, LeadMoveCause cause, LeadState? previousState, string? previousRep, string? note)
    {
        _ledger.Leave(held, reason);
        held.State = LeadState.Returned;
        return _journal.Record(cause, held, previousState, previousRep, note, reason);
    }

    private static DateTimeOffset NextOfferAfter(DateTimeOffset now) =>
        new(((now.UtcTicks / OfferIntervalTicks) + 1) * OfferIntervalTicks, TimeSpan.Zero);
}
