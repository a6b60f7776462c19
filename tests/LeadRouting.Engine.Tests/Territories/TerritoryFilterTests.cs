namespace LeadRouting.Engine.Tests.Territories;

public class TerritoryFilterTests
{
    private static readonly RoutingPipeline TerritoryThenRoundRobin =
        new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build();

    [Fact]
    public void A_lead_goes_to_the_rep_covering_its_country()
    {
        var engine = Engine(Rep("de", "DE"), Rep("fr", "FR"));

        Assert.Equal("fr", engine.Route(new Lead("l") { Country = "FR" }).RepId);
        Assert.Equal("de", engine.Route(new Lead("l") { Country = "DE" }).RepId);
    }

    [Fact]
    public void A_lead_goes_to_the_rep_covering_its_region_before_the_one_covering_its_whole_country()
    {
        var engine = Engine(Rep("ca", "US-CA"), Rep("ny", "US-NY"), Rep("us", "US"));

        Assert.Equal("ca", engine.Route(new Lead("l") { Country = "US", Region = "CA" }).RepId);
        Assert.Equal("ny", engine.Route(new Lead("l") { Country = "US", Region = "US-NY" }).RepId);
        Assert.Equal("us", engine.Route(new Lead("l") { Country = "US", Region = "TX" }).RepId);
        Assert.Equal("us", engine.Route(new Lead("l") { Country = "US" }).RepId);
    }

