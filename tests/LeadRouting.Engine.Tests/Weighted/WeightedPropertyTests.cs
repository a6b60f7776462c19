using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Weighted;

/// <summary>
/// DESIGN §4, weighted (smooth weighted round-robin per group of peers): exact shares every full cycle, no rep over-served
/// by a whole pick or under-served by two at any prefix, weight 0 never picked, and replay determinism.
/// </summary>
public class WeightedPropertyTests
{
    /// <summary>
    /// Over a fixed set with random weights (zeros included, at least one positive), routing cycles·W + extra leads (W = Σw):
    /// (a) after every multiple of W routes each rep has exactly its multiple of wᵢ; (b) at every prefix n,
    /// cᵢ − n·wᵢ/W &lt; 1 and n·wᵢ/W − cᵢ &lt; 2; (c) a weight-0 rep is never picked; every lead is assigned.
    /// </summary>
    [Property(Arbitrary = [typeof(WeightsScenario)], MaxTest = 500)]
    public void Shares_are_exact_every_cycle_and_smooth_at_every_prefix(WeightsScenario s)
    {
        var engine = Build.Engine(s.Reps(), new RoutingPipelineBuilder().AddWeighted().Build());
        var w = s.Weights;
        var total = w.Sum();
        var counts = new long[w.Length];
        for (var n = 1; n <= s.Leads; n++)
        {
            var d = engine.Route(new Lead("l" + n));
            Assert.True(d.IsAssigned, $"lead {n}: {d}");
            var i = Build.RepIndex(d.RepId);
            Assert.True(w[i] > 0, $"lead {n} went to {d.RepId}, whose weight is 0");
            counts[i]++;
            CheckPrefix(n, w, counts, total, "");
        }
    }

    /// <summary>
    /// (a)-(c) with weights up to 1,000 over up to 25 reps (periods up to 25,000, most generated in chunks rather than
    /// precomputed), and a reload of the same roster at a random lead: the reloaded engine decides exactly as one that was
    /// never reloaded (the rotation carries over), and the shares hold over the whole stream.
    /// </summary>
    [Property(Arbitrary = [typeof(LargeWeightsScenario)], MaxTest = 100)]
    public void Shares_stay_exact_and_smooth_with_weights_up_to_1000_across_a_reload_of_the_same_roster(LargeWeightsScenario s)
    {
        var pipeline = new RoutingPipelineBuilder().AddWeighted().Build();
        var reloaded = Build.Engine(s.Reps(), pipeline);
        var uninterrupted = Build.Engine(s.Reps(), pipeline);
        var w = s.Weights;
        var total = w.Sum();
        var counts = new long[w.Length];
        for (var n = 1; n <= s.Leads; n++)
        {
            if (n == s.ReloadAt)
            {
                reloaded.ReplaceRoster(new Roster(s.Reps()));
            }

            var d = reloaded.Route(new Lead("l" + n));
            var expected = uninterrupted.Route(new Lead("l" + n));
            Assert.True(d == expected, $"lead {n}: {d} after a reload at lead {s.ReloadAt}, {expected} without");
            var i = Build.RepIndex(d.RepId);
            Assert.True(w[i] > 0, $"lead {n} went to {d.RepId}, whose weight is 0");
            counts[i]++;
            CheckPrefix(n, w, counts, total, "");
        }
    }

    /// <summary>(d) Two engines with the same roster (and the same pipeline object) make identical decisions, routes interleaved.</summary>
    [Property(Arbitrary = [typeof(WeightsScenario)], MaxTest = 500)]
    public void The_same_weights_and_lead_sequence_give_the_same_decisions(WeightsScenario s)
    {
        var pipeline = new RoutingPipelineBuilder().AddWeighted().Build();
        var first = Build.Engine(s.Reps(), pipeline);
        var second = Build.Engine(s.Reps(), pipeline);
        for (var n = 1; n <= s.Leads; n++)
        {
            var x = first.Route(new Lead("l" + n));
            var y = second.Route(new Lead("l" + n));
            Assert.True(x == y, $"lead {n}: {x} vs {y}");
        }
    }

    /// <summary>
    /// Each group of peers has its own schedule and cursor: reps own one country each (AddTerritory().AddWeighted()), leads
    /// for the countries arrive interleaved at random; the subsequence of each country's leads satisfies the cycle and
    /// prefix bounds of its own group, as if the other groups did not exist. A country nobody owns is NoTerritoryMatch;
    /// a group of weight-0 reps only is NoPositiveWeight.
    /// </summary>
    [Property(Arbitrary = [typeof(GroupsScenario)], MaxTest = 500)]
    public void Each_group_of_peers_keeps_its_own_smooth_schedule_when_groups_interleave(GroupsScenario s)
    {
        var reps = s.Reps.Select((r, i) => new Rep(Build.RepId(i)) { Weight = r.Weight, Territories = [Territory.ForCountry(Geo.Countries[r.Group])] });
        var engine = Build.Engine(reps, new RoutingPipelineBuilder().AddTerritory().AddWeighted().Build());
        var counts = new long[s.Reps.Length];
        var routed = new int[3];
        var step = 0;
        foreach (var g in s.Leads)
        {
            step++;
            var d = engine.Route(new Lead("l" + step) { Country = Geo.Countries[g] });
            var members = Enumerable.Range(0, s.Reps.Length).Where(i => s.Reps[i].Group == g).ToArray();
            if (members.Length == 0)
            {
                Assert.True(!d.IsAssigned && d.Reason == RoutingReason.NoTerritoryMatch, $"lead {step} for {Geo.Countries[g]}, which nobody owns: {d}");
                continue;
            }

            var w = members.Select(i => s.Reps[i].Weight).ToArray();
            if (w.Sum() == 0)
            {
                Assert.True(!d.IsAssigned && d.Reason == RoutingReason.NoPositiveWeight, $"lead {step} for {Geo.Countries[g]}, whose reps all weigh 0: {d}");
                continue;
            }

            var chosen = Build.RepIndex(d.RepId);
            Assert.True(d.IsAssigned && members.Contains(chosen), $"lead {step} for {Geo.Countries[g]}: {d}");
            counts[chosen]++;
            var n = ++routed[g];
            CheckPrefix(n, w, [.. members.Select(i => counts[i])], w.Sum(), $"group {Geo.Countries[g]} {Fmt.List(members.Select(Build.RepId))}, overall lead {step}: ");
        }
    }

