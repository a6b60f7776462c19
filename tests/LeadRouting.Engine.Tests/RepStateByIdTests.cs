using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

/// <summary>
/// Issue 13, items 2 and 3: counters belong to the rep id, in or out of the roster. A release while the rep is out of the
/// roster frees their slot; a departed rep's counters are kept while they hold open leads or leads counted today and are
/// dropped at the first roster change after that; a rep that enters the roster takes the roster's <see cref="Rep.IsActive"/>.
/// </summary>
public class RepStateByIdTests
{
    private static readonly RoutingPipeline CapacityRoundRobin = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build();

    [Fact]
    public void A_lead_completed_while_its_rep_is_out_of_the_roster_frees_their_slot_for_when_they_return()
    {
        var a = new Rep("A") { MaxOpenLeads = 1 };
        var b = new Rep("B") { MaxOpenLeads = 1 };
        var engine = new RoutingEngine(new Roster([a, b]), CapacityRoundRobin);
        var desk = new LeadDesk(engine);
        Assert.Equal("A", desk.Submit(new Lead("L1")).RepId);

        desk.ReplaceRoster(new Roster([b]));
        Assert.True(desk.TryComplete("L1"));
        desk.ReplaceRoster(new Roster([a, b]));

        Assert.True(engine.TryGetStatus("A", out var status));
        Assert.Equal(0, status.OpenLeads);
        var placed = new[] { desk.Submit(new Lead("L2")).RepId, desk.Submit(new Lead("L3")).RepId };
        Assert.Contains("A", placed);
        Assert.Contains("B", placed);
    }

