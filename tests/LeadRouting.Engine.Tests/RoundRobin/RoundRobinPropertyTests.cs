using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.RoundRobin;

/// <summary>
/// DESIGN §4, round-robin (least recently assigned over one engine-wide sequence): even counts over a fixed set, twins
/// stay within one of each other whatever others do, a returner gets no catch-up burst, and the order is deterministic.
/// </summary>
public class RoundRobinPropertyTests
{
    /// <summary>
    /// (a) After an arbitrary warm-up (lead by lead, a random subset of reps is active, which scrambles the rotation), a fixed
    /// set of reps is active: over the stream that follows, at every prefix the per-rep counts differ by at most 1, and
    /// nobody outside the set is chosen.
    /// </summary>
    [Property(Arbitrary = [typeof(FixedSetScenario)], MaxTest = 500)]
    public void Counts_over_a_fixed_candidate_set_differ_by_at_most_one_at_every_prefix(FixedSetScenario s)
    {
        var engine = Build.Engine(Enumerable.Range(0, s.RepCount).Select(i => new Rep(Build.RepId(i))), new RoutingPipelineBuilder().AddRoundRobin().Build());
        var n = 0;
        foreach (var mask in s.WarmupMasks)
        {
            SetActiveMask(engine, s.RepCount, mask);
            engine.Route(new Lead("w" + n++));
        }

        var set = s.Set;
        SetActiveMask(engine, s.RepCount, set);
        var members = Enumerable.Range(0, s.RepCount).Where(i => (set & (1 << i)) != 0).ToArray();
        var counts = new int[s.RepCount];
        for (var p = 1; p <= s.Leads; p++)
        {
            var d = engine.Route(new Lead("l" + p));
            var i = Build.RepIndex(d.RepId);
            Assert.True(d.IsAssigned && (set & (1 << i)) != 0, $"lead {p} of the steady stream: {d}, expected one of {Fmt.List(members.Select(Build.RepId))}");
            counts[i]++;
            var spread = members.Max(m => counts[m]) - members.Min(m => counts[m]);
            Assert.True(spread <= 1, $"after {p} leads the counts of {Fmt.List(members.Select(Build.RepId))} are {Fmt.List(members.Select(m => counts[m]))} (spread {spread})");
        }
    }

    /// <summary>
    /// (b) Two reps with identical territory lists (given in a different order and spelling) are eligible for exactly the same
    /// leads, through AddTerritory().AddRoundRobin(); the other reps have random overlapping territories and are switched on
    /// and off lead by lead. At every prefix the twins' counts differ by at most 1.
    /// </summary>
    [Property(Arbitrary = [typeof(TwinsScenario)], MaxTest = 500)]
    public void Twins_eligible_for_the_same_leads_stay_within_one_whatever_the_others_do(TwinsScenario s)
    {
        var (reps, twinA, twinB) = s.Roster();
        var engine = Build.Engine(reps, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build());
        int a = 0, b = 0, step = 0;
        foreach (var (lead, mask) in s.Steps)
        {
            step++;
            var other = 0;
            for (var p = 0; p < reps.Count; p++)
            {
                if (p != twinA && p != twinB)
                {
                    engine.SetActive(Build.RepId(p), (mask & (1 << other++)) != 0);
                }
            }

            var d = engine.Route(lead.ToLead("l" + step));
            var chosen = Build.RepIndex(d.RepId);
            a += chosen == twinA ? 1 : 0;
            b += chosen == twinB ? 1 : 0;
            Assert.True(Math.Abs(a - b) <= 1, $"after lead {step} ({lead}) -> {d}: twins {Build.RepId(twinA)}={a}, {Build.RepId(twinB)}={b}");
        }
    }

    /// <summary>
    /// (c) A rep switched off for a number of leads and back on gets, over the following window of K·m leads (m active reps),
    /// at every prefix p between ⌊p/m⌋ and ⌊p/m⌋ + 1 leads: at most one more than its fair share (no catch-up burst) and
    /// never less (it gets its share from then on).
    /// </summary>
    [Property(Arbitrary = [typeof(ReturnerScenario)], MaxTest = 500)]
    public void A_returning_rep_gets_its_share_without_a_catch_up_burst(ReturnerScenario s)
    {
        var m = s.RepCount;
        var returner = Build.RepId(s.Returner);
        var engine = Build.Engine(Enumerable.Range(0, m).Select(i => new Rep(Build.RepId(i))), new RoutingPipelineBuilder().AddRoundRobin().Build());
        var n = 0;
        foreach (var mask in s.WarmupMasks)
        {
            SetActiveMask(engine, m, mask);
            engine.Route(new Lead("w" + n++));
        }

        SetActiveMask(engine, m, (1 << m) - 1);
        engine.SetActive(returner, false);
        for (var i = 0; i < s.Absent; i++)
        {
            var d = engine.Route(new Lead("a" + i));
            Assert.NotEqual(returner, d.RepId);
        }

        engine.SetActive(returner, true);
        var got = 0;
        for (var p = 1; p <= s.Windows * m; p++)
        {
            got += engine.Route(new Lead("b" + p)).RepId == returner ? 1 : 0;
            var fair = p / m;
            Assert.True(got <= fair + 1, $"{got} leads to the returner after {p} leads back (fair share {fair}): a catch-up burst");
            Assert.True(got >= fair, $"{got} leads to the returner after {p} leads back (fair share {fair}): starved");
        }
    }

