using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Capacity;

/// <summary>
/// DESIGN §4, capacity: no rep ever exceeds its open-lead or daily cap, and nothing is left unassigned while an eligible rep
/// has room (total assigned = min(leads, total capacity)); sequentially with releases and day changes, and ⚡ with
/// threads routing at once.
/// </summary>
public class CapacityPropertyTests
{
    private const int Threads = 4;
    private const int TrialsPerCase = 10;

    /// <summary>
    /// (a) Random caps, random interleaving of routes, releases and clock advances (crossing midnight), with or without the
    /// capacity step (plain or least-loaded), round-robin or weighted. After every step each rep's live counters equal the
    /// model's and are within the caps; a route is assigned exactly when some eligible rep (active, positive weight for the
    /// weighted selector) has room, to a rep with room (and, least-loaded, one with the fewest open leads); Release succeeds
    /// exactly when the rep has an open lead. Without releases or day changes, total assigned = min(leads, Σ capacity).
    /// </summary>
    [Property(Arbitrary = [typeof(SequentialScenario)], MaxTest = 500)]
    public void No_rep_exceeds_a_cap_and_nobody_with_room_is_passed_over_sequentially(SequentialScenario s)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var engine = Build.Engine(s.Setup.Reps(), s.Setup.Pipeline(), time: time);
        var n = s.Setup.Caps.Length;
        var open = new long[n];
        var today = new int[n];
        var day = Day(time);
        int routes = 0, assigned = 0, step = 0;
        foreach (var op in s.Ops)
        {
            step++;
            var at = $"step {step} ({op})";
            switch (op.Kind)
            {
                case OpKind.Route:
                    routes++;
                    var withRoom = Enumerable.Range(0, n).Where(i => s.Setup.Eligible(i) && HasRoom(s.Setup.Caps[i], open[i], today[i])).ToArray();
                    var d = engine.Route(new Lead("l" + step));
                    Assert.True(d.IsAssigned == (withRoom.Length > 0), $"{at}: {d}, while reps with room were {Fmt.List(withRoom.Select(Build.RepId))} (open {Fmt.List(open)}, today {Fmt.List(today)})");
                    if (d.IsAssigned)
                    {
                        var i = Build.RepIndex(d.RepId);
                        Assert.True(withRoom.Contains(i), $"{at}: {d} but {d.RepId} had no room (open {open[i]}, today {today[i]}, caps {s.Setup.Caps[i]})");
                        if (s.Setup.CapacityStep == CapacityStep.LeastLoaded)
                        {
                            // The preference is among the reps the selector may pick (weight > 0 for weighted) that have room.
                            var fewest = withRoom.Min(j => open[j]);
                            Assert.True(open[i] == fewest, $"{at}: least-loaded picked {d.RepId} with {open[i]} open leads while a pickable rep with room had {fewest} (open {Fmt.List(open)})");
                        }

                        open[i]++;
                        today[i]++;
                        assigned++;
                    }

                    break;
                case OpKind.Release:
                    var r = op.Rep % n;
                    var released = engine.Release(Build.RepId(r));
                    Assert.True(released == open[r] > 0, $"{at}: Release returned {released} with {open[r]} open");
                    open[r] -= released ? 1 : 0;
                    break;
                default:
                    time.Advance(TimeSpan.FromHours(op.Hours));
                    if (Day(time) != day)
                    {
                        day = Day(time);
                        Array.Clear(today);
                    }

                    break;
            }

            for (var i = 0; i < n; i++)
            {
                var caps = s.Setup.Caps[i];
                Assert.True(engine.TryGetStatus(Build.RepId(i), out var status));
                Assert.True(status.OpenLeads == open[i], $"{at}: {status.RepId} has {status.OpenLeads} open leads, model {open[i]}");
                Assert.True(status.OpenLeads <= (caps.MaxOpen ?? int.MaxValue), $"{at}: {status.RepId} has {status.OpenLeads} open leads, cap {caps.MaxOpen}");
                if (caps.MaxDaily is { } daily)
                {
                    Assert.True(status.LeadsToday == today[i], $"{at}: {status.RepId} has {status.LeadsToday} leads today, model {today[i]}");
                    Assert.True(status.LeadsToday <= daily, $"{at}: {status.RepId} has {status.LeadsToday} leads today, cap {daily}");
                }
            }
        }

