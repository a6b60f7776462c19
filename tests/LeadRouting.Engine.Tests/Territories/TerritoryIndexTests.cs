using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Territories;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Territories;

/// <summary>
/// The index behind the territory steps: every rule covering a lead, most specific first (postal prefixes longest first,
/// then the region, then the country), and whether the lead lacks a field the rules need. Postal prefixes are packed into
/// keys of 12 symbols plus a tail of up to 4, so prefixes around and beyond 12 symbols get their own cases.
/// </summary>
public class TerritoryIndexTests
{
    [Fact]
    public void Prefixes_longer_than_twelve_symbols_match_exactly_up_to_sixteen()
    {
        var index = Index("GB:ABCDEFGHIJKL", "GB:ABCDEFGHIJKLM", "GB:ABCDEFGHIJKLMNOP", "GB:ABCDEFGHIJKLMNOQ", "GB:ABCDEFGHIJKLXNOP", "US:ABCDEFGHIJKLMNOP");

        Assert.Equal(["GB:ABCDEFGHIJKLMNOP", "GB:ABCDEFGHIJKLM", "GB:ABCDEFGHIJKL"], Match(index, "GB", "abcd-efgh ijkl mnop 99"));
        Assert.Equal(["GB:ABCDEFGHIJKLMNOQ", "GB:ABCDEFGHIJKLM", "GB:ABCDEFGHIJKL"], Match(index, "GB", "ABCDEFGHIJKLMNOQ"));
        Assert.Equal(["GB:ABCDEFGHIJKLM", "GB:ABCDEFGHIJKL"], Match(index, "GB", "ABCDEFGHIJKLMNO"));
        Assert.Equal(["GB:ABCDEFGHIJKLXNOP", "GB:ABCDEFGHIJKL"], Match(index, "GB", "ABCDEFGHIJKLXNOPQRST"));
        Assert.Equal(["GB:ABCDEFGHIJKL"], Match(index, "GB", "ABCDEFGHIJKL"));
        Assert.Equal(["US:ABCDEFGHIJKLMNOP"], Match(index, "US", "ABCDEFGHIJKLMNOP"));
    }

    [Fact]
    public void Symbols_after_the_longest_rule_do_not_matter_even_when_invalid()
    {
        var index = Index("DE:10", "DE:10115");

        Assert.Equal(["DE:10115", "DE:10"], Match(index, "DE", "10115/Berlin#"));
        Assert.Equal(["DE:10115", "DE:10"], Match(index, "DE", "10115 1234567890123456789"));
    }

    [Fact]
    public void An_invalid_character_ends_the_code_so_only_prefixes_before_it_match()
    {
        var index = Index("DE:10", "DE:10115", "DE");

        Assert.Equal(["DE:10", "DE"], Match(index, "DE", "10/115"));
        Assert.Equal(["DE"], Match(index, "DE", "/10115"));
    }

    [Fact]
    public void A_lead_code_shorter_than_every_rule_matches_only_the_region_and_country()
    {
        var index = Index("DE:10115", "DE:80331", "DE-BE", "DE");

        Assert.Equal(["DE-BE", "DE"], Match(index, "DE", "1", "BE"));
        Assert.Equal(["DE"], Match(index, "DE", "1011", "BY"));
    }

    [Fact]
    public void Separators_inside_codes_are_skipped()
    {
        var index = Index("GB:SW1A1AA", "GB:SW1A", "PL:10115", "PL:10");

        Assert.Equal(["GB:SW1A1AA", "GB:SW1A"], Match(index, "GB", "SW1A 1AA"));
        Assert.Equal(["GB:SW1A1AA", "GB:SW1A"], Match(index, "GB", " sw1a-1aa "));
        Assert.Equal(["PL:10115", "PL:10"], Match(index, "PL", "10-115"));
        Assert.Equal(["PL:10115", "PL:10"], Match(index, "PL", "1.0 1\t1-5"));
    }

