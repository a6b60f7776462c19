using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Lifecycle;

/// <summary>
/// Issue 4, item 7: no lost leads. Random interleavings of submit / accept / reject / complete / withdraw / pull / expire /
/// switching reps on and off / out-of-office periods / queue offers / clock advances (crossing deadlines, schedule
/// boundaries and midnight), over random rosters (caps, skills), desk settings and pipelines. After every step:
/// <list type="bullet">
/// <item>conservation: every lead that entered is in exactly one place (assigned to one rep, queued, or returned), and
/// the desk's counts add up (entered = assigned + queued + returned);</item>
/// <item>the events tell the same story: replayed in sequence order, each move starts where the previous one left the
/// lead, and they end where the desk says every lead is;</item>
/// <item>caps: each rep's open leads in the engine equal the leads the desk says they hold, within the open-lead cap,
/// and today's count is within the daily cap;</item>
/// <item>eligibility: an assigned lead's rep has its skill and never rejected it or let it expire; a new assignment goes
/// to a rep switched on and available; re-routes stay within the limit; the queue stays within its capacity, in order;</item>
/// <item>flow: after every desk call no queued lead could be placed (no eligible rep has room), and after expiry no
/// unanswered assignment is past its deadline;</item>
/// <item>waiting (issue 13, item 10): every queued lead has a rep who never rejected it and has its language, so it waits
/// for something that can change; a lead returned as rejected by all was rejected by every rep with its language;</item>
/// <item>failures (issue 13, item 9): a Fault op makes the engine's clock throw during the next call (any route that
/// reads a daily cap fails); the call's exception reaches the caller unchanged, a lead it was submitting or rejecting
/// is where it was, every check above still holds, and the next call that succeeds leaves no queued lead placeable.</item>
/// </list>
/// </summary>
public class LeadDeskPropertyTests
{
    private static readonly string[] Languages = ["de", "fr"];
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 1_000)]
    public void Every_lead_is_in_exactly_one_place_and_every_cap_holds_after_every_step(Scenario s)
    {
        new SequentialRun(s).Run();
    }

    /// <summary>
    /// ⚡ Four threads run their own operation streams on one desk at once, while a fifth reads snapshots. Every snapshot
    /// adds up; at the end the events, ordered by sequence, form one unbroken story per lead (no lead ever with two reps,
    /// none lost), agree with the final snapshot, and the caps and counters agree with the engine.
    /// </summary>
    [Property(Arbitrary = [typeof(ConcurrentScenario)], MaxTest = 150)]
    public void Every_lead_is_in_exactly_one_place_and_every_cap_holds_under_concurrency(ConcurrentScenario s)
    {
        ConcurrentRun(s);
    }

    private static void ConcurrentRun(ConcurrentScenario s)
    {
        const int Threads = 4;
        var clock = new FakeTimeProvider(Start);
        var engineClock = new LeadDeskTests.FailingClock(clock);
        var setup = s.Setup;
        var desk = setup.Desk(clock, engineClock);
        var events = new ConcurrentQueue<LeadMovedEventArgs>();
        desk.LeadMoved += (_, e) => events.Enqueue(e);
        var submitted = new ConcurrentDictionary<string, Lead>();
        var done = 0;
        var snapshotErrors = new ConcurrentQueue<string>();
        var crashes = new ConcurrentQueue<Exception>();
        using var barrier = new Barrier(Threads + 1);

        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() => Catching(crashes, () =>
        {
            barrier.SignalAndWait();
            var ops = s.Streams[t];
            for (var i = 0; i < ops.Length; i++)
            {
                var op = ops[i];
                var leadId = $"t{op.A % Threads}-{op.B % Math.Max(1, ops.Length)}";
                var rep = Build.RepId(op.B % setup.Reps.Length);
                try
                {
                switch (op.Kind)
                {
                    case OpKind.Fault:
                        engineClock.Failing = op.C % 2 == 0;
                        break;
                    case OpKind.Submit:
                        var lead = Setup.Lead($"t{t}-{i}", op);
                        submitted[lead.Id] = lead;
                        try
                        {
                            desk.Submit(lead, op.C % 4 == 0 ? op.C % 3 : null);
                        }
                        catch (InvalidOperationException e) when (ReferenceEquals(e, LeadDeskTests.FailingClock.Failure))
                        {
                            // It never entered the desk.
                            submitted.TryRemove(lead.Id, out _);
                            throw;
                        }

                        break;
                    case OpKind.Accept:
                        desk.TryAccept(leadId, desk.TryGetPlacement(leadId, out var p) && p.RepId is { } holder && op.C % 3 != 0 ? holder : rep);
                        break;
                    case OpKind.Reject:
                        desk.TryReject(leadId, desk.TryGetPlacement(leadId, out p) && p.RepId is { } r ? r : rep, "busy", out _);
                        break;
                    case OpKind.Complete:
                        desk.TryComplete(leadId);
                        break;
                    case OpKind.Withdraw:
                        desk.TryWithdraw(leadId);
                        break;
                    case OpKind.Pull:
                        desk.TryPull(rep, out _);
                        break;
                    case OpKind.Expire:
                        desk.ExpireOverdue();
                        break;
                    case OpKind.SetActive:
                        desk.SetActive(rep, op.C % 2 == 0);
                        break;
                    case OpKind.Away:
                        var now = clock.GetUtcNow();
                        desk.SetSchedule(rep, op.C == 0 ? null : new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(now, now.AddMinutes(op.C))] });
                        break;
                    case OpKind.Offer:
                        desk.OfferQueuedLeads();
                        break;
                    default:
                        clock.Advance(TimeSpan.FromMinutes(op.C));
                        break;
                }
                }
                catch (InvalidOperationException e) when (ReferenceEquals(e, LeadDeskTests.FailingClock.Failure))
                {
                    // A route read the failing clock: the call failed as a whole and the desk stays consistent.
                }
            }
        }))).ToList();

        var reader = new Thread(() =>
        {
            barrier.SignalAndWait();
            while (Volatile.Read(ref done) == 0)
            {
                var snapshot = desk.GetSnapshot();
                var held = snapshot.Assigned.Concat(snapshot.Queued).Select(p => p.Lead.Id).ToList();
                if (held.Count != held.Distinct().Count() || snapshot.Entered != held.Count + snapshot.Returned)
                {
                    snapshotErrors.Enqueue($"snapshot: entered {snapshot.Entered}, held {held.Count} ({held.Count - held.Distinct().Count()} twice), returned {snapshot.Returned}");
                }
            }
        });
        workers.ForEach(w => w.Start());
        reader.Start();
        workers.ForEach(w => w.Join());
        Volatile.Write(ref done, 1);
        reader.Join();
        engineClock.Failing = false;

        Assert.True(crashes.IsEmpty, $"a desk call threw: {crashes.FirstOrDefault()}");
        Assert.True(snapshotErrors.IsEmpty, string.Join("; ", snapshotErrors.Take(3)));
        var final = desk.GetSnapshot();
        var story = new Story();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            story.Apply(e, "concurrent run");
        }

        story.CheckAgainst(final, submitted.Count, "end of concurrent run");
        Invariants.CheckCaps(desk, final, setup, "end of concurrent run");
        Invariants.CheckAssignments(final, setup, "end of concurrent run");
    }

    /// <summary>Runs a thread's body, keeping what it throws for the test to report (an exception escaping a thread would end the test run).</summary>
    internal static void Catching(ConcurrentQueue<Exception> crashes, Action body)
    {
        try
        {
            body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            crashes.Enqueue(e);
        }
    }

    /// <summary>Drives one scenario on one thread, checking everything after every step.</summary>
    private sealed class SequentialRun(Scenario s)
    {
        private readonly FakeTimeProvider _clock = new(Start);
        private LeadDeskTests.FailingClock _engineClock = null!;
        private bool _faultNext;
        private readonly List<LeadMovedEventArgs> _events = [];
        private readonly Story _story = new();
        private readonly List<Lead> _leads = [];
        private readonly Dictionary<string, int> _order = [];
        private readonly Dictionary<string, OutOfOfficePeriod> _away = [];
        private LeadDesk _desk = null!;

        public void Run()
        {
            var setup = s.Setup;
            _engineClock = new LeadDeskTests.FailingClock(_clock);
            _desk = setup.Desk(_clock, _engineClock);
            _desk.LeadMoved += (_, e) => _events.Add(e);
            for (var step = 0; step < s.Ops.Length; step++)
            {
                var op = s.Ops[step];
                var at = $"step {step + 1} ({op})";
                var before = Routable();
                var beforeSnapshot = _desk.GetSnapshot();
                _events.Clear();
                var failing = _faultNext;
                _faultNext = op.Kind == OpKind.Fault;
                bool deskCall;
                var threw = false;
                _engineClock.Failing = failing;
                try
                {
                    deskCall = Apply(op, beforeSnapshot, before, at);
                }
                catch (InvalidOperationException e) when (ReferenceEquals(e, LeadDeskTests.FailingClock.Failure))
                {
                    // Only a call made while the clock fails may throw, and only the clock's own exception (checked in Apply).
                    Assert.True(failing, $"{at}: threw without a fault");
                    deskCall = true;
                    threw = true;
                }
                finally
                {
                    _engineClock.Failing = false;
                }

                foreach (var e in _events)
                {
                    _story.Apply(e, at);
                }

                var snapshot = _desk.GetSnapshot();
                _story.CheckAgainst(snapshot, _leads.Count, at);
                Invariants.CheckCaps(_desk, snapshot, setup, at);
                Invariants.CheckAssignments(snapshot, setup, at);
                var after = Routable();
                foreach (var e in _events.Where(e => e.Placement.State == LeadState.Assigned && e.Cause != LeadMoveCause.Accepted))
                {
                    var rep = Build.RepIndex(e.Placement.RepId);
                    Assert.True(before[rep] || after[rep], $"{at}: {e} went to a rep switched off or away");
                    Assert.True(!setup.Pull || e.Cause == LeadMoveCause.Pulled || op.Kind == OpKind.Offer, $"{at}: {e} was pushed with pull delivery");
                }

                Assert.True(snapshot.Queued.Count <= setup.QueueCapacity, $"{at}: {snapshot.Queued.Count} queued, capacity {setup.QueueCapacity}");
                var ranks = snapshot.Queued.Select(p => (-p.Priority, _order[p.Lead.Id])).ToList();
                Assert.True(ranks.SequenceEqual(ranks.Order()), $"{at}: queue out of order: {Fmt.List(snapshot.Queued.Select(p => $"{p.Lead.Id}/p{p.Priority}"))}");
                if (deskCall && !setup.Pull && !threw)
                {
                    CheckNothingQueuedCouldBePlaced(snapshot, after, at);
                }

                CheckEveryQueuedLeadWaitsForSomeone(snapshot, at);
                foreach (var e in _events.Where(e => e.Placement.State == LeadState.Returned))
                {
                    CheckReturnReason(e.Placement, at);
                }

                if (op.Kind == OpKind.Expire && !threw)
                {
                    var now = _clock.GetUtcNow();
                    Assert.True(snapshot.Assigned.All(p => p.Deadline is not { } d || d > now), $"{at}: an overdue assignment is still out after expiry");
                }
            }
        }

        /// <summary>Runs one operation; checks the result where the state before it determines it. Returns whether it called the desk.</summary>
        private bool Apply(Op op, LeadDeskSnapshot before, bool[] routable, string at)
        {
            var setup = s.Setup;
            var rep = Build.RepId(op.B % setup.Reps.Length);
            var lead = _leads.Count == 0 ? null : _leads[op.A % _leads.Count];
            var was = lead is null ? null : before.Assigned.Concat(before.Queued).FirstOrDefault(p => p.Lead.Id == lead.Id);
            switch (op.Kind)
            {
                case OpKind.Submit:
                    var fresh = Setup.Lead("L" + _leads.Count.ToString(CultureInfo.InvariantCulture), op);
                    _order[fresh.Id] = _leads.Count;
                    _leads.Add(fresh);
                    LeadPlacement placed;
                    try
                    {
                        placed = _desk.Submit(fresh, op.C % 4 == 0 ? op.C % 3 : null);
                    }
                    catch (InvalidOperationException)
                    {
                        // A submit that failed leaves no trace of the lead.
                        _leads.RemoveAt(_leads.Count - 1);
                        _order.Remove(fresh.Id);
                        Assert.False(_desk.TryGetPlacement(fresh.Id, out var stuck), $"{at}: the failed submit left {stuck}");
                        throw;
                    }

                    Assert.True(placed.Lead == fresh, $"{at}: Submit returned another lead's placement");
                    return true;
                case OpKind.Accept when lead is not null:
                    var acceptBy = was?.RepId is { } holder && op.C % 3 != 0 ? holder : rep;
                    var accepted = _desk.TryAccept(lead.Id, acceptBy);
                    ExpectWhenAssigned(accepted, was, acceptBy, at);
                    return true;
                case OpKind.Reject when lead is not null:
                    var rejectBy = was?.RepId is { } r ? r : rep;
                    bool rejected;
                    LeadPlacement? placement;
                    try
                    {
                        rejected = _desk.TryReject(lead.Id, rejectBy, "busy", out placement);
                    }
                    catch (InvalidOperationException) when (was?.State == LeadState.Assigned && !_events.Any(e => e.Cause == LeadMoveCause.Rejected && e.Placement.Lead.Id == lead.Id))
                    {
                        // A rejection whose re-route failed leaves the lead with the rep, as it was (housekeeping moves only
                        // queued leads). One that was made, its event raised, may fail afterwards offering the freed slot.
                        Assert.True(_desk.TryGetPlacement(lead.Id, out var still), $"{at}: the failed rejection lost the lead");
                        Assert.True(
                            still.State == was.State && still.RepId == was.RepId && still.ExcludedRepIds.SequenceEqual(was.ExcludedRepIds),
                            $"{at}: the failed rejection moved {was} to {still}");
                        throw;
                    }

                    ExpectWhenAssigned(rejected, was, rejectBy, at);
                    Assert.True(!rejected || placement!.RepId != rejectBy, $"{at}: rejected lead went back to {rejectBy}");
                    return true;
                case OpKind.Complete when lead is not null:
                    var completed = _desk.TryComplete(lead.Id);
                    ExpectWhenAssigned(completed, was, was?.RepId ?? rep, at);
                    return true;
                case OpKind.Withdraw when lead is not null:
                    var withdrawn = _desk.TryWithdraw(lead.Id);
                    Assert.True(withdrawn == (was is not null), $"{at}: TryWithdraw returned {withdrawn} for {(was?.ToString() ?? "a returned lead")}");
                    return true;
                case OpKind.Pull:
                    // With pull delivery nothing else moves the queue or capacity during the call, so the model knows the answer.
                    var expected = setup.Pull ? before.Queued.FirstOrDefault(q => Fits(op.B % setup.Reps.Length, q, routable)) : null;
                    var got = _desk.TryPull(rep, out var pulled);
                    Assert.True(!setup.Pull || got == (expected is not null), $"{at}: TryPull returned {got}{(expected is null ? ", with nothing for the rep" : $", {expected} was for them")}");
                    Assert.True(!setup.Pull || !got || pulled!.Lead.Id == expected!.Lead.Id, $"{at}: pulled {pulled}, the first lead for the rep was {expected}");
                    if (pulled is not null)
                    {
                        Assert.True(pulled.RepId == rep && pulled.IsAccepted, $"{at}: pull gave {pulled}");
                        Assert.Contains(_events, e => e.Cause == LeadMoveCause.Pulled && e.PreviousState == LeadState.Queued && e.Placement.Lead.Id == pulled.Lead.Id);
                    }

                    return true;
                case OpKind.Expire:
                    _desk.ExpireOverdue();
                    return true;
                case OpKind.SetActive:
                    Assert.True(_desk.SetActive(rep, op.C % 2 == 0));
                    return true;
                case OpKind.Away:
                    var now = _clock.GetUtcNow();
                    var schedule = op.C == 0 ? null : new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(now, now.AddMinutes(op.C))] };
                    try
                    {
                        Assert.True(_desk.SetSchedule(rep, schedule));
                    }
                    finally
                    {
                        // A call that throws failed before setting the schedule (the call's opening offer of the queue
                        // routed) or after (the offer that follows it): the model follows what the desk holds.
                        if (ReferenceEquals(_desk.GetSchedule(rep), schedule))
                        {
                            if (schedule is null)
                            {
                                _away.Remove(rep);
                            }
                            else
                            {
                                _away[rep] = schedule.OutOfOffice[0];
                            }
                        }
                    }

                    return true;
                case OpKind.Offer:
                    _desk.OfferQueuedLeads();
                    return true;
                case OpKind.Advance:
                    _clock.Advance(TimeSpan.FromMinutes(op.C));
                    return false;
                case OpKind.Fault:
                    return false;
                default:
                    return false; // an operation on a lead before any lead exists
            }
        }

        /// <summary>Housekeeping only places queued leads, so a lead assigned before a call is still with the same rep when the call acts.</summary>
        private static void ExpectWhenAssigned(bool result, LeadPlacement? was, string rep, string at)
        {
            if (was is null)
            {
                Assert.False(result, $"{at}: succeeded on a returned lead");
            }
            else if (was.State == LeadState.Assigned)
            {
                Assert.True(result == (was.RepId == rep), $"{at}: returned {result} for {was} and rep {rep}");
            }
        }

        /// <summary>Whether each rep may receive leads now, by the test's own model of switches and schedules.</summary>
        private bool[] Routable()
        {
            var now = _clock.GetUtcNow();
            return [.. Enumerable.Range(0, s.Setup.Reps.Length).Select(i =>
            {
                var id = Build.RepId(i);
                Assert.True(_desk.Engine.TryGetStatus(id, out var status));
                return status.IsActive && !(_away.TryGetValue(id, out var p) && p.Start <= now && now < p.End);
            })];
        }

        /// <summary>A queued lead waits for something that can change: a rep with its language who never rejected it (away or full, maybe).</summary>
        private void CheckEveryQueuedLeadWaitsForSomeone(LeadDeskSnapshot snapshot, string at)
        {
            foreach (var queued in snapshot.Queued)
            {
                Assert.True(Takers(queued).Any(id => !queued.ExcludedRepIds.Contains(id)), $"{at}: {queued} waits, but no rep who never rejected it (or let it expire) has its language");
            }
        }

        /// <summary>Rejected by all: every rep with its language (there is one) rejected it. Unassigned with a queue: nobody has its language.</summary>
        private void CheckReturnReason(LeadPlacement returned, string at)
        {
            var takers = Takers(returned).ToList();
            switch (returned.ReturnReason)
            {
                case LeadReturnReason.RejectedByAll:
                    Assert.True(takers.Count > 0 && takers.All(returned.ExcludedRepIds.Contains), $"{at}: {returned} returned as rejected by all; reps with its language: {Fmt.List(takers)}");
                    break;
                case LeadReturnReason.Unassigned when s.Setup.QueueCapacity > 0:
                    Assert.True(takers.Count == 0, $"{at}: {returned} returned unassigned though {Fmt.List(takers)} could take it once back or with room");
                    break;
            }
        }

        private IEnumerable<string> Takers(LeadPlacement lead) =>
            Enumerable.Range(0, s.Setup.Reps.Length).Where(i => s.Setup.Reps[i].Has(lead.Lead.Language)).Select(Build.RepId);

        private void CheckNothingQueuedCouldBePlaced(LeadDeskSnapshot snapshot, bool[] routable, string at)
        {
            foreach (var queued in snapshot.Queued)
            {
                for (var i = 0; i < routable.Length; i++)
                {
                    Assert.True(_desk.Engine.TryGetStatus(Build.RepId(i), out var status));
                    Assert.False(Fits(i, queued, routable), $"{at}: {queued} waits while {Build.RepId(i)} could take it (open {status.OpenLeads}, today {status.LeadsToday}, {s.Setup.Reps[i]})");
                }
            }
        }

        /// <summary>Whether rep <paramref name="i"/> may take the lead now: switched on and available, with room, its language, never rejected it.</summary>
        private bool Fits(int i, LeadPlacement lead, bool[] routable)
        {
            var id = Build.RepId(i);
            Assert.True(_desk.Engine.TryGetStatus(id, out var status));
            var spec = s.Setup.Reps[i];
            var room = status.OpenLeads < (spec.MaxOpen ?? int.MaxValue) && status.LeadsToday < (spec.MaxDaily ?? int.MaxValue);
            return routable[i] && room && !lead.ExcludedRepIds.Contains(id) && spec.Has(lead.Lead.Language);
        }
    }

    /// <summary>The story the events tell: where each lead is, move by move.</summary>
    private sealed class Story
    {
        private readonly Dictionary<string, LeadPlacement> _where = [];
        private readonly Dictionary<LeadReturnReason, long> _returned = [];
        private long _sequence;

        public void Apply(LeadMovedEventArgs e, string at)
        {
            Assert.True(e.Sequence == _sequence + 1, $"{at}: event #{e.Sequence} follows #{_sequence}");
            _sequence = e.Sequence;
            var id = e.Placement.Lead.Id;
            var known = _where.TryGetValue(id, out var last) && last.State != LeadState.Returned;
            if (e.Cause == LeadMoveCause.Submitted)
            {
                Assert.True(!known && e.PreviousState is null, $"{at}: {e} entered while the story has it {last}");
            }
            else
            {
                Assert.True(known, $"{at}: {e} moved a lead the story does not hold");
                Assert.True(e.PreviousState == last!.State && e.PreviousRepId == last.RepId, $"{at}: {e} starts from {e.PreviousState}/{e.PreviousRepId}, the story has {last}");
            }

            Assert.True(e.Placement.State != LeadState.Returned || e.Placement.ReturnReason != LeadReturnReason.None, $"{at}: {e} returned without a reason");
            if (e.Placement.State == LeadState.Returned)
            {
                _returned[e.Placement.ReturnReason] = _returned.GetValueOrDefault(e.Placement.ReturnReason) + 1;
            }

            _where[id] = e.Placement;
        }

        public void CheckAgainst(LeadDeskSnapshot snapshot, int entered, string at)
        {
            var assigned = snapshot.Assigned.ToDictionary(p => p.Lead.Id);
            var queued = snapshot.Queued.ToDictionary(p => p.Lead.Id);
            Assert.True(assigned.Count == snapshot.Assigned.Count && queued.Count == snapshot.Queued.Count, $"{at}: a lead is listed twice");
            Assert.True(!assigned.Keys.Intersect(queued.Keys).Any(), $"{at}: a lead is both assigned and queued");
            var returned = _where.Values.Count(p => p.State == LeadState.Returned);
            Assert.True(_where.Count == entered, $"{at}: the events name {_where.Count} leads, {entered} entered");
            Assert.True(snapshot.Entered == entered, $"{at}: the desk counts {snapshot.Entered} entered, {entered} did");
            Assert.True(snapshot.Entered == assigned.Count + queued.Count + snapshot.Returned, $"{at}: entered {snapshot.Entered} != assigned {assigned.Count} + queued {queued.Count} + returned {snapshot.Returned}");
            Assert.True(snapshot.Returned == returned, $"{at}: the desk counts {snapshot.Returned} returned, the events {returned}");
            foreach (var (reason, count) in snapshot.ReturnedByReason)
            {
                Assert.True(count == _returned.GetValueOrDefault(reason), $"{at}: {count} returned as {reason}, the events say {_returned.GetValueOrDefault(reason)}");
            }

            foreach (var (id, p) in _where)
            {
                var ok = p.State switch
                {
                    LeadState.Assigned => assigned.TryGetValue(id, out var a) && a.RepId == p.RepId && a.IsAccepted == p.IsAccepted,
                    LeadState.Queued => queued.ContainsKey(id),
                    _ => !assigned.ContainsKey(id) && !queued.ContainsKey(id),
                };
                Assert.True(ok, $"{at}: the events leave {p}, the desk has it {(assigned.TryGetValue(id, out var x) ? x : queued.TryGetValue(id, out var y) ? y : "nowhere")}");
            }
        }
    }

    private static class Invariants
    {
        public static void CheckCaps(LeadDesk desk, LeadDeskSnapshot snapshot, Setup setup, string at)
        {
            for (var i = 0; i < setup.Reps.Length; i++)
            {
                var id = Build.RepId(i);
                var spec = setup.Reps[i];
                Assert.True(desk.Engine.TryGetStatus(id, out var status));
                var held = snapshot.AssignedTo(id);
                Assert.True(status.OpenLeads == held, $"{at}: {id} has {status.OpenLeads} open leads in the engine, the desk says {held}");
                Assert.True(held <= (spec.MaxOpen ?? int.MaxValue), $"{at}: {id} holds {held}, cap {spec.MaxOpen}");
                Assert.True(status.LeadsToday <= (spec.MaxDaily ?? int.MaxValue), $"{at}: {id} got {status.LeadsToday} today, cap {spec.MaxDaily}");
            }
        }

        public static void CheckAssignments(LeadDeskSnapshot snapshot, Setup setup, string at)
        {
            foreach (var p in snapshot.Assigned.Concat(snapshot.Queued))
            {
                Assert.True(p.ExcludedRepIds.Count <= setup.MaxReroutes && p.ExcludedRepIds.Distinct().Count() == p.ExcludedRepIds.Count, $"{at}: {p} excludes {Fmt.List(p.ExcludedRepIds)}");
                if (p.State == LeadState.Assigned)
                {
                    var rep = Build.RepIndex(p.RepId);
                    Assert.True(setup.Reps[rep].Has(p.Lead.Language), $"{at}: {p} but {p.RepId} lacks its language");
                    Assert.False(p.ExcludedRepIds.Contains(p.RepId!), $"{at}: {p} is with a rep that rejected it or let it expire");
                }
            }
        }
    }

    public enum OpKind
    {
        Submit,
        Accept,
        Reject,
        Complete,
        Withdraw,
        Pull,
        Expire,
        SetActive,
        Away,
        Offer,
        Advance,
        Fault,
    }

    /// <summary>
    /// One operation. <see cref="A"/> picks a lead (among those submitted so far) or, for Submit, its language (-1 none)
    /// and score; <see cref="B"/> picks a rep; <see cref="C"/>: minutes for Advance and Away (0 = back), on/off for
    /// SetActive, an explicit priority for Submit when a multiple of 4, whether Accept uses the lead's own rep.
    /// </summary>
    public sealed record Op(OpKind Kind, int A, int B, int C)
    {
        private static readonly int[] Minutes = [5, 20, 45, 120, 600];

        public static Gen<Op> Generator =>
            from kind in Gen.Frequency(
                (6, Gen.Constant(OpKind.Submit)),
                (3, Gen.Constant(OpKind.Accept)),
                (3, Gen.Constant(OpKind.Reject)),
                (3, Gen.Constant(OpKind.Complete)),
                (1, Gen.Constant(OpKind.Withdraw)),
                (2, Gen.Constant(OpKind.Pull)),
                (2, Gen.Constant(OpKind.Expire)),
                (1, Gen.Constant(OpKind.SetActive)),
                (1, Gen.Constant(OpKind.Away)),
                (1, Gen.Constant(OpKind.Offer)),
                (2, Gen.Constant(OpKind.Advance)),
                (2, Gen.Constant(OpKind.Fault)))
            from a in Gen.Choose(0, 99)
            from b in Gen.Choose(0, 9)
            from c in kind switch
            {
                OpKind.Advance => Gen.Elements(Minutes),
                OpKind.Away => Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Elements(Minutes))),
                _ => Gen.Choose(0, 11),
            }
            select new Op(kind, a, b, c);

        public IEnumerable<Op> Shrink()
        {
            foreach (var a in Support.Shrink.Toward(A, 0))
            {
                yield return this with { A = a };
            }

            foreach (var b in Support.Shrink.Toward(B, 0))
            {
                yield return this with { B = b };
            }

            if (Kind is not (OpKind.Advance or OpKind.Away))
            {
                foreach (var c in Support.Shrink.Toward(C, 0))
                {
                    yield return this with { C = c };
                }
            }
        }

        public override string ToString() => Kind switch
        {
            OpKind.Submit => $"Submit lang {(A % 3 == 2 ? "-" : Languages[A % 3])} score {A}{(C % 4 == 0 ? $" priority {C % 3}" : string.Empty)}",
            OpKind.Advance => $"Advance {C} min",
            OpKind.Away => C == 0 ? $"Back r{B}" : $"Away r{B} {C} min",
            OpKind.SetActive => $"SetActive r{B} {C % 2 == 0}",
            OpKind.Pull => $"Pull r{B}",
            OpKind.Expire or OpKind.Offer => Kind.ToString(),
            OpKind.Fault => "Fault (the engine's clock throws during the next call)",
            _ => $"{Kind} lead#{A} rep r{B}{(Kind == OpKind.Accept && C % 3 == 0 ? " (maybe not theirs)" : string.Empty)}",
        };
    }

    public sealed record RepSpec(int? MaxOpen, int? MaxDaily, int SkillBits, int Weight)
    {
        public static Gen<RepSpec> Generator =>
            from open in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 3).Select(x => (int?)x)))
            from daily in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 5).Select(x => (int?)x)))
            from skills in Gen.Choose(0, 3)
            from weight in Gen.Choose(1, 3)
            select new RepSpec(open, daily, skills, weight);

        public bool Has(string? language) => language is null || (SkillBits & (1 << Array.IndexOf(Languages, language))) != 0;

        public IEnumerable<RepSpec> Shrink() =>
            Support.Shrink.Cap(MaxOpen).Select(x => this with { MaxOpen = x })
                .Concat(Support.Shrink.Cap(MaxDaily).Select(x => this with { MaxDaily = x }))
                .Concat(Support.Shrink.Toward(SkillBits, 3).Select(x => this with { SkillBits = x }))
                .Concat(Support.Shrink.Toward(Weight, 1).Select(x => this with { Weight = x }));

        public override string ToString() =>
            $"open {Fmt.Cap(MaxOpen)}/day {Fmt.Cap(MaxDaily)} skills {Fmt.List(Languages.Where((_, b) => (SkillBits & (1 << b)) != 0))} w{Weight}";
    }

    public sealed record Setup(RepSpec[] Reps, int MaxReroutes, int QueueCapacity, int? DeadlineMinutes, bool Bands, bool Weighted, bool LeastLoaded, bool Pull)
    {
        public static Gen<Setup> Generator =>
            from n in Gen.Choose(1, 5)
            from reps in Gen.ArrayOf(RepSpec.Generator, n)
            from maxReroutes in Gen.Choose(0, 3)
            from queue in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 4)), (2, Gen.Constant(1_000)))
            from deadline in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Elements<int?>(30, 90)))
            from bands in Gen.Elements(false, true)
            from weighted in Gen.Elements(false, true)
            from leastLoaded in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from pull in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Setup(reps, maxReroutes, pull && queue == 0 ? 1_000 : queue, deadline, bands, weighted, leastLoaded, pull);

        public LeadDesk Desk(FakeTimeProvider clock, TimeProvider engineClock)
        {
            var reps = Reps.Select((r, i) => new Rep(Build.RepId(i))
            {
                MaxOpenLeads = r.MaxOpen,
                MaxLeadsPerDay = r.MaxDaily,
                Weight = r.Weight,
                Skills = [.. Languages.Where((_, b) => (r.SkillBits & (1 << b)) != 0)],
            });
            var builder = new RoutingPipelineBuilder().AddSkills().AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = LeastLoaded });
            var pipeline = (Weighted ? builder.AddWeighted() : builder.AddRoundRobin()).Build();
            var options = new LeadDeskOptions
            {
                TimeProvider = clock,
                Delivery = Pull ? LeadDelivery.Pull : LeadDelivery.Push,
                MaxReroutes = MaxReroutes,
                QueueCapacity = QueueCapacity,
                ResponseDeadline = DeadlineMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
            };
            if (Bands)
            {
                options.PriorityScoreBands.Add(50);
                options.PriorityScoreBands.Add(80);
            }

            return new LeadDesk(Build.Engine(reps, pipeline, time: engineClock), options);
        }

        public static Lead Lead(string id, Op op) => new(id) { Language = op.A % 3 == 2 ? null : Languages[op.A % 3], Score = op.A };

        public IEnumerable<Setup> Shrink() =>
            Support.Shrink.Array(Reps, r => r.Shrink(), minLength: 1).Select(r => this with { Reps = r })
                .Concat(Support.Shrink.Toward(MaxReroutes, 0).Select(x => this with { MaxReroutes = x }))
                .Concat(QueueCapacity == 1_000 ? [] : Support.Shrink.Toward(QueueCapacity, 1_000).Take(1).Select(x => this with { QueueCapacity = x }))
                .Concat(DeadlineMinutes is null ? [] : [this with { DeadlineMinutes = null }])
                .Concat(Support.Shrink.Bool(Bands, false).Select(x => this with { Bands = x }))
                .Concat(Support.Shrink.Bool(Weighted, false).Select(x => this with { Weighted = x }))
                .Concat(Support.Shrink.Bool(LeastLoaded, false).Select(x => this with { LeastLoaded = x }))
                .Concat(Support.Shrink.Bool(Pull, false).Select(x => this with { Pull = x }));

        public override string ToString() =>
            $"reps {Fmt.List(Reps)}; max reroutes {MaxReroutes}, queue {QueueCapacity}, deadline {DeadlineMinutes?.ToString(CultureInfo.InvariantCulture) ?? "-"} min{(Bands ? ", score bands" : string.Empty)}, {(Weighted ? "weighted" : "round-robin")}{(LeastLoaded ? ", least loaded" : string.Empty)}{(Pull ? ", pull delivery" : string.Empty)}";
    }

    public sealed record Scenario(Setup Setup, Op[] Ops)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(Generator, Shrink, s => s.Setup.Reps.Length > 0 && s.Ops.Length > 0);

        private static Gen<Scenario> Generator =>
            from setup in Setup.Generator
            from n in Gen.Choose(1, 60)
            from ops in Gen.ArrayOf(Op.Generator, n)
            select new Scenario(setup, ops);

        private static IEnumerable<Scenario> Shrink(Scenario s) =>
            Support.Shrink.Array(s.Ops, o => o.Shrink(), minLength: 1).Select(o => s with { Ops = o })
                .Concat(s.Setup.Shrink().Select(x => s with { Setup = x }));

        public override string ToString() => $"{Setup}\n  ops: {Fmt.List(Ops)}";
    }

    public sealed record ConcurrentScenario(Setup Setup, Op[][] Streams)
    {
        public static Arbitrary<ConcurrentScenario> Arbitrary => PropertyRunner.Arbitrary(Generator, Shrink, s => s.Setup.Reps.Length > 0);

        private static Gen<ConcurrentScenario> Generator =>
            from setup in Setup.Generator
            from streams in Gen.ArrayOf(Gen.Choose(20, 120).SelectMany(n => Gen.ArrayOf(Op.Generator, n)), 4)
            select new ConcurrentScenario(setup, streams);

        private static IEnumerable<ConcurrentScenario> Shrink(ConcurrentScenario s)
        {
            for (var t = 0; t < s.Streams.Length; t++)
            {
                foreach (var shorter in Support.Shrink.Array(s.Streams[t], _ => []))
                {
                    var streams = (Op[][])s.Streams.Clone();
                    streams[t] = shorter;
                    yield return s with { Streams = streams };
                }
            }

            foreach (var setup in s.Setup.Shrink())
            {
                yield return s with { Setup = setup };
            }
        }

        public override string ToString() => $"{Setup}\n  " + string.Join("\n  ", Streams.Select((ops, t) => $"thread {t}: {Fmt.List(ops)}"));
    }
}