    [Fact]
    public void A_departed_rep_holding_a_lead_is_reported_with_their_counters_and_a_release_frees_the_slot()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")]), CapacityRoundRobin);
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);

        engine.ReplaceRoster(new Roster([new Rep("b")]));

        Assert.True(engine.TryGetStatus("a", out var held));
        Assert.Equal(new RepStatus("a", false, 1, 0), held);
        Assert.False(engine.SetActive("a", true));
        Assert.True(engine.Release("a"));
        Assert.False(engine.Release("a"));
        Assert.True(engine.TryGetStatus("a", out var released));
        Assert.Equal(0, released.OpenLeads);
    }

    [Fact]
    public void A_departed_rep_holding_nothing_is_forgotten_at_the_next_roster_change_and_returns_as_a_joiner()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), CapacityRoundRobin);
        Assert.Equal(["a", "b", "c", "a"], Route(engine, 4));
        engine.ReplaceRoster(new Roster([new Rep("b"), new Rep("c")]));
        Assert.True(engine.Release("a"));
        Assert.True(engine.Release("a"));
        Assert.True(engine.TryGetStatus("a", out _));

        engine.ReplaceRoster(new Roster([new Rep("b"), new Rep("c")]));

        Assert.False(engine.TryGetStatus("a", out _));
        Assert.False(engine.Release("a"));

        // Back with fresh counters and no rotation turn: like any joiner, the next lead, then its place in the rotation.
        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]));
        Assert.True(engine.TryGetStatus("a", out var back));
        Assert.Equal(new RepStatus("a", true, 0, 0), back);
        Assert.Equal(["a", "b", "c", "a"], Route(engine, 4));
    }

    [Fact]
    public void A_departed_rep_who_leaves_holding_nothing_is_forgotten_by_that_roster_change()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), CapacityRoundRobin);

        engine.ReplaceRoster(new Roster([new Rep("b")]));

        Assert.False(engine.TryGetStatus("a", out _));
    }

    [Fact]
    public void A_departed_rep_with_leads_counted_today_keeps_them_so_a_same_day_return_keeps_the_daily_cap()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var a = new Rep("a") { MaxLeadsPerDay = 2 };
        var engine = new RoutingEngine(new Roster([a, new Rep("b")]), CapacityRoundRobin, new RoutingEngineOptions { TimeProvider = time });
        Assert.Equal(["a", "b", "a"], Route(engine, 3));
        engine.ReplaceRoster(new Roster([new Rep("b")]));
        Assert.True(engine.Release("a"));
        Assert.True(engine.Release("a"));

        engine.ReplaceRoster(new Roster([new Rep("b"), new Rep("c")]));
        engine.ReplaceRoster(new Roster([a, new Rep("b"), new Rep("c")]));

        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(new RepStatus("a", true, 0, 2), status);
        Assert.DoesNotContain("a", Route(engine, 6));

        // The next day, gone again holding nothing: forgotten at the next roster change.
        time.Advance(TimeSpan.FromDays(1));
        engine.ReplaceRoster(new Roster([new Rep("b"), new Rep("c")]));
        Assert.False(engine.TryGetStatus("a", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_rep_re_added_as_inactive_is_never_routed_to(bool holdsALeadWhileAway)
    {
        var engine = new RoutingEngine(new Roster([new Rep("ann"), new Rep("ben")]), CapacityRoundRobin);
        Assert.Equal(["ann", "ben"], Route(engine, 2));
        if (!holdsALeadWhileAway)
        {
            Assert.True(engine.Release("ben"));
        }

        engine.ReplaceRoster(new Roster([new Rep("ann")]));
        engine.ReplaceRoster(new Roster([new Rep("ann"), new Rep("ben") { IsActive = false }]));

        Assert.Equal(Enumerable.Repeat("ann", 20), Route(engine, 20));
        Assert.True(engine.TryGetStatus("ben", out var ben));
        Assert.False(ben.IsActive);
        Assert.True(engine.SetActive("ben", true));
        Assert.Contains("ben", Route(engine, 2));
    }

    [Fact]
    public void A_rep_re_added_as_active_after_being_switched_off_receives_leads_again()
    {
        var engine = new RoutingEngine(new Roster([new Rep("ann"), new Rep("ben")]), CapacityRoundRobin);
        Assert.Equal(["ann", "ben"], Route(engine, 2));
        engine.SetActive("ben", false);

        engine.ReplaceRoster(new Roster([new Rep("ann")]));
        engine.ReplaceRoster(new Roster([new Rep("ann"), new Rep("ben")]));

        Assert.Contains("ben", Route(engine, 2));
    }

    [Fact]
    public void A_rejected_roster_neither_re_adds_a_departed_rep_nor_changes_their_counters()
    {
        var pipeline = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("smb")).Build();
        var engine = new RoutingEngine(new Roster([new Rep("ann"), new Rep("ben")], [new Team("smb", ["ann"])]), pipeline);
        Assert.Equal(["ann", "ben"], Route(engine, 2));
        engine.ReplaceRoster(new Roster([new Rep("ann")], [new Team("smb", ["ann"])]));

        Assert.Throws<ArgumentException>(() => engine.ReplaceRoster(new Roster([new Rep("ann"), new Rep("ben") { IsActive = false }])));

        Assert.True(engine.TryGetStatus("ben", out var away));
        Assert.Equal(new RepStatus("ben", false, 1, 0), away);
        engine.ReplaceRoster(new Roster([new Rep("ann"), new Rep("ben")], [new Team("smb", ["ann"])]));
        Assert.True(engine.TryGetStatus("ben", out var back));
        Assert.Equal(new RepStatus("ben", true, 1, 0), back);
        Assert.Contains("ben", Route(engine, 2));
    }

    /// <summary>
    /// A route that has taken a rep's turn reads the clock (daily cap) before reserving; the host's clock replaces the
    /// roster right then, removing that rep, who holds nothing, so their counters are dropped. The route must not reserve
    /// on the dropped counters: that slot would be lost, as no release could find it.
    /// </summary>
    [Fact]
    public void A_route_still_on_the_old_roster_never_reserves_on_counters_dropped_under_it()
    {
        RoutingEngine? engine = null;
        var armed = false;
        var clock = new RoutingClock(() =>
        {
            if (armed)
            {
                armed = false;
                engine!.ReplaceRoster(new Roster([new Rep("b")]));
            }
        });
        engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxLeadsPerDay = 5 }, new Rep("b")]),
            new RoutingPipelineBuilder().AddRoundRobin().Build(),
            new RoutingEngineOptions { TimeProvider = clock });

        armed = true;
        var decision = engine.Route(new Lead("l"));

        Assert.False(armed);
        Assert.Equal("b", decision.RepId);
        Assert.False(engine.TryGetStatus("a", out _));
        Assert.True(engine.Release("b"));
    }

    [Fact]
    public void Dropped_counters_refuse_reservations_and_releases_and_counters_holding_anything_are_not_dropped()
    {
        const int Day = 740_000;
        var open = new LeadRouting.Engine.Internal.RepState(active: true);
        Assert.True(open.TryReserve(maxOpen: 5, maxPerDay: -1, Day));
        var today = new LeadRouting.Engine.Internal.RepState(active: true);
        Assert.True(today.TryReserve(maxOpen: 5, maxPerDay: 5, Day));
        Assert.True(today.TryRelease());
        var dropped = new LeadRouting.Engine.Internal.RepState(active: true);

        Assert.False(open.TryDrop(Day));
        Assert.False(today.TryDrop(Day));
        Assert.True(today.TryDrop(Day + 1));
        Assert.True(dropped.TryDrop(Day));

        Assert.False(dropped.TryReserve(maxOpen: int.MaxValue, maxPerDay: -1, Day));
        Assert.False(dropped.TryReserve(maxOpen: 5, maxPerDay: 5, Day));
        Assert.False(dropped.TryRelease());
        Assert.False(today.TryRelease());
    }

    /// <summary>
    /// Random streams of submits, completions, day changes and roster replacements through a desk (reps leaving while
    /// holding leads, returning, some re-added inactive). After every step, for every rep id ever seen: the engine's open
    /// count equals the leads the desk says the rep holds (0 when the engine has forgotten the rep), and its count today
    /// equals the model's; a departed rep holding anything is still known and one holding nothing is forgotten at the next
    /// roster change; every assignment goes to a rep in the roster that is active by the model (a rep that enters takes
    /// the roster's IsActive, a rep that remains keeps its flag).
    /// </summary>
    [Property(Arbitrary = [typeof(ChurnScenario)], MaxTest = 300)]
    public void Engine_counters_match_the_desk_for_every_rep_id_through_reps_leaving_and_returning(ChurnScenario s)
    {
        new ChurnRun(s).Run();
    }

    /// <summary>
    /// ⚡ Four threads route and release (each thread releases every lead it was given, at random moments and at the end)
    /// while a fifth replaces the roster with random subsets, so reps leave while holding leads and return. At the end,
    /// with every rep back, the engine's total open count equals reservations minus releases, i.e. zero, and no release
    /// was refused.
    /// </summary>
    [Fact]
    public void No_slot_leaks_when_reps_leave_and_return_while_threads_route_and_release()
    {
        const int Reps = 24, Threads = 4, PerThread = 20_000;
        var all = Enumerable.Range(0, Reps).Select(i => new Rep("s" + i.ToString(CultureInfo.InvariantCulture)) { MaxOpenLeads = 2 }).ToArray();
        var engine = new RoutingEngine(new Roster(all), CapacityRoundRobin);
        long reservations = 0, releases = 0, refused = 0;
        var running = Threads;
        Concurrently.Run(Threads + 1, t =>
        {
            if (t == Threads)
            {
                var random = new Random(7);
                while (Volatile.Read(ref running) > 0)
                {
                    engine.ReplaceRoster(new Roster(all.Where(_ => random.Next(10) < 7)));
                }

                engine.ReplaceRoster(new Roster(all));
                return;
            }

            var rng = new Random(t);
            var mine = new List<string>();
            var lead = new Lead("l" + t.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < PerThread; i++)
            {
                var d = engine.Route(lead);
                if (d.IsAssigned)
                {
                    Interlocked.Increment(ref reservations);
                    mine.Add(d.RepId);
                }

                if (mine.Count > 0 && rng.Next(3) != 0)
                {
                    var k = rng.Next(mine.Count);
                    Release(mine[k]);
                    mine[k] = mine[^1];
                    mine.RemoveAt(mine.Count - 1);
                }
            }

            // Some of these reps are out of the roster now.
            foreach (var rep in mine)
            {
                Release(rep);
            }

            Interlocked.Decrement(ref running);
        });

        var open = 0L;
        foreach (var rep in all)
        {
            Assert.True(engine.TryGetStatus(rep.Id, out var status));
            open += status.OpenLeads;
        }

        Assert.True(reservations > 0);
        Assert.True(open == reservations - releases, $"{open} slots open after {reservations} reservations and {releases} releases ({refused} refused)");
        Assert.Equal(0, refused);

        void Release(string rep)
        {
            Interlocked.Increment(ref releases);
            if (!engine.Release(rep))
            {
                Interlocked.Increment(ref refused);
            }
        }
    }

    private static List<string?> Route(RoutingEngine engine, int count) =>
        Enumerable.Range(0, count).Select(i => engine.Route(new Lead("l" + i.ToString(CultureInfo.InvariantCulture))).RepId).ToList();

    public enum ChurnKind
    {
        Submit,
        Complete,
        Replace,
        NextDay,
    }

    /// <param name="Kind">What happens.</param>
    /// <param name="Pick">Submit: the lead's number; Complete: which held lead (mod count); Replace: which reps are in (bit i).</param>
    /// <param name="Inactive">Replace: which reps the roster lists as inactive (bit i).</param>
    public sealed record ChurnOp(ChurnKind Kind, int Pick, int Inactive);

    /// <param name="OpenCaps">Each rep's open-lead cap, 0 for none.</param>
    /// <param name="DailyCaps">Each rep's daily cap, 0 for none.</param>
    /// <param name="Initial">Which reps the first roster holds (bit i), at least one.</param>
    /// <param name="Ops">The stream.</param>
    public sealed record ChurnScenario(int[] OpenCaps, int[] DailyCaps, int Initial, ChurnOp[] Ops)
    {
        public int Count => OpenCaps.Length;

        public override string ToString() =>
            $"open caps [{string.Join(",", OpenCaps)}], daily caps [{string.Join(",", DailyCaps)}], initial {Initial:b}, ops [{string.Join("; ", Ops.Select(o => $"{o.Kind} {o.Pick:b}/{o.Inactive:b}"))}]";

        public static Arbitrary<ChurnScenario> Arbitrary { get; } = PropertyRunner.Arbitrary(
            from n in Gen.Choose(2, 5)
            from open in Gen.ArrayOf(Gen.Choose(0, 3), n)
            from daily in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4))), n)
            from initial in Gen.Choose(1, (1 << n) - 1)
            from ops in Gen.Choose(1, 40).SelectMany(len => Gen.ArrayOf(Op(n), len))
            select new ChurnScenario(open, daily, initial, ops),
            s => Shrink.Array(s.Ops, static _ => [], minLength: 1).Select(ops => s with { Ops = ops }),
            s => s.Ops.Length > 0);

        private static Gen<ChurnOp> Op(int n) => Gen.Frequency(
            (6, Gen.Choose(0, 1000).Select(i => new ChurnOp(ChurnKind.Submit, i, 0))),
            (4, Gen.Choose(0, 1000).Select(i => new ChurnOp(ChurnKind.Complete, i, 0))),
            (3, from present in Gen.Choose(0, (1 << n) - 1)
                from inactive in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, (1 << n) - 1)))
                select new ChurnOp(ChurnKind.Replace, present, inactive)),
            (1, Gen.Constant(new ChurnOp(ChurnKind.NextDay, 0, 0))));
    }

    /// <summary>One run of a <see cref="ChurnScenario"/> against a model of who is in the roster, active, and counted today.</summary>
    private sealed class ChurnRun
    {
        private readonly ChurnScenario _s;
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        private readonly bool[] _inRoster;
        private readonly bool[] _active;
        private readonly int[] _today;
        private readonly List<LeadMovedEventArgs> _moves = [];
        private readonly LeadDesk _desk;
        private string _at = "start";

        public ChurnRun(ChurnScenario s)
        {
            _s = s;
            _inRoster = new bool[s.Count];
            _active = new bool[s.Count];
            _today = new int[s.Count];
            var engine = new RoutingEngine(Roster(s.Initial, 0), CapacityRoundRobin, new RoutingEngineOptions { TimeProvider = _time });
            _desk = new LeadDesk(engine, new LeadDeskOptions { TimeProvider = _time });
            _desk.LeadMoved += (_, e) => _moves.Add(e);
            Enter(s.Initial, 0);
        }

        public void Run()
        {
            Check(rosterChanged: true);
            var step = 0;
            foreach (var op in _s.Ops)
            {
                _at = $"step {++step} ({op.Kind} {op.Pick:b}/{op.Inactive:b})";
                switch (op.Kind)
                {
                    case ChurnKind.Submit:
                        _desk.Submit(new Lead("l" + step.ToString(CultureInfo.InvariantCulture)));
                        break;
                    case ChurnKind.Complete:
                        var held = _desk.GetSnapshot();
                        var leads = held.Assigned.Concat(held.Queued).OrderBy(p => p.Lead.Id, StringComparer.Ordinal).ToArray();
                        if (leads.Length > 0)
                        {
                            // A queued lead is withdrawn; an assigned one completed.
                            var lead = leads[op.Pick % leads.Length];
                            Assert.True(lead.State == LeadState.Queued ? _desk.TryWithdraw(lead.Lead.Id) : _desk.TryComplete(lead.Lead.Id));
                        }

                        break;
                    case ChurnKind.Replace:
                        var present = op.Pick == 0 ? 1 : op.Pick;
                        Enter(present, op.Inactive);
                        _desk.ReplaceRoster(Roster(present, op.Inactive));
                        break;
                    default:
                        _time.Advance(TimeSpan.FromDays(1));
                        Array.Clear(_today);

                        // The desk offers its queue at the first call of a new quarter hour: this one, not the next roster change's.
                        _desk.OfferQueuedLeads();
                        break;
                }

                CheckMoves();
                Check(rosterChanged: op.Kind == ChurnKind.Replace);
            }
        }

        private Roster Roster(int present, int inactive)
        {
            var reps = new List<Rep>();
            for (var i = 0; i < _s.Count; i++)
            {
                if ((present & (1 << i)) != 0)
                {
                    reps.Add(new Rep(Id(i))
                    {
                        MaxOpenLeads = _s.OpenCaps[i] == 0 ? null : _s.OpenCaps[i],
                        MaxLeadsPerDay = _s.DailyCaps[i] == 0 ? null : _s.DailyCaps[i],
                        IsActive = (inactive & (1 << i)) == 0,
                    });
                }
            }

            return new Roster(reps);
        }

        /// <summary>The model's roster change: a rep entering takes the roster's flag, a rep that remains keeps its own.</summary>
        private void Enter(int present, int inactive)
        {
            for (var i = 0; i < _s.Count; i++)
            {
                var now = (present & (1 << i)) != 0;
                if (now && !_inRoster[i])
                {
                    _active[i] = (inactive & (1 << i)) == 0;
                }

                _inRoster[i] = now;
            }
        }

        private void CheckMoves()
        {
            foreach (var move in _moves)
            {
                // No rejections or deadlines here, so every move to a rep is a new reservation.
                if (move.Placement.RepId is { } rep && move.Placement.State == LeadState.Assigned)
                {
                    var i = int.Parse(rep.AsSpan(1), CultureInfo.InvariantCulture);
                    Assert.True(_inRoster[i] && _active[i], $"{_at}: lead {move.Placement.Lead.Id} went to {rep}, in roster {_inRoster[i]}, active {_active[i]}; {_s}");
                    if (_s.DailyCaps[i] > 0)
                    {
                        _today[i]++;
                    }
                }
            }

            _moves.Clear();
        }

        private void Check(bool rosterChanged)
        {
            var snapshot = _desk.GetSnapshot();
            for (var i = 0; i < _s.Count; i++)
            {
                var id = Id(i);
                var holds = snapshot.AssignedTo(id);
                var known = _desk.Engine.TryGetStatus(id, out var status);
                var open = known ? status.OpenLeads : 0;
                Assert.True(open == holds, $"{_at}: engine says {id} holds {open} (known {known}), desk says {holds}; {_s}");
                if (_s.DailyCaps[i] > 0)
                {
                    var today = known ? status.LeadsToday : 0;
                    Assert.True(today == _today[i], $"{_at}: engine says {id} had {today} leads today, model {_today[i]}; {_s}");
                    Assert.True(today <= _s.DailyCaps[i], $"{_at}: {id} had {today} leads today, cap {_s.DailyCaps[i]}; {_s}");
                }

                if (_inRoster[i])
                {
                    Assert.True(known && status.IsActive == _active[i], $"{_at}: {id} known {known}, active {status.IsActive}, model {_active[i]}; {_s}");
                }
                else if (holds > 0 || _today[i] > 0)
                {
                    Assert.True(known && !status.IsActive, $"{_at}: departed {id} holding {holds} ({_today[i]} today) known {known}, active {status.IsActive}; {_s}");
                }
                else if (rosterChanged)
                {
                    Assert.False(known, $"{_at}: departed {id} holding nothing is still known after a roster change; {_s}");
                }
            }
        }

        private static string Id(int i) => "r" + i.ToString(CultureInfo.InvariantCulture);
    }
}
