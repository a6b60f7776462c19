using System.Buffers;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// Routes leads through a <see cref="RoutingPipeline"/> against a <see cref="Roster"/>. Every member is safe to call
/// from many threads at once; <see cref="Route(Lead)"/> is lock-free and allocates nothing.
/// </summary>
/// <remarks>
/// Configuration (roster and compiled pipeline) is an immutable snapshot held in one field and replaced whole; the
/// counters (open leads, leads today, rotation turns) belong to each rep id, in or out of the roster, so they carry
/// over when the roster is replaced (<see cref="ReplaceRoster"/> says how long a departed rep's are kept). Caps are
/// enforced by an atomic reservation on every assignment, whether or not the pipeline has a capacity step: a rep is
/// only assigned if its counters could be raised within its caps.
/// </remarks>
public sealed class RoutingEngine : IDisposable
{

    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, RepState> _states = new(StringComparer.Ordinal);
    private readonly SequenceCounter _sequence = new();
    private readonly TimeProvider _time;
    private readonly string _name;
    private readonly RoutingTelemetry _telemetry;
    private readonly DecisionDispatcher? _dispatcher;
    private EngineSnapshot _snapshot;

    /// <summary>The ids in <see cref="_states"/> not in the roster: reps that left holding open leads or leads counted today. Under the writer lock.</summary>
    private List<string> _departed = [];

