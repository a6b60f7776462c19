using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Explain;

public class PreviewTests
{
    [Fact]
    public void Preview_names_the_rep_the_next_route_takes_and_changes_no_counter()
    {
        var roster = new Roster([new Rep("a") { Weight = 5, MaxOpenLeads = 3 }, new Rep("b") { Weight = 1 }, new Rep("c") { Weight = 1, MaxLeadsPerDay = 2 }]);
        foreach (var pipeline in new[] { new RoutingPipelineBuilder().AddCapacity().AddWeighted().Build(), new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build() })
        {
            var engine = new RoutingEngine(roster, pipeline, new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });
            for (var i = 0; i < 12; i++)
            {
                var lead = new Lead($"l{i}");
                var statusBefore = Statuses(engine);
                var preview1 = engine.Preview(lead);
                var preview2 = engine.Preview(lead);
                Assert.Equal(statusBefore, Statuses(engine));

                var routed = engine.Route(lead);

                Assert.Equal(preview1, preview2);
                Assert.Equal(preview1, routed);
                if (i % 3 == 2 && routed.IsAssigned)
                {
                    engine.Release(routed.RepId);
                }
            }
        }
    }

    [Fact]
    public void Any_number_of_previews_leave_every_counter_and_the_rotation_as_they_were()
    {
        var roster = new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b"), new Rep("c")]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddRoundRobin().Build());
        engine.Route(new Lead("first"));
        var before = Statuses(engine);

        for (var i = 0; i < 100; i++)
        {
            engine.Preview(new Lead($"p{i}"));
        }

        Assert.Equal(before, Statuses(engine));
        Assert.Equal("b", engine.Route(new Lead("second")).RepId);
    }

    private static List<RepStatus> Statuses(RoutingEngine engine) =>
        [.. engine.Roster.Reps.Select(r => engine.TryGetStatus(r.Id, out var s) ? s : default).OrderBy(s => s.RepId)];
}
