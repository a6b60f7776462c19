namespace LeadRouting.Engine.Tests.Defects;

/// <summary>Hostile values at the public boundary get a clear error or a defined meaning, never a crash (issue 13, items 4 and 5).</summary>
public class HostileInputTests
{
    [Fact]
    public void A_lead_with_null_attributes_routes_as_one_with_none()
    {
        var roster = new Roster([new Rep("de") { Skills = ["de"] }, new Rep("any")]);
        var pipeline = new RoutingPipelineBuilder()
            .AddSkills(new SkillStrategyOptions { Field = SkillLeadField.Attribute, AttributeKey = "lang" })
            .AddRoundRobin()
            .Build();
        using var engine = new RoutingEngine(roster, pipeline);

        var lead = new Lead("l") { Attributes = null! };
        var decision = engine.Route(lead);

        Assert.Empty(lead.Attributes);
        Assert.Equal(engine.Route(new Lead("twin")).Outcome, decision.Outcome);
    }

    [Theory]
    [InlineData(5_000_000)]
    [InlineData(100_000)]
    [InlineData(Territory.MaxPostalPrefixLength + 1)]
    public void An_over_long_postal_prefix_is_refused_with_an_error_naming_the_prefix(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => Territory.Parse("GB:" + new string('A', length)));

        Assert.Equal("prefix", ex.ParamName);
        Assert.Contains($"1 to {Territory.MaxPostalPrefixLength}", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 300, $"the message echoes the whole input: {ex.Message.Length} characters");
    }

    [Fact]
    public void An_over_long_postal_prefix_full_of_skipped_characters_is_accepted_by_its_letters()
    {
        var territory = Territory.Parse("GB:" + new string(' ', 5_000_000) + "SW1");

        Assert.Equal("SW1", territory.PostalPrefix);
    }

    [Theory]
    [InlineData(5_000_000)]
    [InlineData(100)]
    public void An_over_long_region_or_country_is_refused_with_an_error(int length)
    {
        var region = Assert.Throws<ArgumentException>(() => Territory.Parse("US-" + new string('C', length)));
        var country = Assert.Throws<ArgumentException>(() => Territory.Parse(new string('D', length)));

        Assert.Equal("region", region.ParamName);
        Assert.Equal("country", country.ParamName);
        Assert.True(region.Message.Length < 300 && country.Message.Length < 300, "a message echoes the whole input");
    }
}
