using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Defects;

/// <summary>
/// A route that runs host code in its middle (the clock, read for daily caps) where that code routes on the same thread:
/// the outer route's candidates and exclusions must stay its own, above 4,096 reps and with exclusion lists over 32 ids
/// (issue 13, item 6). In both tests the outer route first proposes a rep with a daily cap of 0, reads the clock (which
/// routes), finds the rep full and goes on with what it holds: its candidates, or its exclusions in the fallback.
/// </summary>
public class NestedRouteBufferTests
{
    private const int Excluded = 40;

    [Fact]
    public void A_route_nested_through_the_clock_keeps_the_outer_candidates_above_4096_reps()
    {
        // Even positions can take nothing today; the odd ones have room. Every route proposes a full rep first (turn 0).
        static Roster Roster() => new([.. Enumerable.Range(0, 5_000).Select(p => new Rep($"rep-{p}") { MaxLeadsPerDay = p % 2 == 0 ? 0 : 1_000_000 })]);
        var pipeline = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build();

        AssertNestedRoutesChangeNothing(Roster, pipeline, lead: i => new Lead($"lead-{i}"), excluded: i => Ids("rep-", 1 + (2 * (i % 50)), step: 2));
    }

    [Fact]
    public void A_route_nested_through_the_clock_keeps_the_outer_exclusions_when_they_are_many()
    {
        // The DE reps can take nothing today, so every DE lead goes to the team fallback after the clock was read.
        static Roster Roster() => new(
            [.. Enumerable.Range(0, 10).Select(p => new Rep($"de-{p}") { MaxLeadsPerDay = 0, Territories = [Territory.ForCountry("DE")] }),
             .. Enumerable.Range(0, 100).Select(p => new Rep($"t-{p}") { MaxLeadsPerDay = 1_000_000 })],
            [new Team("triage", [.. Enumerable.Range(0, 100).Select(p => $"t-{p}")])]);
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("triage")).Build();

        AssertNestedRoutesChangeNothing(Roster, pipeline, lead: i => new Lead($"lead-{i}") { Country = "DE" }, excluded: i => Ids("t-", i % 60, step: 1));
    }

    [Fact]
    public void Routes_over_a_large_roster_with_long_exclusion_lists_allocate_nothing()
    {
        using var engine = new RoutingEngine(
            new Roster([.. Enumerable.Range(0, 5_000).Select(p => new Rep($"rep-{p}") { MaxLeadsPerDay = 1_000_000 })]),
            new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build(),
            new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });
        var excluded = Ids("rep-", 3, step: 1);
        var lead = new Lead("l");
        for (var i = 0; i < 100; i++)
        {
            engine.Route(lead, excluded);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            engine.Route(lead, excluded);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Routes 300 leads on an engine whose clock routes on another engine, and on a twin whose clock does not: same decisions, none to an excluded rep.</summary>
    private static void AssertNestedRoutesChangeNothing(Func<Roster> roster, RoutingPipeline pipeline, Func<int, Lead> lead, Func<int, string[]> excluded)
    {
        using var inner = new RoutingEngine(roster(), pipeline, new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });
        var nested = 0;
        using var outer = new RoutingEngine(roster(), pipeline, new RoutingEngineOptions
        {
            TimeProvider = new RoutingClock(() =>
            {
                // Other exclusions than the outer route's, so other candidates and other excluded positions.
                inner.Route(lead(1_000 + nested), excluded(nested + 25));
                nested++;
            }),
        });
        using var twin = new RoutingEngine(roster(), pipeline, new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });

        for (var i = 0; i < 300; i++)
        {
            var ex = excluded(i);
            var expected = twin.Route(lead(i), ex);
            var actual = outer.Route(lead(i), ex);

            Assert.True(actual.RepId is null || !ex.Contains(actual.RepId), $"lead {i} went to {actual.RepId}, whom it excluded");
            Assert.True(expected == actual, $"lead {i}: {actual}, but an engine whose clock does not route decided {expected}");
        }

        Assert.True(nested >= 300, $"the clock routed only {nested} times: the test did not nest routes");
    }

    private static string[] Ids(string prefix, int first, int step) => [.. Enumerable.Range(0, Excluded).Select(k => $"{prefix}{first + (k * step)}")];
}