    [Fact]
    public void Mixed_prefix_lengths_in_one_country_match_longest_first()
    {
        var index = Index("US:94", "US:941", "US:94105", "US:10", "US");

        Assert.Equal(["US:94105", "US:941", "US:94", "US"], Match(index, "US", "94105"));
        Assert.Equal(["US:941", "US:94", "US"], Match(index, "US", "94107"));
        Assert.Equal(["US:94", "US"], Match(index, "US", "94016"));
        Assert.Equal(["US:10", "US"], Match(index, "US", "10115"));
        Assert.Equal(["US"], Match(index, "US", "30301"));
    }

    [Fact]
    public void A_country_without_postal_rules_matches_its_region_and_country_and_ignores_the_postal_code()
    {
        var index = Index("FR-IDF", "FR", "DE:10115");

        Assert.Equal(["FR-IDF", "FR"], Match(index, "FR", "10115", "IDF", out var missing));
        Assert.False(missing);
        Assert.Equal(["FR-IDF", "FR"], Match(index, "FR", null, "FR-IDF", out missing));
        Assert.False(missing);
        Assert.Equal(["FR"], Match(index, "FR", null, null, out missing));
        Assert.True(missing);
    }

    [Fact]
    public void Missing_says_which_fields_the_rules_of_the_country_need()
    {
        var index = Index("DE:10115", "DE");

        Assert.Equal(["DE"], Match(index, "DE", " ", null, out var missing));
        Assert.True(missing);
        Assert.Equal(["DE"], Match(index, "DE", "80331", null, out missing));
        Assert.False(missing);
        Assert.Empty(Match(index, "Germany", "10115", null, out missing));
        Assert.True(missing);
        Assert.Empty(Match(index, null, "10115", null, out missing));
        Assert.True(missing);
        Assert.Empty(Match(index, "US", "10115", null, out missing));
        Assert.False(missing);
    }

    [Fact]
    public void An_index_without_rules_matches_nothing()
    {
        var index = Index();

        Assert.Empty(Match(index, "DE", "10115", "BE", out var missing));
        Assert.False(missing);
    }

