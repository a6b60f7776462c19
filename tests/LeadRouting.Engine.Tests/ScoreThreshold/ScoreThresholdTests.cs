namespace LeadRouting.Engine.Tests.ScoreThreshold;

public class ScoreThresholdTests
{
    private static readonly Roster Roster = new(
        [new Rep("smb1"), new Rep("smb2"), new Rep("ent1"), new Rep("ent2"), new Rep("nurture1")],
        [new Team("smb", ["smb1", "smb2"]), new Team("enterprise", ["ent1", "ent2"]), new Team("nurture", ["nurture1"])]);

    [Theory]
    [InlineData(40, "smb")]
    [InlineData(55.5, "smb")]
    [InlineData(70, "enterprise")]
    [InlineData(100, "enterprise")]
    [InlineData(double.PositiveInfinity, "enterprise")]
    public void A_lead_goes_to_the_team_of_the_band_its_score_falls_in(double score, string team)
    {
        var engine = Engine(Tiers(40, 70));

        var decision = engine.Route(new Lead("l") { Score = score });

        Assert.Equal(team, decision.TeamId);
        Assert.StartsWith(team == "smb" ? "smb" : "ent", decision.RepId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_equal_to_a_band_minimum_belongs_to_that_band_and_one_just_below_to_the_band_beneath()
    {
        var engine = Engine(Tiers(40, 70));

        Assert.Equal("enterprise", engine.Route(new Lead("l") { Score = 70 }).TeamId);
        Assert.Equal("smb", engine.Route(new Lead("l") { Score = Math.BitDecrement(70.0) }).TeamId);
        Assert.Equal("smb", engine.Route(new Lead("l") { Score = 40 }).TeamId);
    }

    [Fact]
    public void A_score_below_the_lowest_band_is_disqualified_with_BelowThreshold()
    {
        var engine = Engine(Tiers(40, 70));

        var decision = engine.Route(new Lead("l") { Score = Math.BitDecrement(40.0) });

        Assert.Equal(RoutingOutcome.Disqualified, decision.Outcome);
        Assert.Equal(RoutingReason.BelowThreshold, decision.Reason);
        Assert.Equal("Tier", decision.StepName);
        Assert.Null(decision.RepId);
        Assert.False(decision.UsedFallback);
    }

    [Fact]
    public void A_disqualified_lead_does_not_go_to_the_fallback()
    {
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(Tiers(40, 70)).AddRoundRobin().WithFallback(RoutingFallback.ToRep("nurture1")).Build();
        var engine = new RoutingEngine(Roster, pipeline);

        var decision = engine.Route(new Lead("l") { Score = 10 });

        Assert.Equal(RoutingOutcome.Disqualified, decision.Outcome);
        Assert.False(engine.TryGetStatus("nurture1", out var status) && status.OpenLeads > 0);
    }

    [Fact]
    public void A_score_below_the_lowest_band_goes_to_the_BelowLowest_team_when_one_is_set()
    {
        var options = Tiers(40, 70);
        options.BelowLowest = RoutingTarget.Team("nurture");
        var engine = Engine(options);

        var decision = engine.Route(new Lead("l") { Score = 5 });

        Assert.Equal(RoutingOutcome.Assigned, decision.Outcome);
        Assert.Equal("nurture1", decision.RepId);
        Assert.Equal("nurture", decision.TeamId);
        Assert.Equal(RoutingReason.Selected, decision.Reason);
    }

    [Fact]
    public void A_lead_not_scored_is_unassigned_with_MissingMeasure()
    {
        var options = Tiers(40, 70);
        options.BelowLowest = RoutingTarget.Team("nurture");
        var engine = Engine(options);

        var decision = engine.Route(new Lead("l") { Score = double.NaN });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.MissingMeasure, decision.Reason);
        Assert.Equal("Tier", decision.StepName);
    }

    [Theory]
    [InlineData(LeadMeasure.Score)]
    [InlineData(LeadMeasure.DealValue)]
    [InlineData(LeadMeasure.CompanySize)]
    public void A_lead_without_the_measured_value_is_unassigned_with_MissingMeasure_not_treated_as_zero(LeadMeasure measure)
    {
        var options = new ScoreThresholdStrategyOptions { Measure = measure, BelowLowest = RoutingTarget.Team("nurture") };
        options.Bands.Add(new ScoreBand(10, RoutingTarget.Team("smb")));
        var engine = Engine(options);

        var unknown = engine.Route(new Lead("unknown"));
        var zero = engine.Route(new Lead("zero") { Score = 0, DealValue = 0m, CompanySize = 0 });

        Assert.Equal(RoutingOutcome.Unassigned, unknown.Outcome);
        Assert.Equal(RoutingReason.MissingMeasure, unknown.Reason);
        Assert.Equal("nurture", zero.TeamId);
    }

    [Fact]
    public void A_lead_not_scored_goes_to_the_fallback_when_one_is_set()
    {
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(Tiers(40, 70)).AddRoundRobin().WithFallback(RoutingFallback.ToTeam("nurture")).Build();
        var engine = new RoutingEngine(Roster, pipeline);

        var decision = engine.Route(new Lead("l") { Score = double.NaN });

        Assert.Equal("nurture1", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.MissingMeasure, decision.Reason);
    }

    [Fact]
    public void Leads_in_a_band_rotate_among_its_team_only()
    {
        var engine = Engine(Tiers(40, 70));

        var picks = Enumerable.Range(0, 4).Select(_ => engine.Route(new Lead("l") { Score = 90 }).RepId);

        Assert.Equal(["ent1", "ent2", "ent1", "ent2"], picks);
    }

    [Fact]
    public void Deal_value_splits_self_serve_from_enterprise()
    {
        var options = Tiers(0, 50_000);
        options.Measure = LeadMeasure.DealValue;
        var engine = Engine(options);

        Assert.Equal("smb", engine.Route(new Lead("l") { DealValue = 49_999.99m, Score = 100 }).TeamId);
        Assert.Equal("enterprise", engine.Route(new Lead("l") { DealValue = 50_000m, Score = 0 }).TeamId);
        Assert.Equal(RoutingOutcome.Disqualified, engine.Route(new Lead("l") { DealValue = -1m, Score = 100 }).Outcome);
    }

    [Fact]
    public void Company_size_splits_self_serve_from_enterprise()
    {
        var options = Tiers(1, 1000);
        options.Measure = LeadMeasure.CompanySize;
        var engine = Engine(options);

        Assert.Equal("smb", engine.Route(new Lead("l") { CompanySize = 999, Score = 100 }).TeamId);
        Assert.Equal("enterprise", engine.Route(new Lead("l") { CompanySize = 1000, Score = 0 }).TeamId);
        Assert.Equal("smb", engine.Route(new Lead("l") { CompanySize = 1 }).TeamId);
    }

    [Fact]
    public void A_band_can_hand_the_lead_to_a_nested_pipeline()
    {
        var enterprise = new RoutingPipelineBuilder()
            .AddTerritory()
            .AddRoundRobin(new RoundRobinStrategyOptions { Name = "EnterpriseRotation" })
            .Build();
        var roster = new Roster(
        [
            new Rep("smb1"),
            new Rep("ent-de") { Territories = [Territory.ForCountry("DE")] },
            new Rep("ent-fr") { Territories = [Territory.ForCountry("FR")] },
        ],
        [new Team("smb", ["smb1"])]);
        var options = new ScoreThresholdStrategyOptions { Name = "Tier" };
        options.Bands.Add(new ScoreBand(0, RoutingTarget.Team("smb")));
        options.Bands.Add(new ScoreBand(70, RoutingTarget.To(enterprise)));
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build());

        var hotFrench = engine.Route(new Lead("l") { Score = 80, Country = "FR" });
        var coldFrench = engine.Route(new Lead("l") { Score = 10, Country = "FR" });

        Assert.Equal("ent-fr", hotFrench.RepId);
        Assert.Equal("EnterpriseRotation", hotFrench.StepName);
        Assert.Equal("smb1", coldFrench.RepId);
        Assert.Equal("RoundRobin", coldFrench.StepName);
    }

    [Fact]
    public void A_band_whose_team_is_all_away_leaves_the_lead_unassigned_rather_than_borrowing_another_bands_reps()
    {
        var engine = Engine(Tiers(40, 70));
        engine.SetActive("ent1", false);
        engine.SetActive("ent2", false);

        var decision = engine.Route(new Lead("l") { Score = 90 });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.NoEligibleRep, decision.Reason);
        Assert.Equal("enterprise", decision.TeamId);
    }

    private static ScoreThresholdStrategyOptions Tiers(double smb, double enterprise)
    {
        var options = new ScoreThresholdStrategyOptions { Name = "Tier" };
        options.Bands.Add(new ScoreBand(smb, RoutingTarget.Team("smb")));
        options.Bands.Add(new ScoreBand(enterprise, RoutingTarget.Team("enterprise")));
        return options;
    }

    private static RoutingEngine Engine(ScoreThresholdStrategyOptions options) =>
        new(Roster, new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build());
}