    /// <summary>
    /// (e) On rosters of 64 to 200 reps (whole and partial 64-rep words, so the vectorised scan runs), over one to three
    /// times as many leads as reps (so turns differ and ties no longer decide), with a random set of reps switched off
    /// before each lead, every pick is exactly the reference model's: the active rep whose last
    /// assignment is oldest, never-assigned first, ties to roster order.
    /// </summary>
    [Property(Arbitrary = [typeof(LargeRosterSteps)], MaxTest = 200)]
    public void Large_rosters_pick_exactly_the_least_recently_assigned_active_rep((int Reps, int[][] Off) s)
    {
        var engine = Build.Engine(Enumerable.Range(0, s.Reps).Select(i => new Rep(Build.RepId(i))), new RoutingPipelineBuilder().AddRoundRobin().Build());
        var last = Enumerable.Repeat(-1, s.Reps).ToArray();
        var wasOff = new HashSet<int>();
        for (var step = 0; step < s.Off.Length; step++)
        {
            var off = s.Off[step].ToHashSet();
            foreach (var i in wasOff.Except(off))
            {
                engine.SetActive(Build.RepId(i), true);
            }

            foreach (var i in off.Except(wasOff))
            {
                engine.SetActive(Build.RepId(i), false);
            }

            wasOff = off;

            var expected = Enumerable.Range(0, s.Reps).Where(i => !off.Contains(i)).OrderBy(i => last[i]).ThenBy(i => i).First();
            var d = engine.Route(new Lead("l" + step));
            Assert.True(d.RepId == Build.RepId(expected), $"step {step}: {d}, model expected {Build.RepId(expected)} (off: {Fmt.List(off)})");
            last[expected] = step;
        }
    }

    /// <summary>(d) Two engines given the same roster and the same lead / availability sequence make identical decisions.</summary>
    [Property(Arbitrary = [typeof(TwinsScenario)], MaxTest = 500)]
    public void The_same_roster_and_lead_sequence_give_the_same_decisions(TwinsScenario s)
    {
        var (reps, _, _) = s.Roster();
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build();
        var first = Build.Engine(reps, pipeline);
        var second = Build.Engine(reps, pipeline);
        var step = 0;
        foreach (var (lead, mask) in s.Steps)
        {
            step++;
            for (var p = 0; p < reps.Count; p++)
            {
                first.SetActive(Build.RepId(p), (mask & (1 << p)) != 0);
                second.SetActive(Build.RepId(p), (mask & (1 << p)) != 0);
            }

            var x = first.Route(lead.ToLead("l" + step));
            var y = second.Route(lead.ToLead("l" + step));
            Assert.True(x == y, $"lead {step} ({lead}): {x} vs {y}");
        }
    }

    /// <summary>The scenarios of (e): a roster of 64 to 200 reps and, lead by lead, the reps switched off.</summary>
    public static class LargeRosterSteps
    {
        public static Arbitrary<(int Reps, int[][] Off)> Arbitrary
        {
            get
            {
                static Gen<int[]> Off(int reps) =>
                    from k in Gen.Choose(0, 40)
                    from off in Gen.ArrayOf(Gen.Choose(0, reps - 1), k)
                    select off;
                var gen =
                    from reps in Gen.Choose(64, 200)
                    from count in Gen.Choose(reps, 3 * reps)
                    from steps in Gen.ArrayOf(Off(reps), count)
                    select (Reps: reps, Off: steps);
                return PropertyRunner.Arbitrary(
                    gen,
                    s => Shrink.Array(s.Off, o => Shrink.Array(o, _ => [])).Select(o => (s.Reps, o)),
                    s => s.Off.Length > 0);
            }
        }
    }

    private static void SetActiveMask(RoutingEngine engine, int count, int mask)
    {
        for (var i = 0; i < count; i++)
        {
            engine.SetActive(Build.RepId(i), (mask & (1 << i)) != 0);
        }
    }

    public sealed record FixedSetScenario(int RepCount, int[] WarmupMasks, int SetMask, int Leads)
    {
        public static Arbitrary<FixedSetScenario> Arbitrary => PropertyRunner.Arbitrary(
            from reps in Gen.Choose(1, 8)
            from warmupLength in Gen.Choose(0, 30)
            from warmup in Gen.ArrayOf(Gen.Choose(0, 255), warmupLength)
            from set in Gen.Choose(1, 255)
            from leads in Gen.Choose(0, 60)
            select new FixedSetScenario(reps, warmup, set, leads),
            s => s.Shrink());

        /// <summary>The steady set, restricted to the roster; the whole roster when that leaves nobody.</summary>
        public int Set => (SetMask & ((1 << RepCount) - 1)) is var m && m != 0 ? m : (1 << RepCount) - 1;