        if (s.Ops.All(o => o.Kind == OpKind.Route))
        {
            Assert.Equal(Math.Min(routes, s.Setup.TotalCapacity), assigned);
        }
    }

    /// <summary>
    /// (c) A capacity step that only the selector follows is not run over every candidate on a route: the selection checks
    /// the caps of each rep it proposes instead, before taking its turn. An explanation still runs the step over every
    /// candidate. Over the same random interleavings, each lead's explanation (made first, changing nothing) and its route
    /// must give the same decision: rep, deciding step, reason and fallback flag, including "AllAtCapacity" at the
    /// capacity step when everyone is full and the weight-0 cases of the weighted selector.
    /// </summary>
    [Property(Arbitrary = [typeof(SequentialScenario)], MaxTest = 500)]
    public void A_capacity_check_left_to_the_selection_decides_as_the_capacity_step_would(SequentialScenario s)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var engine = Build.Engine(s.Setup.Reps(), s.Setup.Pipeline(), time: time);
        var step = 0;
        foreach (var op in s.Ops)
        {
            step++;
            switch (op.Kind)
            {
                case OpKind.Route:
                    var lead = new Lead("l" + step);
                    var explained = engine.Explain(lead);
                    var routed = engine.Route(lead);
                    Assert.True(explained.Decision == routed, $"step {step} ({op}): explained {explained.Decision}, routed {routed}\n{explained}");
                    break;
                case OpKind.Release:
                    engine.Release(Build.RepId(op.Rep % s.Setup.Caps.Length));
                    break;
                default:
                    time.Advance(TimeSpan.FromHours(op.Hours));
                    break;
            }
        }
    }

    /// <summary>
    /// (b) ⚡ Four threads, released together by a barrier, route the leads of one case into capacity-limited reps
    /// (each case is run <see cref="TrialsPerCase"/> times on fresh engines). Afterwards no rep holds more than its caps,
    /// counters match the decisions, and exactly min(leads, Σ capacity) leads are assigned. Weights are positive here, so
    /// every rep with room is eligible.
    /// </summary>
    [Property(Arbitrary = [typeof(ConcurrentScenario)], MaxTest = 500)]
    public void No_rep_exceeds_a_cap_and_assigned_is_min_of_leads_and_capacity_under_concurrency(ConcurrentScenario s)
    {
        for (var trial = 1; trial <= TrialsPerCase; trial++)
        {
            var engine = Build.Engine(s.Setup.Reps(), s.Setup.Pipeline());
            var decisions = new RoutingDecision[s.Leads];
            using var barrier = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                for (var i = t; i < decisions.Length; i += Threads)
                {
                    decisions[i] = engine.Route(new Lead("l" + i));
                }
            })).ToList();
            threads.ForEach(th => th.Start());
            threads.ForEach(th => th.Join());

            var counts = new int[s.Setup.Caps.Length];
            foreach (var d in decisions.Where(d => d.IsAssigned))
            {
                counts[Build.RepIndex(d.RepId)]++;
            }

            var unassigned = decisions.Where(d => !d.IsAssigned).GroupBy(d => $"{d.StepName}/{d.Reason}").Select(g => $"{g.Count()}x {g.Key}");
            var summary = $"trial {trial}: per-rep counts {Fmt.List(counts)}, unassigned {Fmt.List(unassigned)}";
            for (var i = 0; i < counts.Length; i++)
            {
                var caps = s.Setup.Caps[i];
                Assert.True(engine.TryGetStatus(Build.RepId(i), out var status));
                Assert.True(counts[i] <= Math.Min(caps.MaxOpen ?? int.MaxValue, caps.MaxDaily ?? int.MaxValue), $"{summary}: {Build.RepId(i)} got {counts[i]} leads, caps {caps}");
                Assert.True(status.OpenLeads == counts[i], $"{summary}: {Build.RepId(i)} has {status.OpenLeads} open leads but got {counts[i]}");
                Assert.True(caps.MaxDaily is null || status.LeadsToday == counts[i], $"{summary}: {Build.RepId(i)} has {status.LeadsToday} leads today but got {counts[i]}");
            }

            Assert.True(counts.Sum() == Math.Min(s.Leads, s.Setup.TotalCapacity), $"{summary}: {counts.Sum()} assigned, expected min({s.Leads} leads, capacity {s.Setup.TotalCapacity})");
        }
    }

    private static bool HasRoom(Caps caps, long open, int today) =>
        open < (caps.MaxOpen ?? int.MaxValue) && (caps.MaxDaily is not { } daily || today < daily);

    private static int Day(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;

    public enum CapacityStep
    {
        None,
        Plain,
        LeastLoaded,
    }

    public enum OpKind
    {
        Route,
        Release,
        Advance,
    }

    public sealed record Caps(int? MaxOpen, int? MaxDaily, int Weight)
    {
        public static Gen<Caps> Generator(int minWeight) =>
            from open in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 5).Select(x => (int?)x)))
            from daily in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 6).Select(x => (int?)x)))
            from weight in Gen.Frequency((minWeight == 0 ? 1 : 0, Gen.Constant(0)), (4, Gen.Choose(Math.Max(minWeight, 1), 3)))
            select new Caps(open, daily, weight);

        public IEnumerable<Caps> Shrink(int minWeight) =>
            Support.Shrink.Cap(MaxOpen).Select(x => this with { MaxOpen = x })
                .Concat(Support.Shrink.Cap(MaxDaily).Select(x => this with { MaxDaily = x }))
                .Concat(Support.Shrink.Toward(Weight, 1).Concat(Support.Shrink.Toward(Weight, minWeight)).Distinct().Select(x => this with { Weight = x }));

        public override string ToString() => $"open<={Fmt.Cap(MaxOpen)} day<={Fmt.Cap(MaxDaily)} w{Weight}";
    }

    public sealed record Setup(Caps[] Caps, bool Weighted, CapacityStep CapacityStep)
    {
        /// <summary>Whether the selector may pick the rep at all (weight 0 is never picked by the weighted selector).</summary>
        public bool Eligible(int i) => !Weighted || Caps[i].Weight > 0;

        /// <summary>Σ min(open cap, daily cap) over eligible reps; int.MaxValue when one of them is uncapped.</summary>
        public int TotalCapacity => (int)Math.Min(int.MaxValue, Enumerable.Range(0, Caps.Length).Where(Eligible)
            .Sum(i => (long)Math.Min(Caps[i].MaxOpen ?? int.MaxValue, Caps[i].MaxDaily ?? int.MaxValue)));

        public static Gen<Setup> Generator(int minWeight) =>
            from n in Gen.Choose(1, 6)
            from caps in Gen.ArrayOf(CapacityPropertyTests.Caps.Generator(minWeight), n)
            from weighted in Gen.Elements(false, true)
            from step in Gen.Elements(CapacityStep.None, CapacityStep.Plain, CapacityStep.LeastLoaded)
            select new Setup(caps, weighted, step);

        public IEnumerable<Rep> Reps() => Caps.Select((c, i) => new Rep(Build.RepId(i)) { MaxOpenLeads = c.MaxOpen, MaxLeadsPerDay = c.MaxDaily, Weight = c.Weight });

        public RoutingPipeline Pipeline()
        {
            var b = new RoutingPipelineBuilder();
            if (CapacityStep != CapacityStep.None)
            {
                b.AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = CapacityStep == CapacityStep.LeastLoaded });
            }

            return (Weighted ? b.AddWeighted() : b.AddRoundRobin()).Build();
        }

        public IEnumerable<Setup> Shrink(int minWeight) =>
            Support.Shrink.Array(Caps, c => c.Shrink(minWeight), minLength: 1).Select(x => this with { Caps = x })
                .Concat(Support.Shrink.Bool(Weighted, false).Select(x => this with { Weighted = x }))
                .Concat(CapacityStep == CapacityStep.None ? [] : [this with { CapacityStep = CapacityStep.None }, this with { CapacityStep = CapacityStep.Plain }])
                .Where(s => s != this);

        public override string ToString() =>
            $"{(CapacityStep == CapacityStep.None ? string.Empty : CapacityStep + " capacity -> ")}{(Weighted ? "Weighted" : "RoundRobin")}, reps {Fmt.List(Caps.Select((c, i) => $"r{i} {c}"))}";
    }

    public sealed record Op(OpKind Kind, int Rep, int Hours)
    {
        public static Gen<Op> Generator =>
            Gen.Frequency(
                (8, Gen.Constant(new Op(OpKind.Route, 0, 0))),
                (3, Gen.Choose(0, 5).Select(r => new Op(OpKind.Release, r, 0))),
                (1, Gen.Choose(1, 30).Select(h => new Op(OpKind.Advance, 0, h))));

        public IEnumerable<Op> Shrink() =>
            Support.Shrink.Toward(Rep, 0).Select(x => this with { Rep = x })
                .Concat(Support.Shrink.Toward(Hours, 1).Select(x => this with { Hours = x }));

        public override string ToString() => Kind switch
        {
            OpKind.Route => "route",
            OpKind.Release => $"release r{Rep}",
            _ => $"+{Hours}h",
        };
    }

    public sealed record SequentialScenario(Setup Setup, Op[] Ops)
    {
        public static Arbitrary<SequentialScenario> Arbitrary => PropertyRunner.Arbitrary(
            from setup in Setup.Generator(minWeight: 0)
            from ops in Gen.Choose(0, 50).SelectMany(n => Gen.ArrayOf(Op.Generator, n))
            select new SequentialScenario(setup, ops),
            s => s.Shrink());

        public IEnumerable<SequentialScenario> Shrink() =>
            Support.Shrink.Array(Ops, o => o.Shrink()).Select(x => this with { Ops = x })
                .Concat(Setup.Shrink(0).Select(x => this with { Setup = x }));

        public override string ToString() => $"{Setup}; ops {Fmt.List(Ops)}";
    }

    public sealed record ConcurrentScenario(Setup Setup, int Leads)
    {
        public static Arbitrary<ConcurrentScenario> Arbitrary => PropertyRunner.Arbitrary(
            from setup in Setup.Generator(minWeight: 1)
            from leads in Gen.Choose(0, 120)
            select new ConcurrentScenario(setup, leads),
            s => s.Shrink());

        public IEnumerable<ConcurrentScenario> Shrink() =>
            Support.Shrink.Toward(Leads, 0).Select(x => this with { Leads = x })
                .Concat(Setup.Shrink(1).Select(x => this with { Setup = x }));

        public override string ToString() => $"{Setup}; {Leads} leads on {Threads} threads";
    }
}
