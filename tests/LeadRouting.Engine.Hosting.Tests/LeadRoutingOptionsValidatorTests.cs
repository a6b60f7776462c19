using System.Text.Json.Nodes;
using LeadRouting.Engine.Hosting.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Tests;

public class LeadRoutingOptionsValidatorTests
{
    private static void AssertOnlyFailure(string expected, JsonObject routing) =>
        Assert.Equal([expected], TestConfig.Failures(routing));

    private static JsonArray Steps(JsonObject routing) => routing["Pipeline"]!["Steps"]!.AsArray();

    /// <summary>A pipeline's steps after a score-threshold step whose bands are given.</summary>
    private static JsonObject WithBands(params JsonObject[] bands)
    {
        var routing = TestConfig.Valid();
        var threshold = TestConfig.Step("ScoreThreshold");
        threshold["Bands"] = new JsonArray(bands);
        Steps(routing).Insert(0, threshold);
        return routing;
    }

    private static JsonObject Band(double minimum, string team = "emea") => new() { ["Minimum"] = minimum, ["Team"] = team };

    [Fact]
    public void The_valid_test_configuration_has_no_failure() => Assert.Empty(TestConfig.Failures(TestConfig.Valid()));

    [Fact]
    public void The_sample_configuration_has_no_failure()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        using var services = TestConfig.Services(configuration);

