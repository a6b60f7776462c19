using System.Runtime.InteropServices;
using LeadRouting.Engine.Availability;

namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// The state of a <see cref="LeadDesk"/> and the bodies of its calls: submit, accept, reject, complete, pull, expire,
/// offer the queue, swap the roster, and the moves they make. Not thread-safe: the desk, its facade, runs every member
/// under its lock, each call between <see cref="Begin"/> and <see cref="End"/>, and raises the moves after.
/// </summary>
internal sealed class LeadFlow
{
    /// <summary>Every time zone's midnight is on a quarter hour of UTC, so offering the queue this often catches each daily reset.</summary>
    private static readonly long OfferIntervalTicks = TimeSpan.FromMinutes(15).Ticks;

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

    /// <summary>Creates the state of a desk over <paramref name="engine"/>; <paramref name="options"/> are already validated.</summary>
    public LeadFlow(RoutingEngine engine, LeadDeskOptions options)
    {
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

    public RoutingEngine Engine => _engine;

    public TimeProvider Time => _time;

    public int QueueLength => _queue.Count;

    public RepSchedule? ScheduleOf(string repId) => _availability.ScheduleOf(repId);

    public LeadPlacement? PlacementOf(string leadId) => _ledger.TryGet(leadId, out var held) ? held.ToPlacement() : null;

    public LeadDeskSnapshot Snapshot() => _ledger.Snapshot(_queue, _time);

    /// <summary>Starts a call at <paramref name="now"/>: its moves are collected when <paramref name="listening"/>; due housekeeping runs first.</summary>
    public void Begin(DateTimeOffset now, bool listening)
    {
        _now = now;
        _journal.Begin(listening);
        _offered = 0;
        Housekeep(forceAvailability: false, forceOffer: false);
    }

    /// <summary>The call threw (a route failed), maybe before it could offer the capacity it freed: the next call offers the queue.</summary>
    public void Fail() => _offerOwed = true;

    /// <summary>Ends a call and hands over its moves (null when nobody listened).</summary>
    public List<LeadMovedEventArgs>? End() => _journal.End();

    public bool SetActive(string repId, bool active)
    {
        var known = _engine.SetActive(repId, active);
        if (known && active)
        {
            OfferFreedCapacity(int.MaxValue);
        }

        return known;
    }

    public bool SetSchedule(string repId, RepSchedule? schedule)
    {
        var known = _engine.Roster.RepIndex.ContainsKey(repId);
        if (known)
        {
            _availability.Set(repId, schedule);
            Housekeep(forceAvailability: true, forceOffer: false);
        }

        return known;
    }

    public void RefreshAvailability() => Housekeep(forceAvailability: true, forceOffer: false);

    public int OfferQueuedLeads()
    {
        OfferQueue(int.MaxValue);
        return _offered;
    }

    public void Swap(Roster roster, RoutingPipeline? pipeline)
    {
        if (pipeline is null)
        {
            _engine.ReplaceRoster(roster);
        }
        else
        {
            _engine.Reconfigure(roster, pipeline);
        }

        ReturnStranded();
        Housekeep(forceAvailability: true, forceOffer: true);
    }

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

    public LeadPlacement SubmitLocked(Lead lead, int? priority)
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

    public bool AcceptLocked(string leadId, string repId)
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

    public LeadPlacement? RejectLocked(string leadId, string repId, string? reason)
    {
        if (!_ledger.TryGet(leadId, out var held) || held.State != LeadState.Assigned || held.RepId != repId)
        {
            return null;
        }

        var placement = TakeBack(held, LeadMoveCause.Rejected, reason);
        OfferFreedCapacity(1);
        return placement;
    }

    public bool CompleteLocked(string leadId, LeadReturnReason reason, LeadMoveCause cause, bool fromQueueToo)
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

    public LeadPlacement? PullLocked(string repId)
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

    public int ExpireLocked()
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
