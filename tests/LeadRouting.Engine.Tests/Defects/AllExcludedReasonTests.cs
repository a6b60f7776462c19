namespace LeadRouting.Engine.Tests.Defects;

/// <summary>When exclusions leave nobody, the decision says so (issue 13, item 8).</summary>
public class AllExcludedReasonTests
{
    [Fact]
    public void Excluding_every_rep_of_the_roster_gives_AllExcluded()
    {
        using var engine = new RoutingEngine(new Roster([new Rep("A"), new Rep("B")]), new RoutingPipelineBuilder().AddRoundRobin().Build());

        var decision = engine.Route(new Lead("l"), ["A", "B"]);

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.AllExcluded, decision.Reason);
    }

    [Fact]
    public void Excluding_every_rep_a_territory_step_would_keep_gives_AllExcluded()
    {
        var roster = new Roster([new Rep("A") { Territories = [Territory.ForCountry("DE")] }, new Rep("B") { Territories = [Territory.ForCountry("DE")] }, new Rep("F") { Territories = [Territory.ForCountry("FR")] }]);
        using var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build());

        var decision = engine.Route(new Lead("l") { Country = "DE" }, ["A", "B"]);

        Assert.Equal(RoutingReason.AllExcluded, decision.Reason);
        Assert.Equal(RoutingReason.NoTerritoryMatch, engine.Route(new Lead("m") { Country = "IT" }, ["A", "B"]).Reason);
    }

    [Fact]
    public void Excluding_every_rep_of_a_weighted_selection_gives_AllExcluded()
    {
        var roster = new Roster([new Rep("A"), new Rep("B"), new Rep("C") { Weight = 0 }]);
        using var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddCapacity().AddWeighted().Build());

        Assert.Equal(RoutingReason.AllExcluded, engine.Route(new Lead("l"), ["A", "B", "C"]).Reason);
    }

    [Fact]
    public void An_inactive_roster_with_exclusions_still_says_NoActiveRep()
    {
        using var engine = new RoutingEngine(new Roster([new Rep("A") { IsActive = false }, new Rep("B") { IsActive = false }]), new RoutingPipelineBuilder().AddRoundRobin().Build());

        Assert.Equal(RoutingReason.NoActiveRep, engine.Route(new Lead("l"), ["B"]).Reason);
    }

    [Fact]
    public void Exclusions_that_leave_only_full_reps_keep_the_capacity_reason()
    {
        // B is full; A, who has room, is excluded: the lead waits for B's capacity, so the reason says so.
        using var engine = new RoutingEngine(new Roster([new Rep("A") { MaxOpenLeads = 1 }, new Rep("B") { MaxOpenLeads = 1 }]), new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build());
        Assert.Equal("A", engine.Route(new Lead("1")).RepId);
        Assert.Equal("B", engine.Route(new Lead("2")).RepId);
        Assert.True(engine.Release("A"));

        Assert.Equal(RoutingReason.AllAtCapacity, engine.Route(new Lead("3"), ["A"]).Reason);
    }
}