    private static void CheckPrefix(int n, int[] w, long[] counts, int total, string where)
    {
        for (var i = 0; i < w.Length; i++)
        {
            // cᵢ − n·wᵢ/W < 1  and  n·wᵢ/W − cᵢ < 2, multiplied by W.
            var over = (counts[i] * total) - ((long)n * w[i]);
            Assert.True(over < total, $"{where}after {n} leads rep #{i} (weight {w[i]} of {total}) has {counts[i]}: over-served by a whole pick; counts {Fmt.List(counts)}");
            Assert.True(-over < 2L * total, $"{where}after {n} leads rep #{i} (weight {w[i]} of {total}) has {counts[i]}: under-served by 2 or more; counts {Fmt.List(counts)}");
            if (n % total == 0)
            {
                Assert.True(counts[i] == (long)(n / total) * w[i], $"{where}after {n} leads ({n / total} full cycles of {total}) rep #{i} (weight {w[i]}) has {counts[i]}, expected {(n / total) * w[i]}; counts {Fmt.List(counts)}");
            }
        }
    }

    public sealed record WeightsScenario(int[] Weights, int Cycles, int Extra)
    {
        public static Arbitrary<WeightsScenario> Arbitrary => PropertyRunner.Arbitrary(
            from k in Gen.Choose(1, 7)
            from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 12))), k).Where(ws => ws.Any(x => x > 0))
            from cycles in Gen.Choose(1, 3)
            from extra in Gen.Choose(0, weights.Sum() - 1)
            select new WeightsScenario(weights, cycles, extra),
            s => s.Shrink(),
            s => s.Weights.Any(x => x > 0));

        public int Leads => (Cycles * Weights.Sum()) + (Extra % Weights.Sum());

        public IEnumerable<Rep> Reps() => Weights.Select((w, i) => new Rep(Build.RepId(i)) { Weight = w });

        public IEnumerable<WeightsScenario> Shrink() =>
            Support.Shrink.Array(Weights, w => Support.Shrink.Toward(w, 0), minLength: 1).Select(x => this with { Weights = x })
                .Concat(Support.Shrink.Toward(Cycles, 1).Select(x => this with { Cycles = x }))
                .Concat(Support.Shrink.Toward(Extra, 0).Select(x => this with { Extra = x }));

        public override string ToString() => $"weights {Fmt.List(Weights)}, {Leads} leads";
    }

    public sealed record LargeWeightsScenario(int[] Weights, int Extra, int Reload)
    {
        public static Arbitrary<LargeWeightsScenario> Arbitrary => PropertyRunner.Arbitrary(
            from k in Gen.Choose(1, 25)
            from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 1_000))), k).Where(ws => ws.Any(x => x > 0))
            from extra in Gen.Choose(0, 20_000)
            from reload in Gen.Choose(1, 60_000)
            select new LargeWeightsScenario(weights, extra, reload),
            s => Support.Shrink.Array(s.Weights, w => Support.Shrink.Toward(w, 0), minLength: 1).Select(x => s with { Weights = x })
                .Concat(Support.Shrink.Toward(s.Extra, 0).Select(x => s with { Extra = x })),
            s => s.Weights.Any(x => x > 0));

        /// <summary>One full cycle and part of the next.</summary>
        public int Leads => Weights.Sum() + (Extra % Weights.Sum());

        public int ReloadAt => 1 + (Reload % Leads);

        public IEnumerable<Rep> Reps() => Weights.Select((w, i) => new Rep(Build.RepId(i)) { Weight = w });

        public override string ToString() => $"weights {Fmt.List(Weights)}, {Leads} leads, reload before lead {ReloadAt}";
    }

    public sealed record GroupRep(int Weight, int Group)
    {
        public override string ToString() => $"{Geo.Countries[Group]} w{Weight}";
    }

    public sealed record GroupsScenario(GroupRep[] Reps, int[] Leads)
    {
        public static Arbitrary<GroupsScenario> Arbitrary => PropertyRunner.Arbitrary(
            from reps in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(
                from w in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 6)))
                from g in Gen.Choose(0, 2)
                select new GroupRep(w, g), n))
            from leads in Gen.Choose(0, 120).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 2), n))
            select new GroupsScenario(reps, leads),
            s => s.Shrink());

        public IEnumerable<GroupsScenario> Shrink() =>
            Support.Shrink.Array(Leads, g => Support.Shrink.Toward(g, 0)).Select(x => this with { Leads = x })
                .Concat(Support.Shrink.Array(Reps, r => Support.Shrink.Toward(r.Weight, 0).Select(w => r with { Weight = w })
                    .Concat(Support.Shrink.Toward(r.Group, 0).Select(g => r with { Group = g }))).Select(x => this with { Reps = x }));

        public override string ToString() => $"reps {Fmt.List(Reps.Select((r, i) => $"r{i} {r}"))}, leads {Fmt.List(Leads.Select(g => Geo.Countries[g]))}";
    }
}