    [Fact]
    public void Many_rules_of_every_length_are_all_found()
    {
        // Enough keys to fill a big table with long probe runs somewhere; every one must still be found exactly.
        var rules = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var code = i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture);
            rules.Add($"{(i % 2 == 0 ? "DE" : "AT")}:{code[..(1 + (i % 16))]}");
        }

        var distinct = rules.Distinct().ToArray();
        var index = Index(distinct);
        foreach (var rule in distinct)
        {
            var t = Territory.Parse(rule);
            Assert.Contains(rule, Match(index, t.Country, t.PostalPrefix + "Z"));
        }
    }

    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void Matching_agrees_with_a_naive_scan_over_long_prefixes_separators_and_invalid_characters(Scenario s)
    {
        var rules = s.Rules.Select(r => r.ToTerritory()).Distinct().ToArray();
        var index = new TerritoryIndex(rules);
        Span<int> ids = stackalloc int[TerritoryIndex.MaxMatches];
        foreach (var lead in s.Leads)
        {
            var l = lead.ToLead();
            var n = index.Match(l, ids, out var missing);
            var actual = ids[..n].ToArray().Select(id => rules[id].ToString()).ToArray();
            var (expected, expectedMissing) = Reference(rules, l);
            Assert.True(
                expected.SequenceEqual(actual) && expectedMissing == missing,
                $"lead {lead} ({l.Country}, {l.Region}, '{l.PostalCode}'): expected {Fmt.List(expected)} missing {expectedMissing}, got {Fmt.List(actual)} missing {missing}");
        }
    }

    /// <summary>
    /// The naive model: normalise the code (skip space, dash, dot and tab; stop at any other character that is not a
    /// letter or digit), then compare every rule's prefix with it.
    /// </summary>
    private static (string[] Rules, bool Missing) Reference(Territory[] rules, Lead lead)
    {
        var country = lead.Country?.Trim().ToUpperInvariant();
        if (country is null || country.Length != 2 || !country.All(char.IsAsciiLetter))
        {
            return ([], true);
        }

        var own = rules.Where(r => r.Country == country).ToArray();
        var missing = false;
        var matched = new List<Territory>();
        if (own.Any(r => r.Level == TerritoryLevel.PostalPrefix))
        {
            if (string.IsNullOrWhiteSpace(lead.PostalCode))
            {
                missing = true;
            }
            else
            {
                var code = new StringBuilder();
                foreach (var c in lead.PostalCode)
                {
                    if (c is ' ' or '-' or '.' or '\t')
                    {
                        continue;
                    }

                    if (!char.IsAsciiLetterOrDigit(c))
                    {
                        break;
                    }

                    code.Append(char.ToUpperInvariant(c));
                }

                var normal = code.ToString();
                matched.AddRange(own
                    .Where(r => r.Level == TerritoryLevel.PostalPrefix && normal.StartsWith(r.PostalPrefix!, StringComparison.Ordinal))
                    .OrderByDescending(r => r.PostalPrefix!.Length));
            }
        }

        if (own.Any(r => r.Level == TerritoryLevel.Region))
        {
            // The scenarios only give regions the rules use, "ZZ" or none, so a plain comparison is enough here.
            if (lead.Region is null)
            {
                missing = true;
            }
            else
            {
                matched.AddRange(own.Where(r => r.Level == TerritoryLevel.Region && r.Region == lead.Region));
            }
        }

        matched.AddRange(own.Where(r => r.Level == TerritoryLevel.Country));
        return ([.. matched.Select(r => r.ToString())], missing);
    }

    private static Indexed Index(params string[] rules) => new([.. rules.Select(Territory.Parse)]);

    private static string[] Match(Indexed index, string? country, string? postal, string? region = null) =>
        Match(index, country, postal, region, out _);

    private static string[] Match(Indexed index, string? country, string? postal, string? region, out bool missing)
    {
        var rules = new List<string>();
        Span<int> ids = stackalloc int[TerritoryIndex.MaxMatches];
        var lead = new Lead("l") { Country = country, PostalCode = postal, Region = region };
        var n = index.Index.Match(lead, ids, out missing);
        foreach (var id in ids[..n])
        {
            rules.Add(index.Rules[id].ToString());
        }

        return [.. rules];
    }

    /// <summary>An index and its rules, so a test can name the rules it matched.</summary>
    private sealed class Indexed(Territory[] rules)
    {
        public Territory[] Rules { get; } = rules;

        public TerritoryIndex Index { get; } = new(rules);
    }

    /// <summary>Codes that share long prefixes (12 symbols and more) within and across countries.</summary>
    private static readonly string[] Codes = ["SW1A1AA0B2C3D4E5", "SW1A1AA0B2C3D4F5", "SW1A1AA0B2C4D4E5", "1011512345678901", "10115", "941", "A"];

    private static readonly string[] Countries = ["GB", "DE"];

    private static readonly string[] Regions = ["BE", "BY"];

    /// <summary>A rule: level 0 country, 1 region <see cref="Index"/>, 2 the first <see cref="Length"/> symbols of code <see cref="Index"/>.</summary>
    public sealed record RuleSpec(int Level, int Country, int Index, int Length)
    {
        public static Gen<RuleSpec> Generator =>
            from level in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (6, Gen.Constant(2)))
            from country in Gen.Choose(0, Countries.Length - 1)
            from index in Gen.Choose(0, Codes.Length - 1)
            from length in Gen.Choose(1, 16)
            select new RuleSpec(level, country, index, length);

        public Territory ToTerritory() => Level switch
        {
            0 => Territory.ForCountry(Countries[Country]),
            1 => Territory.ForRegion(Countries[Country], Regions[Index % Regions.Length]),
            _ => Territory.ForPostalPrefix(Countries[Country], Codes[Index][..Math.Min(Length, Codes[Index].Length)]),
        };

        public IEnumerable<RuleSpec> Shrink() =>
            Support.Shrink.Toward(Level, 0).Select(x => this with { Level = x })
                .Concat(Support.Shrink.Toward(Index, 0).Select(x => this with { Index = x }))
                .Concat(Support.Shrink.Toward(Length, 1).Select(x => this with { Length = x }));

        public override string ToString() => ToTerritory().ToString();
    }

    /// <summary>
    /// A lead: country 0..1, 2 = none, 3 = "Germany"; region -1 none, 0..1, 2 = "ZZ"; the first <see cref="Length"/>
    /// symbols of code <see cref="Index"/> (longer than the code appends "77", -1 = no code), garbled by <see cref="Noise"/>
    /// (case, separators, and now and then an invalid character, which ends the code).
    /// </summary>
    public sealed record LeadSpec(int Country, int Region, int Index, int Length, int Noise)
    {
        public static Gen<LeadSpec> Generator =>
            from country in Gen.Frequency((8, Gen.Choose(0, Countries.Length - 1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
            from region in Gen.Choose(-1, 2)
            from index in Gen.Frequency((1, Gen.Constant(-1)), (8, Gen.Choose(0, Codes.Length - 1)))
            from length in Gen.Choose(0, 18)
            from noise in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 100_000)))
            select new LeadSpec(country, region, index, length, noise);

        public Lead ToLead() => new("l")
        {
            Country = Country switch
            {
                < 2 => Countries[Country],
                2 => null,
                _ => "Germany",
            },
            Region = Region switch
            {
                < 0 => null,
                2 => "ZZ",
                _ => Regions[Region],
            },
            PostalCode = Index < 0 ? null : Garble(Code()),
        };

        public IEnumerable<LeadSpec> Shrink() =>
            (Noise == 0 ? Array.Empty<LeadSpec>() : [this with { Noise = 0 }])
                .Concat(Support.Shrink.Toward(Country, 0).Select(x => this with { Country = x }))
                .Concat(Support.Shrink.Toward(Region, -1).Select(x => this with { Region = x }))
                .Concat(Support.Shrink.Toward(Index, 0).Select(x => this with { Index = x }))
                .Concat(Support.Shrink.Toward(Length, 0).Select(x => this with { Length = x }));

        public override string ToString() => $"c{Country} r{Region} code{Index}[..{Length}]~{Noise}";

        private string Code()
        {
            var code = Codes[Index];
            return Length > code.Length ? code + "77" : code[..Length];
        }

        private string Garble(string code)
        {
            if (Noise == 0)
            {
                return code;
            }

            var random = new Random(Noise);
            var sb = new StringBuilder();
            foreach (var c in code)
            {
                switch (random.Next(12))
                {
                    case 0:
                        sb.Append(' ');
                        break;
                    case 1:
                        sb.Append('-');
                        break;
                    case 2:
                        sb.Append(random.Next(2) == 0 ? '.' : '\t');
                        break;
                    case 3 when random.Next(4) == 0:
                        sb.Append(random.Next(2) == 0 ? '/' : 'é');
                        break;
                }

                sb.Append(random.Next(2) == 0 ? char.ToLowerInvariant(c) : c);
            }

            return sb.ToString();
        }
    }

    public sealed record Scenario(RuleSpec[] Rules, LeadSpec[] Leads)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(
            from rules in Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(RuleSpec.Generator, n))
            from leads in Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(LeadSpec.Generator, n))
            select new Scenario(rules, leads),
            s => s.Shrink());

        public IEnumerable<Scenario> Shrink() =>
            Support.Shrink.Array(Leads, l => l.Shrink(), minLength: 1).Select(x => this with { Leads = x })
                .Concat(Support.Shrink.Array(Rules, r => r.Shrink()).Select(x => this with { Rules = x }));

        public override string ToString() => $"rules {Fmt.List(Rules)}; leads {Fmt.List(Leads)}";
    }
}
