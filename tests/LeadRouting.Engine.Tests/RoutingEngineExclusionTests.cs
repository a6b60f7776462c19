using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

[Collection(TelemetrySensitiveTests.Name)]
public class RoutingEngineExclusionTests
{
    private static readonly RoutingPipeline RoundRobin = new RoutingPipelineBuilder().AddRoundRobin().Build();

    [Fact]
    public void Excluded_reps_are_skipped_and_the_rest_keep_their_rotation()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);

        Assert.Equal("b", engine.Route(new Lead("1"), ["a"]).RepId);
        Assert.Equal("c", engine.Route(new Lead("2"), ["a", "b"]).RepId);
        Assert.Equal("a", engine.Route(new Lead("3")).RepId);
    }

    [Fact]
    public void Excluding_everyone_leaves_the_lead_unassigned_and_unknown_ids_are_ignored()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), RoundRobin);

        var decision = engine.Route(new Lead("1"), ["a", "b", "ghost"]);

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.AllExcluded, decision.Reason);
        Assert.Equal("a", engine.Route(new Lead("2"), ["ghost"]).RepId);
    }

    [Fact]
    public void A_fallback_never_gives_the_lead_to_an_excluded_rep()
    {
        var roster = new Roster(
            [new Rep("de") { Territories = [Territory.ForCountry("DE")] }, new Rep("t1"), new Rep("t2")],
            [new Team("triage", ["t1", "t2"])]);
        var toTeam = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("triage")).Build());
        var toRep = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToRep("t1")).Build());

        var team = toTeam.Route(new Lead("fr") { Country = "FR" }, ["t1"]);
        var rep = toRep.Route(new Lead("fr") { Country = "FR" }, ["t1"]);

        Assert.Equal("t2", team.RepId);
        Assert.True(team.UsedFallback);
        Assert.Equal(RoutingOutcome.Unassigned, rep.Outcome);
        Assert.True(rep.UsedFallback);
    }

    [Fact]
    public void Excluding_reps_allocates_nothing()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);
        var lead = new Lead("l");
        string[] excluded = ["a", "b"];
        for (var i = 0; i < 1000; i++)
        {
            engine.Route(lead, excluded);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            engine.Route(lead, excluded);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_rep_is_routable_only_when_both_active_and_available()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), RoundRobin);

        Assert.True(engine.SetAvailable("a", false));
        Assert.Equal("b", engine.Route(new Lead("1")).RepId);
        Assert.True(engine.SetActive("a", true));
        Assert.Equal("b", engine.Route(new Lead("2")).RepId);
        Assert.True(engine.SetAvailable("a", true));
        Assert.Equal("a", engine.Route(new Lead("3")).RepId);
        Assert.True(engine.SetActive("a", false));
        Assert.Equal("b", engine.Route(new Lead("4")).RepId);
        Assert.False(engine.SetAvailable("ghost", true));
    }
}