    /// <summary>Creates an engine.</summary>
    /// <param name="roster">The reps and teams.</param>
    /// <param name="pipeline">The routing pipeline.</param>
    /// <param name="options">Engine settings; default <see cref="RoutingEngineOptions"/> defaults.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the roster lacks; the message gives the path.</exception>
    public RoutingEngine(Roster roster, RoutingPipeline pipeline, RoutingEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(pipeline);
        options ??= new RoutingEngineOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentNullException.ThrowIfNull(options.DayBoundaryTimeZone, "options.DayBoundaryTimeZone");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name, "options.Name");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DecisionEventBufferSize, 1, "options.DecisionEventBufferSize");
        _time = options.TimeProvider;
        _name = options.Name;
        _snapshot = BuildSnapshot(roster, pipeline, new DayClock(_time, options.DayBoundaryTimeZone), previous: null);
        // The meter is registered process-wide until disposed; its gauge reaches the engine through a weak reference, so an
        // engine a host drops without disposing can still be collected (and its finalizer then releases the meter).
        var self = new WeakReference<RoutingEngine>(this);
        _telemetry = new RoutingTelemetry(_name, () => self.TryGetTarget(out var engine) ? engine.ObserveUtilization() : [], options.MeterFactory);
        if (options.DecisionSinks.Count > 0)
        {
            _dispatcher = new DecisionDispatcher(options.DecisionSinks, options.DecisionEventBufferSize, _telemetry);
        }
    }

    /// <summary>Decision events dropped because the sinks fell behind (see <see cref="RoutingEngineOptions.DecisionSinks"/>).</summary>
    public long DroppedDecisionEvents => _dispatcher?.Dropped ?? 0;

    /// <summary>Decision events a sink threw on (the exception is swallowed; routing is unaffected).</summary>
    public long FailedDecisionEvents => _dispatcher?.Failed ?? 0;

    internal Task DecisionEventsCompletion => _dispatcher?.Completion ?? Task.CompletedTask;

    /// <summary>The roster routed against now.</summary>
    public Roster Roster => Volatile.Read(ref _snapshot).Roster;

    /// <summary>The pipeline routed through now.</summary>
    public RoutingPipeline Pipeline => Volatile.Read(ref _snapshot).Pipeline;

    /// <summary>
    /// Routes a lead: picks a rep and reserves a slot in their caps, or says why nobody could take it. Never throws for a
    /// lead that cannot be routed; that is an <see cref="RoutingOutcome.Unassigned"/> or
    /// <see cref="RoutingOutcome.Disqualified"/> decision with a reason.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The decision.</returns>
    public RoutingDecision Route(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return RouteCore(lead, []);
    }

    /// <summary>
    /// Routes a lead as <see cref="Route(Lead)"/> does, never to one of <paramref name="excludedRepIds"/> (e.g. the reps
    /// who already rejected it). Ids not in the roster are ignored. Allocates nothing.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <param name="excludedRepIds">Reps that must not get the lead, by any step or fallback.</param>
    /// <returns>The decision.</returns>
    public RoutingDecision Route(Lead lead, ReadOnlySpan<string> excludedRepIds)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return RouteCore(lead, excludedRepIds);
    }

    /// <summary>
    /// Releases an engine its host dropped without <see cref="Dispose"/>: its meter, registered process-wide, and its
    /// decision-event dispatcher. Without this an engine was kept alive for the life of the process by its own meter.
    /// </summary>
    ~RoutingEngine()
    {
        // Also runs for an engine whose constructor threw (invalid configuration), before the meter existed.
        _dispatcher?.Complete();
        _telemetry?.Dispose();
    }

    /// <summary>Stops handing decisions to the sinks (those already buffered are still delivered) and releases the engine's meter.</summary>
    public void Dispose()
    {
        _dispatcher?.Complete();
        _telemetry.Dispose();
        GC.SuppressFinalize(this);
    }

    private RoutingDecision RouteCore(Lead lead, ReadOnlySpan<string> excludedRepIds)
    {
        // The common case, nobody listening for spans and no decision sinks, has no try/finally (a span's `using`) on it.
        if (_dispatcher is null && !RoutingTelemetry.Source.HasListeners())
        {
            var snapshot = Decide(lead, excludedRepIds, out var verdict, out var team);

            // Built once, here, in the caller's return slot (see Verdict).
            return verdict.ToDecision(snapshot, team);
        }

        return RouteObserved(lead, excludedRepIds);
    }

    /// <summary>A route with a span (when someone listens) and a decision event (when sinks are configured).</summary>
    private RoutingDecision RouteObserved(Lead lead, ReadOnlySpan<string> excludedRepIds)
    {
        using var activity = RoutingTelemetry.Source.HasListeners() ? RoutingTelemetry.Source.StartActivity("leadrouting.route") : null;

        // Read before the route reserves anything: a host clock that throws must not leave a slot taken for nobody.
        var at = _dispatcher is null ? default : _time.GetUtcNow();
        var snapshot = Decide(lead, excludedRepIds, out var verdict, out var team);
        var decision = verdict.ToDecision(snapshot, team);
        Observed(activity, lead, decision, snapshot, at);
        return decision;
    }

    private void Observed(System.Diagnostics.Activity? activity, Lead lead, RoutingDecision decision, EngineSnapshot snapshot, DateTimeOffset at)
    {
        if (activity is not null)
        {
            activity.SetTag(RoutingTelemetry.EngineTag, _name);
            activity.SetTag("leadrouting.lead", lead.Id);
            activity.SetTag("leadrouting.outcome", decision.Outcome.ToString());
            activity.SetTag("leadrouting.rep", decision.RepId);
            activity.SetTag("leadrouting.team", decision.TeamId);
            activity.SetTag("leadrouting.step", decision.StepName);
            activity.SetTag("leadrouting.reason", decision.Reason.ToString());
        }

        _dispatcher?.Publish(new RoutingDecisionEvent(lead.Id, decision, at, snapshot.Version, _name));
    }

    /// <summary>
    /// Routes a lead for one rep: the decision <see cref="Route(Lead, ReadOnlySpan{string})"/> would make if every other
    /// rep were away, through the same steps, selection, reservation and fallback, with the candidates restricted to that
    /// rep from the start (not a roster-sized exclusion), so its cost does not grow with the roster. Never to a rep in
    /// <paramref name="excludedRepIds"/>. Allocates nothing. For a rep pulling from a <see cref="LeadDesk"/>. The other
    /// reps are out of scope, not excluded, so an unassigned decision gives the reason of the step that found nobody,
    /// never <see cref="RoutingReason.AllExcluded"/>.
    /// </summary>
    internal RoutingDecision RouteFor(Lead lead, string repId, ReadOnlySpan<string> excludedRepIds)
    {
        using var activity = RoutingTelemetry.Source.HasListeners() ? RoutingTelemetry.Source.StartActivity("leadrouting.route") : null;
        var at = _dispatcher is null ? default : _time.GetUtcNow();
        var spin = default(SpinWait);
        while (true)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (!snapshot.Roster.TryGetPosition(repId, out var position))
            {
                return Verdict.Unassigned(RouteRunner.RosterStepName, RoutingReason.NoActiveRep, usedFallback: false).ToDecision(snapshot, -1);
            }

            var verdict = RouteRunner.RouteOnScoped(snapshot, lead, position, excludedRepIds.Contains(repId) ? position : -1, default, out var restart, out var lostRaces, out var team);
            if (restart)
            {
                spin.SpinOnce();
                continue;
            }

            _telemetry.Record(verdict.Outcome, verdict.Reason, snapshot, team, lostRaces);
            var decision = verdict.ToDecision(snapshot, team);
            Observed(activity, lead, decision, snapshot, at);
            return decision;
        }
    }

    /// <summary>
    /// Whether anybody but <paramref name="excludedRepIds"/> could ever take the lead: the decision a preview would make if
    /// every rep were switched on, available and below their caps, changing nothing. Assigned means some rep may take it
    /// once they are back or have room; otherwise no change of availability or capacity can help, and the reason says why.
    /// </summary>
    internal RoutingDecision PreviewEveryoneFree(Lead lead, ReadOnlySpan<string> excludedRepIds)
    {
        var positions = ArrayPool<int>.Shared.Rent(Math.Max(1, excludedRepIds.Length));
        try
        {
            var spin = default(SpinWait);
            while (true)
            {
                var snapshot = Volatile.Read(ref _snapshot);
                var n = 0;
                foreach (var id in excludedRepIds)
                {
                    if (snapshot.Roster.TryGetPosition(id, out var p))
                    {
                        positions[n++] = p;
                    }
                }

                var verdict = RouteRunner.RouteOnScoped(snapshot, lead, -1, -1, positions.AsSpan(0, n), out var restart, out _, out var team);
                if (!restart)
                {
                    return verdict.ToDecision(snapshot, team);
                }

                spin.SpinOnce();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(positions);
        }
    }

    /// <summary>Routes on the current snapshot (again on the next one if it was replaced mid-route) and counts the outcome.</summary>
    private EngineSnapshot Decide(Lead lead, ReadOnlySpan<string> excludedRepIds, out Verdict verdict, out int team)
    {
        var spin = default(SpinWait);
        while (true)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            verdict = RouteRunner.RouteOn(snapshot, lead, excludedRepIds, preview: false, trace: null, out var restart, out var lostRaces, out team);
            if (restart)
            {
                // The snapshot was being replaced while the route read turns; nothing was reserved, so route again.
                spin.SpinOnce();
                continue;
            }

            _telemetry.Record(verdict.Outcome, verdict.Reason, snapshot, team, lostRaces);
            return snapshot;
        }
    }

    /// <summary>
    /// The decision <see cref="Route(Lead)"/> would make now, changing nothing: no rotation turn, weighted slot or capacity
    /// is taken. With no other route in between, the next <see cref="Route(Lead)"/> of the same lead picks the same rep.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The decision a route would make.</returns>
    public RoutingDecision Preview(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Simulate(lead, trace: null);
    }

    /// <summary>
    /// Explains the decision <see cref="Route(Lead)"/> would make now, step by step, changing nothing (it is a
    /// <see cref="Preview"/> that records its steps). Allocates; meant for people, not for the hot path.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The decision, the candidates before and after each step, why each rep dropped out and why the rep was picked.</returns>
    public RoutingExplanation Explain(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        while (true)
        {
            var trace = new ExplanationBuilder();
            var decision = Simulate(lead, trace);
            if (!trace.Restarted)
            {
                return trace.Build(lead.Id, decision);
            }
        }
    }

    private RoutingDecision Simulate(Lead lead, ExplanationBuilder? trace)
    {
        var spin = default(SpinWait);
        while (true)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            var decision = RouteRunner.RouteOn(snapshot, lead, [], preview: true, trace, out var restart, out _, out var team).ToDecision(snapshot, team);
            if (!restart)
            {
                return decision;
            }

            if (trace is not null)
            {
                trace.Restarted = true;
                return decision;
            }

            spin.SpinOnce();
        }
    }

    /// <summary>
    /// Frees one open-lead slot of a rep, when a lead is closed or handed back, whether or not the rep is still in the
    /// roster: a rep removed while holding leads keeps their counters (see <see cref="ReplaceRoster"/>), so a lead
    /// released while they are away frees the slot they come back to. Lock-free and allocation-free for a rep in the
    /// roster; a rep out of it takes the engine's writer lock.
    /// </summary>
    /// <param name="repId">The rep.</param>
    /// <returns><see langword="false"/> (and nothing changes) when the rep has no open lead (or the engine has no counters for it).</returns>
    public bool Release(string repId)
    {
        ArgumentNullException.ThrowIfNull(repId);
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot.Roster.TryGetPosition(repId, out var p) ? snapshot.Hot[p].State.TryRelease() : ReleaseDeparted(repId);
    }

    /// <summary>A release of a rep not in the roster: their counters are found by id, under the writer lock that may drop them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReleaseDeparted(string repId)
    {
        lock (_writeLock)
        {
            return _states.TryGetValue(repId, out var state) && state.TryRelease();
        }
    }

    /// <summary>Switches a rep on or off. An inactive rep is never chosen, by any step or fallback.</summary>
    /// <param name="repId">The rep.</param>
    /// <param name="active">Whether the rep receives leads.</param>
    /// <returns>
    /// <see langword="false"/> when the rep is not in the roster (a rep that enters the roster takes its
    /// <see cref="Rep.IsActive"/>, so switching a departed rep would not last).
    /// </returns>
    public bool SetActive(string repId, bool active)
    {
        ArgumentNullException.ThrowIfNull(repId);
        lock (_writeLock)
        {
            var snapshot = _snapshot;
            if (!snapshot.Roster.TryGetPosition(repId, out var p))
            {
                return false;
            }

            var state = snapshot.States[p];
            state.Active = active;
            snapshot.SetActiveBit(p, state.Routable);
            return true;
        }
    }

    /// <summary>
    /// Sets whether a rep's schedule lets them take leads, independently of <see cref="SetActive"/> (the rep is routable
    /// only when both allow it). For the availability layer.
    /// </summary>
    internal bool SetAvailable(string repId, bool available)
    {
        lock (_writeLock)
        {
            var snapshot = _snapshot;
            if (!snapshot.Roster.TryGetPosition(repId, out var p))
            {
                return false;
            }

            var state = snapshot.States[p];
            state.Available = available;
            snapshot.SetActiveBit(p, state.Routable);
            return true;
        }
    }

    /// <summary>
    /// Replaces the roster atomically. Reps that remain keep every counter (open leads, today's count, rotation turn) and
    /// their active flag; the <see cref="Rep.IsActive"/> of a remaining rep is ignored, use <see cref="SetActive"/>. A rep
    /// that enters the roster (absent from the previous one), new or returning, takes its <see cref="Rep.IsActive"/>.
    /// Routes that start after this returns never pick a removed rep.
    /// </summary>
    /// <remarks>
    /// A removed rep's counters are kept while they hold open leads or leads counted today, so that
    /// <see cref="Release"/> frees their slots while they are away and a same-day return keeps both caps exact; they are
    /// dropped at the first roster change (this or any later <see cref="ReplaceRoster"/> or <c>Reconfigure</c>) at which
    /// the rep is out of the roster and holds neither. A rep returning after that starts as a joiner: no open leads, none
    /// today, no rotation turn. So the engine keeps counters for the reps in the roster plus the departed reps still
    /// holding something, never one per id ever seen.
    /// </remarks>
    /// <param name="roster">The new roster.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the new roster lacks; the old roster stays in use.</exception>
    public void ReplaceRoster(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        lock (_writeLock)
        {
            Swap(BuildSnapshot(roster, _snapshot.Pipeline, _snapshot.Clock, _snapshot));
        }
    }

    /// <summary>
    /// Replaces the roster and the pipeline together, atomically (a configuration reload); the day boundary stays. Reps
    /// are treated as by <see cref="ReplaceRoster"/>: those that remain keep their counters and active flag, those that
    /// enter take <see cref="Rep.IsActive"/>, and departed reps' counters are kept while they hold something. Each
    /// weighted group's rotation carries over too, where the new pipeline has a weighted selector at the same place
    /// (same step names) and the group's reps and weights are unchanged.
    /// </summary>
    /// <param name="roster">The new roster.</param>
    /// <param name="pipeline">The new pipeline.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the roster lacks; the old configuration stays in use.</exception>
    public void Reconfigure(Roster roster, RoutingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(pipeline);
        lock (_writeLock)
        {
            Swap(BuildSnapshot(roster, pipeline, _snapshot.Clock, _snapshot));
        }
    }

    /// <summary>
    /// As <see cref="Reconfigure(Roster, RoutingPipeline)"/>, also moving the day boundary of the daily caps to
    /// <paramref name="dayBoundaryTimeZone"/>. Today's counts carry over when the new zone's date is the same day;
    /// when it is another day they start from zero, as at any midnight.
    /// </summary>
    /// <param name="roster">The new roster.</param>
    /// <param name="pipeline">The new pipeline.</param>
    /// <param name="dayBoundaryTimeZone">The new time zone of the day boundary.</param>
    /// <exception cref="ArgumentException">The pipeline names a team or rep the roster lacks; the old configuration stays in use.</exception>
    public void Reconfigure(Roster roster, RoutingPipeline pipeline, TimeZoneInfo dayBoundaryTimeZone)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(dayBoundaryTimeZone);
        lock (_writeLock)
        {
            var clock = dayBoundaryTimeZone.HasSameRules(_snapshot.Clock.Zone) ? _snapshot.Clock : new DayClock(_time, dayBoundaryTimeZone);
            Swap(BuildSnapshot(roster, pipeline, clock, _snapshot));
        }
    }

    /// <summary>
    /// Reads a rep's live counters: of a rep in the roster, or of a departed rep whose counters are still kept (see
    /// <see cref="ReplaceRoster"/>), reported as not active, with the leads counted today whatever its caps now.
    /// </summary>
    /// <param name="repId">The rep.</param>
    /// <param name="status">The counters, when the engine has them.</param>
    /// <returns><see langword="false"/> when the rep is neither in the roster nor a departed rep whose counters are kept.</returns>
    public bool TryGetStatus(string repId, out RepStatus status)
    {
        ArgumentNullException.ThrowIfNull(repId);
        var snapshot = Volatile.Read(ref _snapshot);
        if (!snapshot.Roster.TryGetPosition(repId, out var p))
        {
            return TryGetDepartedStatus(repId, out status);
        }

        var state = snapshot.States[p];
        var today = snapshot.Hot[p].MaxPerDay >= 0 ? state.LeadsOn(snapshot.Clock.Today()) : 0;
        status = new RepStatus(repId, state.Active, state.OpenLeads, today);
        return true;
    }

    /// <summary>The status of a rep not in the roster read a moment ago: departed with counters kept, or back in it since.</summary>
    private bool TryGetDepartedStatus(string repId, out RepStatus status)
    {
        lock (_writeLock)
        {
            if (_snapshot.Roster.TryGetPosition(repId, out _))
            {
                return TryGetStatus(repId, out status);
            }

            if (!_states.TryGetValue(repId, out var state))
            {
                status = default;
                return false;
            }

            status = new RepStatus(repId, false, state.OpenLeads, state.LeadsOn(_snapshot.Clock.Today()));
            return true;
        }
    }

    /// <summary>
    /// Publishes a new snapshot after handing it the rotation turns of the old one, then drops the counters of departed
    /// reps that hold nothing. Under the writer lock.
    /// </summary>
    private void Swap(EngineSnapshot next)
    {
        var previous = _snapshot;
        previous.Retire(next);
        Volatile.Write(ref _snapshot, next);
        ForgetDeparted(previous, next);
    }

    /// <summary>
    /// Keeps the counters of reps out of <paramref name="next"/> (those leaving now and those already away) while they
    /// hold open leads or leads counted today, and drops the rest. A dropped instance refuses reservations, so a route
    /// still on an old snapshot cannot reserve a slot that no release would find. Under the writer lock.
    /// </summary>
    private void ForgetDeparted(EngineSnapshot previous, EngineSnapshot next)
    {
        var departed = new List<string>();
        var today = int.MinValue;
        foreach (var id in _departed)
        {
            Keep(id);
        }

        foreach (var id in previous.RepIds)
        {
            Keep(id);
        }

        _departed = departed;

        void Keep(string id)
        {
            if (next.Roster.TryGetPosition(id, out _))
            {
                return;
            }

            if (_states[id].TryDrop(next.Today(ref today)))
            {
                _states.Remove(id);
            }
            else
            {
                departed.Add(id);
            }
        }
    }

    private EngineSnapshot BuildSnapshot(Roster roster, RoutingPipeline pipeline, DayClock clock, EngineSnapshot? previous)
    {
        // Built against a staging copy so that a roster the pipeline rejects leaves no trace: reps new to the engine are
        // removed again, and departed reps it brought back get their old flag back (the published snapshot lacks them).
        var added = new List<string>();
        var returned = new List<(RepState State, bool Active)>();
        try
        {
            return new EngineSnapshot(roster, pipeline, StateFor, _sequence, clock, previous);
        }
        catch
        {
            foreach (var id in added)
            {
                _states.Remove(id);
            }

            foreach (var (state, active) in returned)
            {
                state.Active = active;
            }

            throw;
        }

        RepState StateFor(string id, bool active)
        {
            if (!_states.TryGetValue(id, out var state))
            {
                state = new RepState(active);
                _states.Add(id, state);
                added.Add(id);
            }
            else if (previous is not null && !previous.Roster.TryGetPosition(id, out _))
            {
                // A departed rep entering again takes the roster's flag, as a new one does; one that remains keeps its own.
                returned.Add((state, state.Active));
                state.Active = active;
            }

            return state;
        }
    }

    private IEnumerable<System.Diagnostics.Metrics.Measurement<double>> ObserveUtilization()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        for (var p = 0; p < snapshot.Count; p++)
        {
            var cap = snapshot.Hot[p].MaxOpen;
            if (cap is > 0 and < int.MaxValue)
            {
                yield return new((double)snapshot.States[p].OpenLeads / cap, _telemetry.EngineTagValue, new("leadrouting.rep", snapshot.RepIds[p]));
            }
        }
    }

}
