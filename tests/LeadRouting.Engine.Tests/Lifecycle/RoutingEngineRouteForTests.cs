using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Lifecycle;

/// <summary>
/// Issue 13, item 11: the route a pull makes for one rep (<see cref="RoutingEngine.RouteFor"/>) is the one route path
/// with the candidates restricted to that rep from the start: the same decisions, rotations and reservations as a route
/// with every other rep excluded, caps held under concurrency, exclusions honoured, and no allocation.
/// </summary>
[Collection(TelemetrySensitiveTests.Name)]
public class RoutingEngineRouteForTests
{
    private static readonly string[] Countries = ["DE", "FR", "JP"];

    /// <summary>
    /// Two identical engines take the same stream: one routes each lead for one rep, the other routes it with every other
    /// rep excluded. Every decision is the same, and so is every rep's open-lead count after it.
    /// </summary>
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 300)]
    public void A_route_for_one_rep_decides_as_a_route_with_every_other_rep_excluded(Scenario c)
    {
        var restricted = c.Engine();
        var excluding = c.Engine();
        var ids = Enumerable.Range(0, c.Reps.Length).Select(Build.RepId).ToArray();
        for (var i = 0; i < c.Ops.Length; i++)
        {
            var (country, repIndex, excludedIndex, release) = c.Ops[i];
            var lead = new Lead("l" + i) { Country = Countries[country % Countries.Length], Score = country * 10 };
            var rep = ids[repIndex % ids.Length];
            string[] excluded = excludedIndex < 0 ? [] : [ids[excludedIndex % ids.Length]];
            var others = ids.Where(id => id != rep).Concat(excluded).ToArray();

            var one = restricted.RouteFor(lead, rep, excluded);
            var all = excluding.Route(lead, others);

            // Where excluding the others says AllExcluded, the route for one rep (for which the others are out of
            // scope, not excluded) gives the reason of the step that found nobody; everything else is the same.
            var sameReason = one.Reason == all.Reason || all.Reason == RoutingReason.AllExcluded;
            Assert.True(
                (one.Outcome, one.RepId, one.TeamId, one.StepName, one.UsedFallback) == (all.Outcome, all.RepId, all.TeamId, all.StepName, all.UsedFallback) && sameReason,
                $"op {i} ({lead.Country}, {rep}, excluding {string.Join(",", excluded)}): for one rep {one}, with the others excluded {all}\n{c}");
            Assert.True(!one.IsAssigned || (one.RepId == rep && !excluded.Contains(rep)), $"op {i}: {one}");
            if (release && one.IsAssigned)
            {
                restricted.Release(rep);
                excluding.Release(rep);
            }

            foreach (var id in ids)
            {
                Assert.True(restricted.TryGetStatus(id, out var a) && excluding.TryGetStatus(id, out var b) && a.OpenLeads == b.OpenLeads, $"op {i}: {id}'s open leads differ");
            }
        }
    }

    [Fact]
    public void A_route_for_one_rep_never_gives_the_lead_to_that_rep_when_excluded_not_even_as_the_fallback()
    {
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToRep("a")).Build();
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b") { Territories = [Territory.ForCountry("DE")] }]), pipeline);

        var excluded = engine.RouteFor(new Lead("1") { Country = "FR" }, "a", ["a"]);
        var allowed = engine.RouteFor(new Lead("2") { Country = "FR" }, "a", ["b"]);
        var notTheirs = engine.RouteFor(new Lead("3") { Country = "FR" }, "b", []);

        Assert.Equal(RoutingOutcome.Unassigned, excluded.Outcome);
        Assert.Equal(("a", true), (allowed.RepId, allowed.UsedFallback));
        Assert.Equal(RoutingOutcome.Unassigned, notTheirs.Outcome); // the fallback rep is not b
        Assert.Equal(RoutingReason.NoActiveRep, engine.RouteFor(new Lead("4"), "ghost", []).Reason);
    }

    /// <summary>⚡ Four threads route for the same capped rep at once: exactly the cap is reserved, never more.</summary>
    [Fact]
    public void Routes_for_one_rep_from_many_threads_reserve_exactly_up_to_its_caps()
    {
        for (var round = 0; round < 20; round++)
        {
            var engine = new RoutingEngine(
                new Roster([.. Enumerable.Range(0, 300).Select(i => new Rep("r" + i) { MaxOpenLeads = 40, MaxLeadsPerDay = 45 })]),
                new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build());
            var assigned = 0;
            using var barrier = new Barrier(4);
            var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                for (var i = 0; i < 50; i++)
                {
                    if (engine.RouteFor(new Lead($"{t}-{i}"), "r257", []).IsAssigned)
                    {
                        Interlocked.Increment(ref assigned);
                    }
                }
            })).ToList();
            threads.ForEach(th => th.Start());
            threads.ForEach(th => th.Join());

            Assert.Equal(40, assigned);
            Assert.True(engine.TryGetStatus("r257", out var status));
            Assert.Equal(40, status.OpenLeads);
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(5_000)]
    public void A_route_for_one_rep_allocates_nothing(int reps)
    {
        var roster = new Roster([.. Enumerable.Range(0, reps).Select(i => new Rep("r" + i) { Territories = [Territory.ForCountry(Countries[i % 2])], MaxOpenLeads = 4 })]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build());
        var leads = Enumerable.Range(0, 64).Select(i => new Lead("l" + i) { Country = Countries[i % 3] }).ToArray();
        var pulling = Enumerable.Range(0, 8).Select(k => "r" + (k * (reps / 8))).ToArray();
        RouteAndRelease(engine, leads, pulling); // warm-up: groups, pools

        var before = GC.GetAllocatedBytesForCurrentThread();
        var assigned = RouteAndRelease(engine, leads, pulling);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(assigned > 1_000, $"only {assigned} routes were assigned");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RouteAndRelease(RoutingEngine engine, Lead[] leads, string[] reps)
    {
        var assigned = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var rep = reps[i % reps.Length];
            var decision = engine.RouteFor(leads[i % leads.Length], rep, default);
            if (decision.IsAssigned)
            {
                assigned++;
                engine.Release(rep);
            }
        }

        return assigned;
    }

    public sealed record RepCase(bool De, bool Fr, int? MaxOpen, int Weight, bool Active)
    {
        public static Gen<RepCase> Generator =>
            from de in Gen.Elements(false, true)
            from fr in Gen.Elements(false, true)
            from open in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 3).Select(x => (int?)x)))
            from weight in Gen.Choose(0, 3)
            from active in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            select new RepCase(de, fr, open, weight, active);
    }

    public sealed record Scenario(RepCase[] Reps, int Pipeline, (int Country, int Rep, int Excluded, bool Release)[] Ops)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(Generator, Shrink, c => c.Reps.Length > 0);

        private static Gen<Scenario> Generator =>
            from n in Gen.Choose(1, 6)
            from reps in Gen.ArrayOf(RepCase.Generator, n)
            from pipeline in Gen.Choose(0, 4)
            from ops in Gen.Choose(1, 40).SelectMany(k => Gen.ArrayOf(Op, k))
            select new Scenario(reps, pipeline, ops);

        private static Gen<(int, int, int, bool)> Op =>
            from country in Gen.Choose(0, 2)
            from rep in Gen.Choose(0, 9)
            from excluded in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 9)))
            from release in Gen.Elements(false, true)
            select (country, rep, excluded, release);

        private static IEnumerable<Scenario> Shrink(Scenario c) =>
            Support.Shrink.Array(c.Ops, _ => []).Select(o => c with { Ops = o })
                .Concat(Support.Shrink.Array(c.Reps, _ => [], minLength: 1).Select(r => c with { Reps = r }));

        public RoutingEngine Engine()
        {
            var reps = Reps.Select((r, i) => new Rep(Build.RepId(i))
            {
                Territories = [.. (r.De ? new[] { Territory.ForCountry("DE") } : []), .. (r.Fr ? new[] { Territory.ForCountry("FR") } : [])],
                MaxOpenLeads = r.MaxOpen,
                Weight = r.Weight,
            }).ToArray();
            var teams = new[] { new Team("all", [.. reps.Select(r => r.Id)]) };
            var pipeline = Pipeline switch
            {
                0 => new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build(),
                1 => new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted().Build(),
                2 => new RoutingPipelineBuilder().AddTerritory().AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = true }).AddRoundRobin().WithFallback(RoutingFallback.ToTeam("all")).Build(),
                3 => new RoutingPipelineBuilder().AddCapacity().AddTerritory().AddWeighted().WithFallback(RoutingFallback.ToRep(reps[0].Id)).Build(),
                _ => new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build(),
            };
            var engine = Build.Engine(reps, pipeline, teams);
            for (var i = 0; i < Reps.Length; i++)
            {
                engine.SetActive(reps[i].Id, Reps[i].Active);
            }

            return engine;
        }

        public override string ToString() =>
            $"pipeline {Pipeline}; reps {Fmt.List(Reps)}; ops {Fmt.List(Ops)}";
    }
}
