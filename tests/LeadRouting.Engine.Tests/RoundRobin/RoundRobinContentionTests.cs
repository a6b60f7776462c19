using System.Collections.Concurrent;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.RoundRobin;

/// <summary>
/// Under contention the rotation scan may see a turn change between reading the oldest turn and finding who holds it:
/// the route must still assign while every rep is free (issue 13, item 1).
/// </summary>
public class RoundRobinContentionTests
{
    private const int Threads = 8;
    private const int RoutesPerThread = 50_000;

    [Fact]
    public void Concurrent_routes_over_free_reps_are_never_left_unassigned()
    {
        // 64 reps fill one word, so each scan takes the vector path.
        var roster = new Roster([.. Enumerable.Range(0, 64).Select(i => new Rep($"r{i}"))]);
        using var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddRoundRobin().Build());

        AssertEveryRouteAssigned(engine);
    }

    [Fact]
    public void Concurrent_routes_falling_back_to_a_team_of_free_reps_are_never_left_unassigned()
    {
        // Nobody covers the lead's territory, so every route is decided by the team fallback's rotation.
        var reps = Enumerable.Range(0, 64).Select(i => new Rep($"r{i}")).ToArray();
        var roster = new Roster(reps, [new Team("all", [.. reps.Select(r => r.Id)])]);
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("all")).Build();
        using var engine = new RoutingEngine(roster, pipeline);

        AssertEveryRouteAssigned(engine);
    }

    private static void AssertEveryRouteAssigned(RoutingEngine engine)
    {
        var lead = new Lead("lead") { Country = "DE" };
        var unassigned = new ConcurrentBag<RoutingDecision>();
        Concurrently.Run(Threads, _ =>
        {
            for (var i = 0; i < RoutesPerThread; i++)
            {
                var decision = engine.Route(lead);
                if (!decision.IsAssigned)
                {
                    unassigned.Add(decision);
                }
            }
        });

        Assert.True(unassigned.IsEmpty, $"{unassigned.Count} of {Threads * RoutesPerThread} routes unassigned while every rep was free, e.g. {unassigned.FirstOrDefault()}");
    }
}