        public IEnumerable<FixedSetScenario> Shrink() =>
            Support.Shrink.Toward(Leads, 0).Select(x => this with { Leads = x })
                .Concat(Support.Shrink.Array(WarmupMasks, Support.Shrink.Bits).Select(x => this with { WarmupMasks = x }))
                .Concat(Support.Shrink.Toward(RepCount, 1).Select(x => this with { RepCount = x }))
                .Concat(Support.Shrink.Bits(SetMask).Select(x => this with { SetMask = x }));

        public override string ToString() =>
            $"{RepCount} reps, warm-up active masks {Fmt.List(WarmupMasks.Select(m => Convert.ToString(m & ((1 << RepCount) - 1), 2)))}, steady set {Convert.ToString(Set, 2)}, {Leads} leads";
    }

    public sealed record TwinsScenario(TerritorySpec[][] Others, TerritorySpec[] TwinTerritories, int TwinA, int TwinB, (LeadSpec Lead, int Mask)[] Steps)
    {
        public static Arbitrary<TwinsScenario> Arbitrary => PropertyRunner.Arbitrary(
            from others in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(TerritorySpec.ListGenerator, n))
            from twins in TerritorySpec.ListGenerator
            from twinA in Gen.Choose(0, 6)
            from twinB in Gen.Choose(0, 7)
            from steps in Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(Gen.Zip(LeadSpec.Generator, Gen.Frequency((1, Gen.Constant(255)), (2, Gen.Choose(0, 255)))), n))
            select new TwinsScenario(others, twins, twinA, twinB, steps),
            s => s.Shrink());

        /// <summary>The reps (others in order, twins inserted) and the twins' positions. Twin B lists the rules reversed and respelt.</summary>
        public (List<Rep> Reps, int TwinA, int TwinB) Roster()
        {
            var specs = Others.ToList();
            var a = Math.Min(TwinA, specs.Count);
            specs.Insert(a, TwinTerritories);
            var b = Math.Min(TwinB, specs.Count);
            specs.Insert(b, [.. TwinTerritories.Reverse().Select(t => t with { Noise = t.Noise + 7 })]);
            if (b <= a)
            {
                a++;
            }

            var reps = specs.Select((t, i) => new Rep(Build.RepId(i)) { Territories = [.. t.Select(x => x.ToTerritory())] }).ToList();
            return (reps, a, b);
        }

        public IEnumerable<TwinsScenario> Shrink() =>
            Support.Shrink.Array(Steps, s => s.Lead.Shrink().Select(l => (l, s.Mask)).Concat(Support.Shrink.Toward(s.Mask, 255).Select(m => (s.Lead, m))))
                .Select(x => this with { Steps = x })
                .Concat(Support.Shrink.Array(Others, o => Support.Shrink.Array(o, t => t.Shrink())).Select(x => this with { Others = x }))
                .Concat(Support.Shrink.Array(TwinTerritories, t => t.Shrink()).Select(x => this with { TwinTerritories = x }))
                .Concat(Support.Shrink.Toward(TwinA, 0).Select(x => this with { TwinA = x }))
                .Concat(Support.Shrink.Toward(TwinB, 0).Select(x => this with { TwinB = x }));

        public override string ToString()
        {
            var (reps, a, b) = Roster();
            return $"reps {Fmt.List(reps.Select((r, i) => $"{r.Id}{(i == a || i == b ? "(twin)" : string.Empty)}: {Fmt.List(r.Territories)}"))}; "
                + $"steps (lead, others' active mask) {Fmt.List(Steps.Select(s => $"{s.Lead} / {Convert.ToString(s.Mask, 2)}"))}";
        }
    }

    public sealed record ReturnerScenario(int RepCount, int Returner, int[] WarmupMasks, int Absent, int Windows)
    {
        public static Arbitrary<ReturnerScenario> Arbitrary => PropertyRunner.Arbitrary(
            from reps in Gen.Choose(2, 7)
            from returner in Gen.Choose(0, reps - 1)
            from warmup in Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 127), n))
            from absent in Gen.Choose(0, 30)
            from windows in Gen.Choose(1, 6)
            select new ReturnerScenario(reps, returner, warmup, absent, windows),
            s => s.Shrink(),
            s => s.Returner < s.RepCount);

        public IEnumerable<ReturnerScenario> Shrink() =>
            Support.Shrink.Array(WarmupMasks, Support.Shrink.Bits).Select(x => this with { WarmupMasks = x })
                .Concat(Support.Shrink.Toward(Absent, 0).Select(x => this with { Absent = x }))
                .Concat(Support.Shrink.Toward(Windows, 1).Select(x => this with { Windows = x }))
                .Concat(Support.Shrink.Toward(Returner, 0).Select(x => this with { Returner = x }))
                .Concat(Support.Shrink.Toward(RepCount, 2).Select(x => this with { RepCount = x }));

        public override string ToString() =>
            $"{RepCount} reps, returner r{Returner}, warm-up active masks {Fmt.List(WarmupMasks.Select(m => Convert.ToString(m, 2)))}, absent for {Absent} leads, window {Windows}x{RepCount}";
    }
}