    [Fact]
    public void A_lead_goes_to_the_rep_covering_its_postal_prefix()
    {
        var engine = Engine(Rep("westminster", "GB:SW1"), Rep("east", "GB:E"));

        Assert.Equal("westminster", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SW1A 1AA" }).RepId);
        Assert.Equal("east", engine.Route(new Lead("l") { Country = "GB", PostalCode = "E1 6AN" }).RepId);
    }

    [Fact]
    public void The_longest_matching_postal_prefix_wins_then_shorter_ones_then_the_country()
    {
        var engine = Engine(Rep("gb", "GB"), Rep("s", "GB:S"), Rep("sw", "GB:SW"));

        Assert.Equal("sw", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SW1A 1AA" }).RepId);
        Assert.Equal("s", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SE1 7PB" }).RepId);
        Assert.Equal("gb", engine.Route(new Lead("l") { Country = "GB", PostalCode = "N1 9GU" }).RepId);
    }

    [Fact]
    public void A_prefix_longer_than_the_postal_code_does_not_match_it()
    {
        var engine = Engine(Rep("sw1a", "GB:SW1A"), Rep("gb", "GB"));

        Assert.Equal("gb", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SW1" }).RepId);
    }

    [Fact]
    public void When_the_owners_of_the_most_specific_territory_are_all_away_the_next_most_specific_one_takes_the_lead()
    {
        var engine = Engine(Rep("gb", "GB"), Rep("s", "GB:S"), Rep("sw", "GB:SW"));
        engine.SetActive("sw", false);

        Assert.Equal("s", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SW1A 1AA" }).RepId);
    }

    [Fact]
    public void Lead_codes_are_matched_regardless_of_case_spaces_and_dashes()
    {
        var engine = Engine(Rep("sw1a", "GB:SW1A"), Rep("ca", "US-CA"), Rep("pl", "PL:12-3"));

        Assert.Equal("sw1a", engine.Route(new Lead("l") { Country = "gb", PostalCode = "sw1a 1aa" }).RepId);
        Assert.Equal("sw1a", engine.Route(new Lead("l") { Country = " GB ", PostalCode = "SW1A1AA" }).RepId);
        Assert.Equal("ca", engine.Route(new Lead("l") { Country = "us", Region = "us-ca" }).RepId);
        Assert.Equal("pl", engine.Route(new Lead("l") { Country = "PL", PostalCode = "12345" }).RepId);
    }

    [Fact]
    public void Reps_sharing_a_territory_rotate_among_themselves()
    {
        var engine = Engine(Rep("de1", "DE"), Rep("fr", "FR"), Rep("de2", "DE"));

        var picks = Enumerable.Range(0, 4).Select(_ => engine.Route(new Lead("l") { Country = "DE" }).RepId);

        Assert.Equal(["de1", "de2", "de1", "de2"], picks);
    }

    [Fact]
    public void A_rep_covering_several_territories_receives_leads_from_each()
    {
        var engine = Engine(new Rep("dach") { Territories = [Territory.ForCountry("DE"), Territory.ForCountry("AT"), Territory.ForCountry("CH")] });

        Assert.Equal("dach", engine.Route(new Lead("l") { Country = "AT" }).RepId);
        Assert.Equal("dach", engine.Route(new Lead("l") { Country = "CH" }).RepId);
        Assert.False(engine.Route(new Lead("l") { Country = "FR" }).IsAssigned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_lead_without_a_country_is_unassigned_with_MissingTerritory(string? country)
    {
        var engine = Engine(Rep("de", "DE"));

        var decision = engine.Route(new Lead("l") { Country = country });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.MissingTerritory, decision.Reason);
        Assert.Equal("Territory", decision.StepName);
        Assert.False(decision.UsedFallback);
    }

    [Theory]
    [InlineData("Germany")]
    [InlineData("DEU")]
    [InlineData("D1")]
    public void A_lead_whose_country_is_not_a_two_letter_code_is_unassigned_with_MissingTerritory(string country)
    {
        var engine = Engine(Rep("de", "DE"));

        var decision = engine.Route(new Lead("l") { Country = country });

        Assert.Equal(RoutingReason.MissingTerritory, decision.Reason);
    }

    [Fact]
    public void A_lead_region_prefixed_with_another_country_does_not_match_a_region_rule()
    {
        var engine = Engine(Rep("ca", "US-CA"));

        Assert.Equal("ca", engine.Route(new Lead("ok") { Country = "US", Region = "us-ca" }).RepId);
        Assert.Equal(RoutingReason.MissingTerritory, engine.Route(new Lead("other") { Country = "US", Region = "MX-CA" }).Reason);
    }

    [Fact]
    public void A_lead_without_a_postal_code_where_only_postal_rules_exist_is_unassigned_with_MissingTerritory()
    {
        var engine = Engine(Rep("sw", "GB:SW"));

        var decision = engine.Route(new Lead("l") { Country = "GB" });

        Assert.Equal(RoutingReason.MissingTerritory, decision.Reason);
    }

    [Fact]
    public void A_lead_without_a_country_goes_to_the_fallback_when_one_is_set()
    {
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToRep("triage")).Build();
        var engine = new RoutingEngine(new Roster([Rep("de", "DE"), new Rep("triage")]), pipeline);

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Assigned, decision.Outcome);
        Assert.Equal("triage", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.MissingTerritory, decision.Reason);
        Assert.Equal("Territory", decision.StepName);
    }

    [Fact]
    public void A_lead_from_a_country_nobody_covers_is_unassigned_with_NoTerritoryMatch()
    {
        var engine = Engine(Rep("de", "DE"), Rep("us-ca", "US-CA"));

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
        Assert.Equal("Territory", decision.StepName);
    }

    [Fact]
    public void A_lead_whose_only_covering_reps_are_away_is_unassigned_with_NoTerritoryMatch()
    {
        var engine = Engine(Rep("de", "DE"), Rep("fr", "FR"));
        engine.SetActive("de", false);

        Assert.Equal(RoutingReason.NoTerritoryMatch, engine.Route(new Lead("l") { Country = "DE" }).Reason);
    }

    [Fact]
    public void The_filter_never_gives_a_lead_to_a_rep_whose_territory_does_not_cover_it()
    {
        var engine = Engine(Rep("de", "DE"), Rep("sw", "GB:SW"), Rep("ca", "US-CA"));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("de", engine.Route(new Lead("l") { Country = "DE", PostalCode = "SW1", Region = "CA" }).RepId);
            Assert.Equal("sw", engine.Route(new Lead("l") { Country = "GB", PostalCode = "SW1", Region = "CA" }).RepId);
            Assert.Equal("ca", engine.Route(new Lead("l") { Country = "US", PostalCode = "SW1", Region = "CA" }).RepId);
        }
    }

    private static Rep Rep(string id, string territory) => new(id) { Territories = [Territory.Parse(territory)] };

    private static RoutingEngine Engine(params Rep[] reps) => new(new Roster(reps), TerritoryThenRoundRobin);
}