        Assert.Equal(9, services.GetRequiredService<ILeadRouter>().Roster.Reps.Length);
    }

    [Fact]
    public void A_rep_without_an_id_is_reported_at_its_path()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![1]!.AsObject().Remove("Id");
        routing["Teams"]![0]!["Members"] = new JsonArray("ana", "cy");

        AssertOnlyFailure("LeadRouting:Reps:1:Id: is required: every rep needs a unique Id.", routing);
    }

    [Fact]
    public void A_negative_weight_is_reported()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![2]!["Weight"] = -1;

        AssertOnlyFailure("LeadRouting:Reps:2:Weight: must be between 0 and 10000.", routing);
    }

    [Fact]
    public void Negative_caps_are_reported()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["MaxOpenLeads"] = -3;
        routing["Reps"]![0]!["MaxLeadsPerDay"] = -1;

        Assert.Equal(
            ["LeadRouting:Reps:0:MaxOpenLeads: must not be negative; leave it out for no cap.",
             "LeadRouting:Reps:0:MaxLeadsPerDay: must not be negative; leave it out for no cap."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void A_duplicate_rep_id_names_both_places()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![2]!["Id"] = "ana";
        routing["Teams"]![0]!["Members"] = new JsonArray("ana", "ben");

        AssertOnlyFailure("LeadRouting:Reps:2:Id: duplicate rep id 'ana', already used by LeadRouting:Reps:0.", routing);
    }

    [Fact]
    public void A_malformed_rep_territory_is_reported_with_the_accepted_forms()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["Territories"] = new JsonArray("DE", "Germany");

        AssertOnlyFailure(
            "LeadRouting:Reps:0:Territories:1: 'Germany' is not a territory (Country code 'Germany' must be two letters (ISO 3166-1 alpha-2)); "
            + "write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).",
            routing);
    }

    [Fact]
    public void A_configuration_without_reps_is_reported()
    {
        var routing = TestConfig.Valid();
        routing.Remove("Reps");
        routing.Remove("Teams");
        routing["Pipeline"]!.AsObject().Remove("Fallback");

        AssertOnlyFailure("LeadRouting:Reps: needs at least one rep.", routing);
    }

    [Fact]
    public void A_team_naming_an_unknown_rep_is_reported_at_the_member_path()
    {
        var routing = TestConfig.Valid();
        routing["Teams"]!.AsArray().Add(new JsonObject { ["Id"] = "apac", ["Members"] = new JsonArray("cy") });
        routing["Teams"]!.AsArray().Add(new JsonObject { ["Id"] = "amer", ["Members"] = new JsonArray("zed", "ben") });

        AssertOnlyFailure("LeadRouting:Teams:2:Members:0: names unknown rep 'zed'.", routing);
    }

    [Fact]
    public void A_team_listing_a_rep_twice_is_reported()
    {
        var routing = TestConfig.Valid();
        routing["Teams"]![0]!["Members"] = new JsonArray("ana", "ben", "ana");

        AssertOnlyFailure("LeadRouting:Teams:0:Members:2: lists rep 'ana' twice (also Members:0).", routing);
    }

    [Fact]
    public void Team_ids_must_be_present_and_unique()
    {
        var routing = TestConfig.Valid();
        routing["Teams"]!.AsArray().Add(new JsonObject { ["Id"] = "emea", ["Members"] = new JsonArray("ana") });
        routing["Teams"]!.AsArray().Add(new JsonObject { ["Members"] = new JsonArray("ben") });

        Assert.Equal(
            ["LeadRouting:Teams:1:Id: duplicate team id 'emea', already used by LeadRouting:Teams:0.",
             "LeadRouting:Teams:2:Id: is required: every team needs a unique Id."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void An_unknown_time_zone_is_reported()
    {
        var routing = TestConfig.Valid();
        routing["DayBoundaryTimeZone"] = "Mars/Olympus_Mons";

        AssertOnlyFailure("LeadRouting:DayBoundaryTimeZone: unknown time zone 'Mars/Olympus_Mons'; use an IANA id such as \"Europe/Berlin\" or \"UTC\".", routing);
    }

    [Fact]
    public void An_unknown_strategy_name_lists_the_known_ones()
    {
        var routing = TestConfig.Valid();
        Steps(routing)[2] = TestConfig.Step("Weigthed");

        AssertOnlyFailure(
            "LeadRouting:Pipeline:Steps:2:Strategy: unknown strategy 'Weigthed'; use one of ScoreThreshold, Territory, TerritoryBranch, Capacity, RoundRobin, Weighted.",
            routing);
    }

    [Fact]
    public void Strategy_names_ignore_case()
    {
        var routing = TestConfig.Valid();
        Steps(routing)[2] = TestConfig.Step("roundrobin");

        Assert.Empty(TestConfig.Failures(routing));
    }

    [Fact]
    public void A_step_without_a_strategy_is_reported()
    {
        var routing = TestConfig.Valid();
        Steps(routing)[1] = new JsonObject { ["Name"] = "Caps" };

        AssertOnlyFailure("LeadRouting:Pipeline:Steps:1:Strategy: is required: one of ScoreThreshold, Territory, TerritoryBranch, Capacity, RoundRobin, Weighted.", routing);
    }

    [Fact]
    public void A_pipeline_not_ending_in_a_selector_is_reported_at_its_last_step()
    {
        var routing = TestConfig.Valid();
        Steps(routing).RemoveAt(2);

        AssertOnlyFailure("LeadRouting:Pipeline:Steps:1:Strategy: the last step of a pipeline must be a selector (RoundRobin or Weighted), not Capacity.", routing);
    }

    [Fact]
    public void A_selector_before_the_last_step_is_reported()
    {
        var routing = TestConfig.Valid();
        Steps(routing).Insert(0, TestConfig.Step("Weighted"));

        AssertOnlyFailure("LeadRouting:Pipeline:Steps:0:Strategy: Weighted is a selector, so it must be the last step of its pipeline (step 0 of 4).", routing);
    }

    [Fact]
    public void A_pipeline_without_steps_is_reported()
    {
        var routing = TestConfig.Valid();
        routing["Pipeline"]!.AsObject().Remove("Steps");

        AssertOnlyFailure("LeadRouting:Pipeline:Steps: a pipeline needs at least one step, and its last step must be a selector (RoundRobin or Weighted).", routing);
    }

    [Fact]
    public void Two_steps_with_the_same_name_are_reported()
    {
        var routing = TestConfig.Valid();
        Steps(routing).Insert(2, TestConfig.Step("Capacity"));

        AssertOnlyFailure(
            "LeadRouting:Pipeline:Steps:2:Name: 'Capacity' already names LeadRouting:Pipeline:Steps:1; step names must be unique within a pipeline (set Name on one of them).",
            routing);
    }

    [Fact]
    public void A_setting_of_another_strategy_is_reported_rather_than_ignored()
    {
        var routing = TestConfig.Valid();
        Steps(routing)[2]!["PreferLeastLoaded"] = true;

        AssertOnlyFailure("LeadRouting:Pipeline:Steps:2:PreferLeastLoaded: applies only to Capacity steps, not to RoundRobin.", routing);
    }

    [Fact]
    public void Bands_in_ascending_order_pass() => Assert.Empty(TestConfig.Failures(WithBands(Band(0), Band(40), Band(80))));

    [Fact]
    public void Bands_out_of_order_are_reported()
    {
        AssertOnlyFailure(
            "LeadRouting:Pipeline:Steps:0:Bands:1:Minimum: 40 must be greater than the previous band's Minimum (80): list bands from lowest to highest; "
            + "a band covers [its Minimum, the next band's Minimum), so bands with the same Minimum overlap.",
            WithBands(Band(80), Band(40)));
    }

    [Fact]
    public void Bands_with_the_same_minimum_overlap_and_are_reported()
    {
        var failure = Assert.Single(TestConfig.Failures(WithBands(Band(10), Band(50), Band(50))));

        Assert.StartsWith("LeadRouting:Pipeline:Steps:0:Bands:2:Minimum: 50 must be greater than the previous band's Minimum (50)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_band_needs_a_minimum()
    {
        AssertOnlyFailure(
            "LeadRouting:Pipeline:Steps:0:Bands:0:Minimum: is required: the band's inclusive lower bound.",
            WithBands(new JsonObject { ["Team"] = "emea" }));
    }

    [Fact]
    public void A_band_needs_a_team_or_a_pipeline()
    {
        AssertOnlyFailure("LeadRouting:Pipeline:Steps:0:Bands:0: needs a Team, a Pipeline, or both.", WithBands(new JsonObject { ["Minimum"] = 10 }));
    }

    [Fact]
    public void A_score_threshold_without_bands_is_reported()
    {
        AssertOnlyFailure("LeadRouting:Pipeline:Steps:0:Bands: a ScoreThreshold step needs at least one band.", WithBands());
    }

    [Fact]
    public void An_unknown_measure_is_reported()
    {
        var routing = WithBands(Band(0));
        Steps(routing)[0]!["Measure"] = "Revenue";

        AssertOnlyFailure("LeadRouting:Pipeline:Steps:0:Measure: unknown measure 'Revenue'; use one of Score, DealValue, CompanySize.", routing);
    }

    [Fact]
    public void A_band_naming_an_unknown_team_is_reported()
    {
        AssertOnlyFailure("LeadRouting:Pipeline:Steps:0:Bands:1:Team: names unknown team 'enterprise'.", WithBands(Band(0), Band(50, "enterprise")));
    }

    [Fact]
    public void Errors_inside_a_nested_pipeline_carry_the_full_path()
    {
        var nested = new JsonObject { ["Steps"] = new JsonArray(TestConfig.Step("Capacity")), ["Fallback"] = new JsonObject { ["Rep"] = "zed" } };
        var band = Band(50);
        band["Pipeline"] = nested;

        Assert.Equal(
            ["LeadRouting:Pipeline:Steps:0:Bands:1:Pipeline:Steps:0:Strategy: the last step of a pipeline must be a selector (RoundRobin or Weighted), not Capacity.",
             "LeadRouting:Pipeline:Steps:0:Bands:1:Pipeline:Fallback:Rep: names unknown rep 'zed'."],
            TestConfig.Failures(WithBands(Band(0), band)));
    }

    [Fact]
    public void Territory_branch_routes_must_exist_parse_and_be_distinct()
    {
        var routing = TestConfig.Valid();
        var branch = TestConfig.Step("TerritoryBranch");
        branch["Routes"] = new JsonArray(
            new JsonObject { ["Territory"] = "de", ["Team"] = "emea" },
            new JsonObject { ["Territory"] = "US-", ["Team"] = "emea" },
            new JsonObject { ["Territory"] = "DE", ["Team"] = "emea" });
        Steps(routing).Insert(0, branch);
        var empty = TestConfig.Step("TerritoryBranch");
        empty["Name"] = "Second";
        Steps(routing).Insert(1, empty);

        Assert.Equal(
            ["LeadRouting:Pipeline:Steps:0:Routes:1:Territory: 'US-' is not a territory (Region code '' must have 1 to 8 letters or digits); write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).",
             "LeadRouting:Pipeline:Steps:0:Routes:2:Territory: 'DE' is already routed by LeadRouting:Pipeline:Steps:0:Routes:0.",
             "LeadRouting:Pipeline:Steps:1:Routes: a TerritoryBranch step needs at least one route."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void A_fallback_must_set_exactly_one_known_target()
    {
        var routing = TestConfig.Valid();
        routing["Pipeline"]!["Fallback"] = new JsonObject { ["Team"] = "apac", ["Rep"] = "ana" };

        Assert.Equal(
            ["LeadRouting:Pipeline:Fallback: set exactly one of Team, Rep or Unassigned (found 2).",
             "LeadRouting:Pipeline:Fallback:Team: names unknown team 'apac'."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void A_misspelt_setting_is_reported_with_a_suggestion_instead_of_being_ignored()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![1]!.AsObject().Remove("MaxOpenLeads");
        routing["Reps"]![1]!["MaxOpenLead"] = 5;
        routing["Colour"] = "blue";

        Assert.Equal(
            ["LeadRouting:Colour: unknown setting 'Colour'; known settings here: DayBoundaryTimeZone, Reps, Teams, Pipeline.",
             "LeadRouting:Reps:1:MaxOpenLead: unknown setting 'MaxOpenLead' (did you mean 'MaxOpenLeads'?)."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void A_value_the_binder_cannot_read_is_reported_instead_of_the_item_vanishing()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![2]!["Weight"] = "heavy";
        routing["Reps"]![2]!["IsActive"] = "yes";
        Steps(routing)[1]!["PreferLeastLoaded"] = "sometimes";

        Assert.Equal(
            ["LeadRouting:Pipeline:Steps:1:PreferLeastLoaded: 'sometimes' is not true or false.",
             "LeadRouting:Reps:2:IsActive: 'yes' is not true or false.",
             "LeadRouting:Reps:2:Weight: 'heavy' is not a whole number."],
            TestConfig.Failures(routing).Where(f => f.Contains(" is not ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_error_comes_in_one_exception()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["Weight"] = -2;
        routing["Teams"]![0]!["Members"]![2] = "zed";
        routing["DayBoundaryTimeZone"] = "Nowhere/Town";
        Steps(routing)[2] = TestConfig.Step("Random");

        var failures = TestConfig.Failures(routing);

        Assert.Equal(4, failures.Count);
        Assert.Contains("LeadRouting:Reps:0:Weight: must be between 0 and 10000.", failures);
        Assert.Contains("LeadRouting:Teams:0:Members:2: names unknown rep 'zed'.", failures);
        Assert.Contains(failures, f => f.StartsWith("LeadRouting:DayBoundaryTimeZone: unknown time zone", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LeadRouting:Pipeline:Steps:2:Strategy: unknown strategy 'Random'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_configuration_stops_host_start_up_with_every_error()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["Weight"] = -2;
        routing["Teams"]![0]!["Members"]![2] = "zed";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(TestConfig.Configuration(routing));
        builder.Services.AddLeadRouting();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            ["LeadRouting:Reps:0:Weight: must be between 0 and 10000.", "LeadRouting:Teams:0:Members:2: names unknown rep 'zed'."],
            ex.Failures);
    }

    [Fact]
    public void Options_configured_in_code_are_validated_under_the_default_section_name()
    {
        var services = new ServiceCollection();
        services.AddLeadRouting(o =>
        {
            o.Reps.Add(new RepOptions { Id = "a", Weight = -5 });
            o.Pipeline.Steps.Add(new StepOptions { Strategy = RoutingStrategyNames.RoundRobin });
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILeadRouter>());

        Assert.Equal(["LeadRouting:Reps:0:Weight: must be between 0 and 10000."], ex.Failures);
    }

    [Fact]
    public void A_string_where_the_territory_list_belongs_is_reported_rather_than_read_as_no_territories()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["Territories"] = "DE";

        AssertOnlyFailure("LeadRouting:Reps:0:Territories: 'DE' is a single value; write a list: [ ... ].", routing);
    }

    [Fact]
    public void A_string_where_the_fallback_belongs_is_reported_rather_than_read_as_no_fallback()
    {
        var routing = TestConfig.Valid();
        routing["Pipeline"]!["Fallback"] = "emea";

        AssertOnlyFailure("LeadRouting:Pipeline:Fallback: 'emea' is a single value; write an object: { ... }.", routing);
    }

    [Fact]
    public void A_null_or_empty_object_weight_is_reported_rather_than_read_as_zero()
    {
        foreach (var weight in new JsonNode?[] { null, new JsonObject() })
        {
            var routing = TestConfig.Valid();
            routing["Reps"]![1]!["Weight"] = weight;

            AssertOnlyFailure("LeadRouting:Reps:1:Weight: is null or an empty object; write a whole number, or leave the setting out.", routing);
        }
    }

    [Fact]
    public void A_null_active_flag_is_reported_rather_than_making_the_rep_inactive()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["IsActive"] = null;

        AssertOnlyFailure("LeadRouting:Reps:0:IsActive: is null or an empty object; write true or false, or leave the setting out.", routing);
    }

    [Fact]
    public void An_empty_object_cap_is_reported_rather_than_read_as_no_cap()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![2]!["MaxOpenLeads"] = new JsonObject();

        AssertOnlyFailure("LeadRouting:Reps:2:MaxOpenLeads: is null or an empty object; write a whole number, or leave the setting out.", routing);
    }

    [Fact]
    public void An_empty_weight_is_reported_at_its_path_rather_than_dropping_the_rep()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![0]!["Weight"] = "";

        AssertOnlyFailure("LeadRouting:Reps:0:Weight: is empty; write a whole number, or leave the setting out.", routing);
    }

    [Fact]
    public void An_object_where_text_belongs_is_reported_at_its_path_rather_than_thrown_by_the_binder()
    {
        var routing = TestConfig.Valid();
        routing["Pipeline"]!["Fallback"]!["Team"] = new JsonObject { ["Id"] = "emea" };

        AssertOnlyFailure("LeadRouting:Pipeline:Fallback:Team: is a list or an object; write a text value.", routing);
    }

    [Theory]
    [InlineData("America")]
    [InlineData("Etc")]
    public void A_time_zone_naming_a_folder_of_the_zone_database_is_reported_at_its_path(string folder)
    {
        var routing = TestConfig.Valid();
        routing["DayBoundaryTimeZone"] = folder;

        AssertOnlyFailure($"LeadRouting:DayBoundaryTimeZone: unknown time zone '{folder}'; use an IANA id such as \"Europe/Berlin\" or \"UTC\".", routing);
    }

    [Fact]
    public void Caps_above_what_the_engine_counts_are_reported_at_their_paths()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![1]!["MaxOpenLeads"] = Rep.MaxCap + 1;
        routing["Reps"]![2]!["MaxLeadsPerDay"] = Rep.MaxCap + 1;

        Assert.Equal(
            [$"LeadRouting:Reps:1:MaxOpenLeads: must be at most {Rep.MaxCap}; leave it out for no cap.",
             $"LeadRouting:Reps:2:MaxLeadsPerDay: must be at most {Rep.MaxCap}; leave it out for no cap."],
            TestConfig.Failures(routing));
    }

    [Fact]
    public void An_over_long_territory_is_reported_at_its_path_without_parsing_it()
    {
        var routing = TestConfig.Valid();
        routing["Reps"]![1]!["Territories"] = new JsonArray("DE", "GB:" + new string('A', 5_000_000));

        AssertOnlyFailure(
            "LeadRouting:Reps:1:Territories:1: 'GB:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...' (5000003 characters) is not a territory (longer than 64 characters); "
            + "write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).",
            routing);
    }

    [Fact]
    public void Options_configured_in_code_with_a_pipeline_inside_itself_are_reported_rather_than_recursing_forever()
    {
        var services = new ServiceCollection();
        services.AddLeadRouting(o =>
        {
            o.Reps.Add(new RepOptions { Id = "a" });
            o.Teams.Add(new TeamOptions { Id = "t", Members = { "a" } });
            var threshold = new StepOptions { Strategy = RoutingStrategyNames.ScoreThreshold };
            threshold.Bands.Add(new ScoreBandOptions { Minimum = 0, Team = "t", Pipeline = o.Pipeline });
            o.Pipeline.Steps.Add(threshold);
            o.Pipeline.Steps.Add(new StepOptions { Strategy = RoutingStrategyNames.RoundRobin });
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILeadRouter>());

        Assert.Equal(["LeadRouting:Pipeline:Steps:0:Bands:0:Pipeline: is a pipeline this one is nested in; a pipeline cannot contain itself."], ex.Failures);
    }
}
