namespace LeadRouting.Engine.Tests.Territories;

public class TerritoryBranchTests
{
    private static readonly Roster Roster = new(
        [new Rep("d1"), new Rep("d2"), new Rep("f1"), new Rep("l1"), new Rep("l2") { Weight = 3 }],
        [new Team("dach", ["d1", "d2"]), new Team("france", ["f1"]), new Team("london", ["l1", "l2"])]);

    [Fact]
    public void A_lead_goes_to_its_territorys_team_and_rotates_within_it()
    {
        var engine = new RoutingEngine(Roster, Branch((Territory.ForCountry("DE"), RoutingTarget.Team("dach")), (Territory.ForCountry("FR"), RoutingTarget.Team("france"))));

        var picks = new[] { "DE", "FR", "DE", "DE", "FR" }.Select(c => engine.Route(new Lead("l") { Country = c }));

        Assert.Equal(["d1", "f1", "d2", "d1", "f1"], picks.Select(d => d.RepId));
    }

    [Fact]
    public void The_decision_names_the_territorys_team()
    {
        var engine = new RoutingEngine(Roster, Branch((Territory.ForCountry("DE"), RoutingTarget.Team("dach"))));

        var decision = engine.Route(new Lead("l") { Country = "DE" });

        Assert.Equal("dach", decision.TeamId);
        Assert.Equal("RoundRobin", decision.StepName);
        Assert.Equal(RoutingReason.Selected, decision.Reason);
    }

    [Fact]
    public void The_most_specific_route_wins()
    {
        var engine = new RoutingEngine(Roster, Branch(
            (Territory.ForCountry("GB"), RoutingTarget.Team("france")),
            (Territory.ForPostalPrefix("GB", "SW"), RoutingTarget.Team("london")),
            (Territory.ForPostalPrefix("GB", "S"), RoutingTarget.Team("dach"))));

        Assert.Equal("london", engine.Route(new Lead("l") { Country = "GB", PostalCode = "sw1a 1aa" }).TeamId);
        Assert.Equal("dach", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SE1" }).TeamId);
        Assert.Equal("france", engine.Route(new Lead("l") { Country = "GB", PostalCode = "N1" }).TeamId);
    }

    [Fact]
    public void A_route_can_hand_the_lead_to_a_nested_pipeline()
    {
        var london = new RoutingPipelineBuilder()
            .AddTerritoryBranch(Routes("London", (Territory.ForCountry("GB"), RoutingTarget.Team("london"))))
            .AddWeighted(new WeightedStrategyOptions { Name = "LondonWeighted" })
            .Build();
        var engine = new RoutingEngine(Roster, Branch(
            (Territory.ForCountry("DE"), RoutingTarget.Team("dach")),
            (Territory.ForCountry("GB"), RoutingTarget.To(london))));

        var decisions = Enumerable.Range(0, 4).Select(_ => engine.Route(new Lead("l") { Country = "GB" })).ToArray();

        Assert.All(decisions, d => Assert.Equal("LondonWeighted", d.StepName));
        Assert.All(decisions, d => Assert.Equal("london", d.TeamId));
        Assert.Equal(["l2", "l1", "l2", "l2"], decisions.Select(d => d.RepId));
        Assert.Equal("d1", engine.Route(new Lead("l") { Country = "DE" }).RepId);
    }

    [Fact]
    public void A_lead_no_route_covers_is_unassigned_with_NoTerritoryMatch()
    {
        var engine = new RoutingEngine(Roster, Branch((Territory.ForCountry("DE"), RoutingTarget.Team("dach"))));

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
        Assert.Equal("TerritoryBranch", decision.StepName);
    }

    [Fact]
    public void A_lead_without_a_country_is_unassigned_with_MissingTerritory()
    {
        var engine = new RoutingEngine(Roster, Branch((Territory.ForCountry("DE"), RoutingTarget.Team("dach"))));

        Assert.Equal(RoutingReason.MissingTerritory, engine.Route(new Lead("l")).Reason);
    }

    [Fact]
    public void A_lead_no_route_covers_goes_to_the_fallback_team()
    {
        var pipeline = new RoutingPipelineBuilder()
            .AddTerritoryBranch(Routes("TerritoryBranch", (Territory.ForCountry("DE"), RoutingTarget.Team("dach"))))
            .AddRoundRobin()
            .WithFallback(RoutingFallback.ToTeam("london"))
            .Build();
        var engine = new RoutingEngine(Roster, pipeline);

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal("l1", decision.RepId);
        Assert.Equal("london", decision.TeamId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
    }

    [Fact]
    public void A_territorys_team_with_everyone_away_leaves_the_lead_unassigned_with_NoEligibleRep()
    {
        var engine = new RoutingEngine(Roster, Branch((Territory.ForCountry("FR"), RoutingTarget.Team("france"))));
        engine.SetActive("f1", false);

        var decision = engine.Route(new Lead("l") { Country = "FR" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.NoEligibleRep, decision.Reason);
        Assert.Equal("france", decision.TeamId);
    }

    private static RoutingPipeline Branch(params (Territory Territory, RoutingTarget Target)[] routes) =>
        new RoutingPipelineBuilder().AddTerritoryBranch(Routes("TerritoryBranch", routes)).AddRoundRobin().Build();

    private static TerritoryBranchStrategyOptions Routes(string name, params (Territory Territory, RoutingTarget Target)[] routes)
    {
        var options = new TerritoryBranchStrategyOptions { Name = name };
        foreach (var (territory, target) in routes)
        {
            options.Routes.Add(new TerritoryRoute(territory, target));
        }

        return options;
    }
}
