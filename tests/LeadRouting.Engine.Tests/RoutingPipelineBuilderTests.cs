namespace LeadRouting.Engine.Tests;

public class RoutingPipelineBuilderTests
{
    private static readonly Roster TwoTeams = new(
        [new Rep("a"), new Rep("b")],
        [new Team("smb", ["a"]), new Team("enterprise", ["b"])]);

    [Fact]
    public void A_pipeline_of_filters_ending_in_a_selector_builds_and_lists_its_steps_in_order()
    {
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted().Build();

        Assert.Equal(["Territory", "Capacity", "Weighted"], pipeline.StepNames);
        Assert.Equal("Territory -> Capacity -> Weighted", pipeline.ToString());
    }

    [Fact]
    public void An_empty_pipeline_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new RoutingPipelineBuilder().Build());

        Assert.Contains("no steps", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_that_does_not_end_in_a_selector_is_refused_naming_its_last_step()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new RoutingPipelineBuilder().AddTerritory().AddCapacity().Build());

        Assert.Contains("'Capacity'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selector_before_the_last_step_is_refused_naming_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new RoutingPipelineBuilder().AddRoundRobin().AddWeighted().Build());

        Assert.Contains("'RoundRobin'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_steps_with_the_same_name_are_refused_naming_the_name()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => new RoutingPipelineBuilder().AddCapacity().AddCapacity().AddRoundRobin().Build());

        Assert.Contains("'Capacity'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_steps_of_the_same_kind_are_fine_when_they_have_different_names()
    {
        var pipeline = new RoutingPipelineBuilder()
            .AddCapacity()
            .AddCapacity(new CapacityStrategyOptions { Name = "LeastLoaded", PreferLeastLoaded = true })
            .AddRoundRobin()
            .Build();

        Assert.Equal(["Capacity", "LeastLoaded", "RoundRobin"], pipeline.StepNames);
    }

    public static TheoryData<string, Action<RoutingPipelineBuilder, string>> StepsWithAName => new()
    {
        { "RoundRobinStrategyOptions.Name", (b, n) => b.AddRoundRobin(new RoundRobinStrategyOptions { Name = n }) },
        { "WeightedStrategyOptions.Name", (b, n) => b.AddWeighted(new WeightedStrategyOptions { Name = n }) },
        { "CapacityStrategyOptions.Name", (b, n) => b.AddCapacity(new CapacityStrategyOptions { Name = n }) },
        { "TerritoryStrategyOptions.Name", (b, n) => b.AddTerritory(new TerritoryStrategyOptions { Name = n }) },
        { "TerritoryBranchStrategyOptions.Name", (b, n) => b.AddTerritoryBranch(Branch(n, (Territory.ForCountry("DE"), "smb"))) },
        { "ScoreThresholdStrategyOptions.Name", (b, n) => b.AddScoreThreshold(Bands(n, (0, "smb"))) },
    };

    [Theory]
    [MemberData(nameof(StepsWithAName))]
    public void A_step_with_an_empty_name_is_refused_when_added_naming_the_field(string field, Action<RoutingPipelineBuilder, string> add)
    {
        foreach (var name in new[] { "", "  " })
        {
            var ex = Assert.Throws<ArgumentException>(() => add(new RoutingPipelineBuilder(), name));

            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_can_be_called_only_once()
    {
        var builder = new RoutingPipelineBuilder().AddRoundRobin();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Steps_and_fallbacks_cannot_be_added_after_Build()
    {
        var builder = new RoutingPipelineBuilder().AddRoundRobin();
        var pipeline = builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.AddCapacity());
        Assert.Throws<InvalidOperationException>(() => builder.WithFallback(RoutingFallback.ToRep("a")));
        Assert.Equal(["RoundRobin"], pipeline.StepNames);
    }

    [Fact]
    public void A_threshold_step_without_bands_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddScoreThreshold(new ScoreThresholdStrategyOptions()));

        Assert.Contains("Bands", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_band_is_refused_naming_its_position()
    {
        var options = Bands("ScoreThreshold", (0, "smb"));
        options.Bands.Add(null!);

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddScoreThreshold(options));

        Assert.Contains("Bands[1]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_band_minimum_that_is_not_a_finite_number_is_refused_naming_the_band(double minimum)
    {
        var options = Bands("ScoreThreshold", (0, "smb"), (minimum, "enterprise"));

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddScoreThreshold(options));

        Assert.Contains("Bands[1].Minimum", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(49.9)]
    public void Bands_that_are_not_strictly_ascending_are_refused_naming_the_band_out_of_order(double second)
    {
        var options = Bands("ScoreThreshold", (0, "smb"), (50, "enterprise"), (second, "smb"));

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddScoreThreshold(options));

        Assert.Contains("Bands[2].Minimum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measure_outside_the_enum_is_refused()
    {
        var options = Bands("ScoreThreshold", (0, "smb"));
        options.Measure = (LeadMeasure)42;

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddScoreThreshold(options));

        Assert.Contains("Measure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Band_settings_changed_after_the_step_is_added_do_not_change_the_pipeline()
    {
        var options = Bands("ScoreThreshold", (0, "smb"));
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build();
        options.Bands.Add(new ScoreBand(50, RoutingTarget.Team("enterprise")));

        var engine = new RoutingEngine(TwoTeams, pipeline);

        Assert.Equal("a", engine.Route(new Lead("hot") { Score = 90 }).RepId);
    }

    [Fact]
    public void A_territory_branch_without_routes_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddTerritoryBranch(new TerritoryBranchStrategyOptions()));

        Assert.Contains("Routes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_territory_routed_twice_is_refused_naming_both_routes_even_when_written_differently()
    {
        var options = Branch("TerritoryBranch", (Territory.ForCountry("DE"), "smb"), (Territory.ForCountry("FR"), "smb"), (Territory.Parse("de"), "enterprise"));

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddTerritoryBranch(options));

        Assert.Contains("Routes[2]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Routes[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'DE'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_territory_route_is_refused_naming_its_position()
    {
        var options = Branch("TerritoryBranch", (Territory.ForCountry("DE"), "smb"));
        options.Routes.Add(null!);

        var ex = Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddTerritoryBranch(options));

        Assert.Contains("Routes[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_a_band_targeting_a_team_the_roster_lacks_giving_the_path()
    {
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(Bands("Tier", (0, "smb"), (50, "ghosts"))).AddRoundRobin().Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Tier.Bands[1].Target.Team", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'ghosts'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_a_below_lowest_target_naming_a_team_the_roster_lacks_giving_the_path()
    {
        var options = Bands("Tier", (50, "enterprise"));
        options.BelowLowest = RoutingTarget.Team("nurture");
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Tier.BelowLowest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'nurture'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_a_territory_route_targeting_a_team_the_roster_lacks_giving_the_path()
    {
        var options = Branch("Regions", (Territory.ForCountry("DE"), "smb"), (Territory.ForCountry("FR"), "ghosts"));
        var pipeline = new RoutingPipelineBuilder().AddTerritoryBranch(options).AddRoundRobin().Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Regions.Routes[1].Target.Team", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'ghosts'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_a_fallback_team_the_roster_lacks_giving_the_path()
    {
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("overflow")).Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Fallback.Team", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'overflow'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_a_fallback_rep_the_roster_lacks_giving_the_path()
    {
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToRep("manager")).Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Fallback.Rep", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'manager'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_refuses_an_unknown_team_inside_a_nested_pipeline_giving_the_full_path()
    {
        var nested = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("ghosts")).Build();
        var options = Bands("Tier", (0, "smb"));
        options.Bands.Add(new ScoreBand(50, RoutingTarget.To(nested)));
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build();

        var ex = Assert.Throws<ArgumentException>(() => new RoutingEngine(TwoTeams, pipeline));

        Assert.Contains("pipeline.Tier.Bands[1].Target.Pipeline.Fallback.Team", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_and_fallbacks_refuse_an_empty_id_at_once()
    {
        Assert.Throws<ArgumentException>(() => RoutingTarget.Team(" "));
        Assert.Throws<ArgumentException>(() => RoutingFallback.ToTeam(""));
        Assert.Throws<ArgumentException>(() => RoutingFallback.ToRep(""));
    }

    private static ScoreThresholdStrategyOptions Bands(string name, params (double Minimum, string Team)[] bands)
    {
        var options = new ScoreThresholdStrategyOptions { Name = name };
        foreach (var (minimum, team) in bands)
        {
            options.Bands.Add(new ScoreBand(minimum, RoutingTarget.Team(team)));
        }

        return options;
    }

    private static TerritoryBranchStrategyOptions Branch(string name, params (Territory Territory, string Team)[] routes)
    {
        var options = new TerritoryBranchStrategyOptions { Name = name };
        foreach (var (territory, team) in routes)
        {
            options.Routes.Add(new TerritoryRoute(territory, RoutingTarget.Team(team)));
        }

        return options;
    }
}
