using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>The character classes territory keys are packed from, checked over every UTF-16 code unit.</summary>
public class TerritoryCodesTests
{
    [Fact]
    public void Every_character_maps_to_its_symbol_digits_then_letters_in_either_case_separators_skipped_the_rest_invalid()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var expected = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => 10 + (c - 'A'),
                >= 'a' and <= 'z' => 10 + (c - 'a'),
                ' ' or '-' or '.' or '\t' => -1,
                _ => -2,
            };
            Assert.True(TerritoryCodes.Symbol(c) == expected, $"U+{i:X4}: {TerritoryCodes.Symbol(c)}, expected {expected}");
        }
    }

    [Theory]
    [InlineData("GB", 6 * 26 + 1)]
    [InlineData("gb", 6 * 26 + 1)]
    [InlineData(" gB\t", 6 * 26 + 1)]
    [InlineData("AA", 0)]
    [InlineData("ZZ", 26 * 26 - 1)]
    [InlineData("G", -1)]
    [InlineData("GBR", -1)]
    [InlineData("G1", -1)]
    [InlineData("1G", -1)]
    [InlineData("G ", -1)]
    [InlineData("", -1)]
    [InlineData("Éa", -1)]
    public void A_country_code_is_two_letters_in_either_case_with_white_space_around_ignored(string code, int expected) =>
        Assert.Equal(expected, TerritoryCodes.CountryIndex(code));
}
