using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Weighted;

/// <summary>
/// Issue 13, item 7: the first route of a weighted group must not wait on a build that grows with Σw × reps. Measured
/// as bytes allocated by that route (never time): a whole period of 5,000 reps weighing 1-1,000 is ~2.5 million slots.
/// </summary>
public class WeightedFirstRouteTests
{
    /// <summary>Far below a materialised period of this group (tens of MB), well above what the group's setup needs.</summary>
    private const long Bound = 2 << 20;

    private const int Reps = 5_000;

    [Fact]
    public void The_first_route_of_a_group_of_5000_reps_weighing_1_to_1000_allocates_a_bounded_amount()
    {
        WarmUpTheRoutePath();
        using var engine = new RoutingEngine(Roster(), new RoutingPipelineBuilder().AddWeighted().Build());

        var allocated = AllocatedBy(() => Assert.True(engine.Route(new Lead("first")).IsAssigned));

        Assert.True(allocated < Bound, $"the first route allocated {allocated:N0} bytes (bound {Bound:N0})");
    }

    [Fact]
    public void The_first_route_after_a_reload_of_the_same_group_allocates_a_bounded_amount()
    {
        WarmUpTheRoutePath();
        using var engine = new RoutingEngine(Roster(), new RoutingPipelineBuilder().AddWeighted().Build());
        for (var i = 0; i < 100; i++)
        {
            engine.Route(new Lead("l" + i));
        }

        engine.ReplaceRoster(Roster());
        var allocated = AllocatedBy(() => Assert.True(engine.Route(new Lead("after")).IsAssigned));

        Assert.True(allocated < Bound, $"the first route after the reload allocated {allocated:N0} bytes (bound {Bound:N0})");
    }

    [Fact]
    public void The_first_route_after_a_reload_that_changes_the_weights_allocates_a_bounded_amount()
    {
        WarmUpTheRoutePath();
        using var engine = new RoutingEngine(Roster(), new RoutingPipelineBuilder().AddWeighted().Build());
        engine.Route(new Lead("before"));

        engine.ReplaceRoster(Roster(shift: 1));
        var allocated = AllocatedBy(() => Assert.True(engine.Route(new Lead("after")).IsAssigned));

        Assert.True(allocated < Bound, $"the first route after the reload allocated {allocated:N0} bytes (bound {Bound:N0})");
    }

    /// <summary>Weights 1-1,000 spread over the reps, deterministic; <paramref name="shift"/> gives another set.</summary>
    private static Roster Roster(int shift = 0)
    {
        var reps = new Rep[Reps];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new Rep(Build.RepId(i)) { Weight = 1 + ((i + shift) * 7_919 % 1_000) };
        }

        return new Roster(reps);
    }

    /// <summary>JIT and the engine's one-off statics on a small group, so the measured route only pays for its group.</summary>
    private static void WarmUpTheRoutePath()
    {
        using var small = new RoutingEngine(new Roster([new Rep("a") { Weight = 2 }, new Rep("b")]), new RoutingPipelineBuilder().AddWeighted().Build());
        small.Route(new Lead("warm"));
        small.ReplaceRoster(new Roster([new Rep("a") { Weight = 2 }, new Rep("b")]));
        small.Route(new Lead("warm"));
    }

    private static long AllocatedBy(Action route)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        route();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
