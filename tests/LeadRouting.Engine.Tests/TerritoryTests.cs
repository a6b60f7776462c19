namespace LeadRouting.Engine.Tests;

public class TerritoryTests
{
    [Theory]
    [InlineData("DEU")]
    [InlineData("D")]
    [InlineData("")]
    [InlineData("D1")]
    [InlineData("Ä1")]
    public void A_country_code_that_is_not_two_letters_is_rejected_naming_the_code(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Territory.ForCountry(code));

        Assert.Contains($"'{code}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_country_code_is_rejected_by_every_factory()
    {
        Assert.Throws<ArgumentException>(() => Territory.ForRegion("USA", "CA"));
        Assert.Throws<ArgumentException>(() => Territory.ForPostalPrefix("G", "SW1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("C@")]
    [InlineData("ABCDEFGHI")]
    public void A_malformed_region_is_rejected_naming_the_region(string region)
    {
        var ex = Assert.Throws<ArgumentException>(() => Territory.ForRegion("US", region));

        Assert.Contains($"'{region}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("SW1#")]
    public void An_empty_or_malformed_postal_prefix_is_rejected_naming_the_prefix(string prefix)
    {
        var ex = Assert.Throws<ArgumentException>(() => Territory.ForPostalPrefix("GB", prefix));

        Assert.Contains($"'{prefix}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postal_prefix_longer_than_the_maximum_is_rejected_and_one_at_the_maximum_is_accepted()
    {
        var longest = new string('1', Territory.MaxPostalPrefixLength);
        var tooLong = longest + "1";

        Assert.Equal(longest, Territory.ForPostalPrefix("DE", longest).PostalPrefix);
        var ex = Assert.Throws<ArgumentException>(() => Territory.ForPostalPrefix("DE", tooLong));
        Assert.Contains(tooLong, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spaces_in_a_postal_prefix_do_not_count_towards_its_length()
    {
        var spaced = string.Join(' ', Enumerable.Repeat("1", Territory.MaxPostalPrefixLength));

        Assert.Equal(Territory.MaxPostalPrefixLength, Territory.ForPostalPrefix("DE", spaced).PostalPrefix!.Length);
    }

    [Fact]
    public void A_country_code_is_upper_cased()
    {
        var territory = Territory.ForCountry("de");

        Assert.Equal(TerritoryLevel.Country, territory.Level);
        Assert.Equal("DE", territory.Country);
        Assert.Null(territory.Region);
        Assert.Null(territory.PostalPrefix);
    }

    [Fact]
    public void A_postal_prefix_is_upper_cased_and_loses_its_spaces_and_dashes()
    {
        Assert.Equal("SW1A1", Territory.ForPostalPrefix("gb", "sw1a 1").PostalPrefix);
        Assert.Equal("12345", Territory.ForPostalPrefix("PL", "12-345").PostalPrefix);
        Assert.Equal("GB", Territory.ForPostalPrefix("gb", "sw1a 1").Country);
    }

    [Fact]
    public void A_region_written_with_its_country_prefix_drops_the_prefix()
    {
        var territory = Territory.ForRegion("us", "US-CA");

        Assert.Equal(TerritoryLevel.Region, territory.Level);
        Assert.Equal("US", territory.Country);
        Assert.Equal("CA", territory.Region);
        Assert.Equal(Territory.ForRegion("US", "ca"), territory);
    }

    [Fact]
    public void Parse_reads_a_bare_code_as_a_country()
    {
        Assert.Equal(Territory.ForCountry("DE"), Territory.Parse("DE"));
        Assert.Equal(Territory.ForCountry("DE"), Territory.Parse(" de "));
    }

    [Fact]
    public void Parse_reads_a_dash_as_a_region()
    {
        var territory = Territory.Parse("US-CA");

        Assert.Equal(TerritoryLevel.Region, territory.Level);
        Assert.Equal("US", territory.Country);
        Assert.Equal("CA", territory.Region);
    }

    [Fact]
    public void Parse_reads_a_colon_as_a_postal_prefix()
    {
        var territory = Territory.Parse("GB:SW1");

        Assert.Equal(TerritoryLevel.PostalPrefix, territory.Level);
        Assert.Equal("GB", territory.Country);
        Assert.Equal("SW1", territory.PostalPrefix);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("US-CA")]
    [InlineData("GB:SW1A")]
    public void ToString_gives_back_the_text_Parse_reads(string text)
    {
        var territory = Territory.Parse(text);

        Assert.Equal(text, territory.ToString());
        Assert.Equal(territory, Territory.Parse(territory.ToString()));
    }

    [Theory]
    [InlineData("Germany")]
    [InlineData("GB:")]
    [InlineData("US-")]
    [InlineData("")]
    public void Parse_rejects_text_in_none_of_the_three_forms(string text)
    {
        Assert.Throws<ArgumentException>(() => Territory.Parse(text));
    }

    [Fact]
    public void Territories_that_normalise_to_the_same_codes_are_equal_with_equal_hash_codes()
    {
        var a = Territory.ForPostalPrefix("gb", "sw 1");
        var b = Territory.Parse("GB:SW1");

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Territories_differing_in_level_or_code_are_not_equal()
    {
        var postal = Territory.ForPostalPrefix("GB", "SW1");

        Assert.NotEqual(postal, Territory.ForRegion("GB", "SW1"));
        Assert.NotEqual(postal, Territory.ForPostalPrefix("GB", "SW"));
        Assert.NotEqual(postal, Territory.ForPostalPrefix("IE", "SW1"));
        Assert.NotEqual(Territory.ForCountry("GB"), Territory.ForCountry("IE"));
        Assert.False(postal.Equals(null));
    }

    [Fact]
    public void A_region_code_prefixed_with_another_country_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Territory.ForRegion("DE", "US-CA"));

        Assert.Contains("US-CA", ex.Message, StringComparison.Ordinal);
    }
}
