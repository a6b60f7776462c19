using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Capacity;

public class CapacityFilterTests
{
    private static readonly RoutingPipeline CapacityThenRoundRobin =
        new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build();

    [Fact]
    public void A_rep_at_their_open_lead_cap_is_passed_over()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")]), CapacityThenRoundRobin);

        var picks = Enumerable.Range(0, 4).Select(_ => engine.Route(new Lead("l")).RepId);

        Assert.Equal(["a", "b", "b", "b"], picks);
    }

    [Fact]
    public void Releasing_a_lead_frees_the_slot()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }]), CapacityThenRoundRobin);
        Assert.True(engine.Route(new Lead("l1")).IsAssigned);
        Assert.False(engine.Route(new Lead("l2")).IsAssigned);

        Assert.True(engine.Release("a"));

        Assert.Equal("a", engine.Route(new Lead("l3")).RepId);
    }

    [Fact]
    public void A_rep_with_an_open_lead_cap_of_zero_receives_nothing()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 0 }, new Rep("b")]), CapacityThenRoundRobin);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal("b", engine.Route(new Lead("l")).RepId));
    }

    [Fact]
    public void When_everyone_is_full_the_lead_is_unassigned_with_AllAtCapacity()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b") { MaxOpenLeads = 2 }]), CapacityThenRoundRobin);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(engine.Route(new Lead("l")).IsAssigned);
        }

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.AllAtCapacity, decision.Reason);
        Assert.Equal("Capacity", decision.StepName);
    }

    [Fact]
    public void The_daily_cap_resets_at_midnight_in_the_configured_time_zone_not_at_UTC_midnight()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)); // 10:00 in Berlin (CET, UTC+1)
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxLeadsPerDay = 2 }]),
            CapacityThenRoundRobin,
            new RoutingEngineOptions { TimeProvider = clock, DayBoundaryTimeZone = berlin });
        RouteAndRelease(engine, 2);
        Assert.Equal(RoutingReason.AllAtCapacity, engine.Route(new Lead("l")).Reason);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 22, 59, 59, TimeSpan.Zero)); // 23:59:59 in Berlin
        Assert.Equal(RoutingReason.AllAtCapacity, engine.Route(new Lead("l")).Reason);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 23, 0, 0, TimeSpan.Zero)); // midnight in Berlin, 23:00 UTC
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);
        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(1, status.LeadsToday);
    }

    [Fact]
    public void The_daily_cap_counts_leads_received_even_when_they_were_released()
    {
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxLeadsPerDay = 3 }, new Rep("b")]),
            CapacityThenRoundRobin,
            new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });

        var picks = Enumerable.Range(0, 8).Select(_ =>
        {
            var d = engine.Route(new Lead("l"));
            engine.Release(d.RepId!);
            return d.RepId;
        }).ToArray();

        Assert.Equal(3, picks.Count(id => id == "a"));
        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(3, status.LeadsToday);
        Assert.Equal(0, status.OpenLeads);
    }

    [Fact]
    public void The_daily_cap_follows_the_time_zone_across_a_daylight_saving_change()
    {
        // Berlin leaves summer time on 2026-10-25: midnight that night is 22:00 UTC, the next night 23:00 UTC.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxLeadsPerDay = 1 }]),
            CapacityThenRoundRobin,
            new RoutingEngineOptions { TimeProvider = clock, DayBoundaryTimeZone = berlin });
        RouteAndRelease(engine, 1);

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero)); // 00:00 CEST on the 25th
        RouteAndRelease(engine, 1);
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 22, 30, 0, TimeSpan.Zero)); // 23:30 CET, still the 25th
        Assert.Equal(RoutingReason.AllAtCapacity, engine.Route(new Lead("l")).Reason);
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero)); // 00:00 CET on the 26th

        Assert.True(engine.Route(new Lead("l")).IsAssigned);
    }

    [Fact]
    public void PreferLeastLoaded_gives_the_lead_to_the_rep_with_the_fewest_open_leads()
    {
        var pipeline = new RoutingPipelineBuilder().AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = true }).AddRoundRobin().Build();
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), pipeline);
        Route(engine, 3); // a, b, c: one open each
        Assert.True(engine.Release("b"));

        Assert.Equal("b", engine.Route(new Lead("l")).RepId);
        Assert.True(engine.Release("c"));
        Assert.True(engine.Release("a"));

        // a and c now hold 0 and b holds 1: a and c each take one to catch up; then all hold 1 and the rotation
        // resumes with b, whose turn is the oldest.
        Assert.Equal(["a", "c", "b", "a", "c"], Route(engine, 5));
    }

    [Fact]
    public void Without_PreferLeastLoaded_the_rotation_ignores_how_many_leads_a_rep_holds()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), CapacityThenRoundRobin);
        Route(engine, 2);
        engine.Release("b");

        Assert.Equal(["a", "b"], Route(engine, 2));
    }

    [Fact]
    public void Caps_hold_even_without_a_capacity_step()
    {
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b") { MaxOpenLeads = 2 }, new Rep("c") { MaxLeadsPerDay = 1 }]),
            new RoutingPipelineBuilder().AddRoundRobin().Build(),
            new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });

        var decisions = Enumerable.Range(0, 10).Select(_ => engine.Route(new Lead("l"))).ToArray();

        Assert.Equal(4, decisions.Count(d => d.IsAssigned));
        Assert.Equal(1, decisions.Count(d => d.RepId == "a"));
        Assert.Equal(2, decisions.Count(d => d.RepId == "b"));
        Assert.Equal(1, decisions.Count(d => d.RepId == "c"));
        Assert.Equal(RoutingReason.AllAtCapacity, decisions[^1].Reason);
        Assert.Equal("RoundRobin", decisions[^1].StepName);
    }

    [Fact]
    public void Caps_hold_for_the_weighted_selector_without_a_capacity_step()
    {
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { Weight = 9, MaxOpenLeads = 2 }, new Rep("b")]),
            new RoutingPipelineBuilder().AddWeighted().Build());

        var picks = Route(engine, 10);

        Assert.Equal(2, picks.Count(id => id == "a"));
        Assert.Equal(8, picks.Count(id => id == "b"));
    }

    private static string[] Route(RoutingEngine engine, int count)
    {
        var picks = new string[count];
        for (var i = 0; i < count; i++)
        {
            picks[i] = engine.Route(new Lead($"l{i}")).RepId ?? "(unassigned)";
        }

        return picks;
    }

    private static void RouteAndRelease(RoutingEngine engine, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var decision = engine.Route(new Lead($"l{i}"));
            Assert.True(decision.IsAssigned, decision.ToString());
            Assert.True(engine.Release(decision.RepId!));
        }
    }
}
