namespace LeadRouting.Engine.Tests;

public class RoutingTargetTests
{
    [Fact]
    public void A_team_with_a_pipeline_narrows_to_the_team_before_the_nested_steps_run()
    {
        var roster = new Roster(
            [new Rep("ent"), new Rep("sdr1"), new Rep("sdr2")],
            [new Team("enterprise", ["ent"]), new Team("nurture", ["sdr1", "sdr2"])]);
        var nurture = new RoutingPipelineBuilder()
            .AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = true })
            .AddRoundRobin()
            .Build();
        var options = new ScoreThresholdStrategyOptions { BelowLowest = RoutingTarget.Team("nurture", nurture) };
        options.Bands.Add(new ScoreBand(50, RoutingTarget.Team("enterprise")));
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build());

        var first = engine.Route(new Lead("a") { Score = 10 });
        var second = engine.Route(new Lead("b") { Score = 10 });
        Assert.True(engine.Release(second.RepId!));
        var third = engine.Route(new Lead("c") { Score = 10 });

        // Rotation alone would give sdr1 (the older turn); the nested least-loaded preference gives sdr2 (0 open vs 1).
        Assert.Equal(new[] { "sdr1", "sdr2", "sdr2" }, new[] { first.RepId, second.RepId, third.RepId });
        Assert.All([first, second, third], d => Assert.Equal("nurture", d.TeamId));
        Assert.Equal("RoundRobin", third.StepName);
        Assert.Equal("ent", engine.Route(new Lead("d") { Score = 90 }).RepId);
    }

    [Fact]
    public void Targets_and_pipelines_describe_themselves()
    {
        var nested = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().WithFallback(RoutingFallback.ToRep("boss")).Build();

        Assert.Equal("Capacity -> RoundRobin (fallback: rep boss)", nested.ToString());
        Assert.Equal("team nurture, then (Capacity -> RoundRobin (fallback: rep boss))", RoutingTarget.Team("nurture", nested).ToString());
        Assert.Equal("team smb", RoutingTarget.Team("smb").ToString());
    }

    [Fact]
    public void An_assigned_decision_has_a_rep_id_the_compiler_knows_is_set()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a")]), new RoutingPipelineBuilder().AddRoundRobin().Build());

        var decision = engine.Route(new Lead("l"));

        Assert.True(decision.IsAssigned);
        Assert.Equal(1, decision.RepId.Length);
    }
}
