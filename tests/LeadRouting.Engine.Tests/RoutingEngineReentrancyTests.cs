using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

/// <summary>
/// A route that runs host code in its middle (the clock, read for daily caps) and that code routes on the same thread:
/// the outer route must decide as if nothing happened. Rosters over 256 reps keep their narrowings pending in mask storage
/// the route holds while the clock is read; the nested route must not share it.
/// </summary>
public class RoutingEngineReentrancyTests
{
    private const int Reps = 300;

    [Fact]
    public void A_route_nested_in_a_route_through_the_clock_leaves_the_outer_decisions_unchanged()
    {
        var inner = new RoutingEngine(LargeRoster(maxLeadsPerDay: null), Pipeline(), new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });
        var nestedRoutes = 0;
        var routingClock = new RoutingClock(() =>
        {
            var d = inner.Route(Lead(nestedRoutes++ * 7));
            Assert.True(d.IsAssigned, $"nested route: {d}");
        });
        var outer = new RoutingEngine(LargeRoster(maxLeadsPerDay: 2), Pipeline(), new RoutingEngineOptions { TimeProvider = routingClock });
        var twin = new RoutingEngine(LargeRoster(maxLeadsPerDay: 2), Pipeline(), new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });

        var unassigned = 0;
        for (var i = 0; i < 900; i++)
        {
            var lead = Lead(i);
            var expected = twin.Route(lead);
            var actual = outer.Route(lead);
            Assert.True(expected == actual, $"lead {i}: {actual}, but an engine whose clock does not route decided {expected}");
            unassigned += actual.IsAssigned ? 0 : 1;
        }

        Assert.True(nestedRoutes >= 900, $"the clock routed only {nestedRoutes} times: the test did not nest routes");
        Assert.True(
            unassigned > 0,
            "every lead found room: no route went on after a full rep, so the test did not reach the pending narrowings");
    }

    private static Lead Lead(int i) => new($"lead-{i}") { Score = i % 100, Country = "DE", PostalCode = $"{10 + (i % 30)}{i % 1000:D3}" };

    // Reps in pods of 10 per two-digit area, all in one team: a route narrows to the team (score step) and then to an
    // area's owners, and with daily caps the selection reads the clock while both narrowings are still pending. Caps of
    // two a day fill up, so a route often finds its first proposal full after the clock was read and goes on with the
    // pending narrowings (dropping the full rep applies them).
    private static Roster LargeRoster(int? maxLeadsPerDay) =>
        new(
            [.. Enumerable.Range(0, Reps).Select(p => new Rep($"rep-{p}")
            {
                Weight = 1 + (p % 3),
                MaxLeadsPerDay = maxLeadsPerDay,
                Territories = [Territory.ForPostalPrefix("DE", $"{10 + (p % 30)}")],
            })],
            [new Team("all", [.. Enumerable.Range(0, Reps).Select(p => $"rep-{p}")])]);

    private static RoutingPipeline Pipeline() =>
        new RoutingPipelineBuilder()
            .AddScoreThreshold(new ScoreThresholdStrategyOptions { Bands = { new ScoreBand(50, RoutingTarget.Team("all")) }, BelowLowest = RoutingTarget.Team("all") })
            .AddTerritory()
            .AddCapacity()
            .AddWeighted()
            .Build();
}
