using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace LeadRouting.Engine.Tests.Support;

/// <summary>
/// Arbitraries with shrinkers for FsCheck.Xunit's <c>[Property]</c>. The pattern: a public scenario record holds
/// <c>public static Arbitrary&lt;Scenario&gt; Arbitrary =&gt; PropertyRunner.Arbitrary(generator, shrinker, valid);</c>
/// and the test is <c>[Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)] public void Name(Scenario s) { ... }</c>.
/// FsCheck takes the static members of the named type that return an <c>Arbitrary&lt;T&gt;</c>, so one type names one
/// arbitrary per generated type; a second arbitrary of the same type lives in its own static class (see
/// PipelinePropertyTests.PaddedScenario), as does one for a type the tests do not own (RepMaskTests.Positions for int[]).
/// A failure prints the shrunk counterexample (its ToString) and a seed; <c>Replay = "seed"</c> on the attribute re-runs it.
/// A check across all cases (e.g. "most scenarios take path X") is a [Fact] that samples the generator.
/// </summary>
internal static class PropertyRunner
{
    /// <summary>An arbitrary whose shrinker only proposes candidates that still satisfy <paramref name="valid"/>.</summary>
    public static Arbitrary<T> Arbitrary<T>(Gen<T> generator, Func<T, IEnumerable<T>> shrinker, Func<T, bool>? valid = null) =>
        Arb.From(generator, x => valid is null ? shrinker(x) : shrinker(x).Where(valid));
}

/// <summary>
/// Shrinkers for the plain data the scenarios are made of. Scenario records shrink by combining these: drop chunks of
/// arrays first (shorter streams, fewer reps), then make each element simpler.
/// </summary>
internal static class Shrink
{
    /// <summary>Candidates between <paramref name="value"/> and <paramref name="target"/>, nearest the target first.</summary>
    public static IEnumerable<int> Toward(int value, int target)
    {
        if (value == target)
        {
            yield break;
        }

        yield return target;
        var half = target + ((value - target) / 2);
        if (half != target && half != value)
        {
            yield return half;
        }

        var step = value > target ? value - 1 : value + 1;
        if (step != target && step != half)
        {
            yield return step;
        }
    }

    /// <summary>A cap: first "no cap", then smaller caps.</summary>
    public static IEnumerable<int?> Cap(int? value)
    {
        if (value is not { } v)
        {
            yield break;
        }

        yield return null;
        foreach (var s in Toward(v, 0))
        {
            yield return s;
        }
    }

    public static IEnumerable<bool> Bool(bool value, bool simpler)
    {
        if (value != simpler)
        {
            yield return simpler;
        }
    }

    /// <summary>A bit mask: all bits off, then one bit off at a time.</summary>
    public static IEnumerable<int> Bits(int mask)
    {
        if (mask == 0)
        {
            yield break;
        }

        yield return 0;
        for (var b = 0; b < 31; b++)
        {
            if ((mask & (1 << b)) != 0 && (mask & ~(1 << b)) != 0)
            {
                yield return mask & ~(1 << b);
            }
        }
    }

    /// <summary>Shorter arrays (chunks removed, biggest chunks first), then arrays with one element shrunk.</summary>
    public static IEnumerable<T[]> Array<T>(T[] items, Func<T, IEnumerable<T>> element, int minLength = 0)
    {
        var n = items.Length;
        var removable = n - minLength;
        var sizes = new List<int>();
        if (removable > 0)
        {
            sizes.Add(removable);
        }

        for (var size = n / 2; size >= 1; size /= 2)
        {
            if (size <= removable && !sizes.Contains(size))
            {
                sizes.Add(size);
            }
        }

        foreach (var size in sizes)
        {
            for (var start = 0; start + size <= n; start += size)
            {
                yield return [.. items[..start], .. items[(start + size)..]];
            }
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var s in element(items[i]))
            {
                var copy = (T[])items.Clone();
                copy[i] = s;
                yield return copy;
            }
        }
    }
}

/// <summary>Readable counterexamples: FsCheck prints arguments with ToString.</summary>
internal static class Fmt
{
    public static string List<T>(IEnumerable<T> items) => "[" + string.Join("; ", items.Select(x => x?.ToString())) + "]";

    public static string Cap(int? cap) => cap is { } c ? c.ToString(CultureInfo.InvariantCulture) : "-";
}

/// <summary>
/// Small alphabets of territory codes, so rules overlap: three countries, two regions each, and postal codes whose
/// prefixes nest (SW1A1AA ⊃ SW1A ⊃ SW1 ⊃ SW; 10115 exists in both US and DE, so country scoping matters).
/// </summary>
internal static class Geo
{
    public static readonly string[] Countries = ["GB", "US", "DE"];
    public static readonly string[][] Regions = [["EN", "SC"], ["CA", "NY"], ["BY", "BE"]];
    public static readonly string[][] Postcodes = [["SW1A1AA", "SW19"], ["94105", "10115"], ["10115", "80331"]];

    public static string Postcode(int country, int index, int length)
    {
        var code = Postcodes[country % 3][index % 2];
        return code[..Math.Clamp(length, 1, code.Length)];
    }
}

/// <summary>
/// Deterministic noise on codes, driven by a seed (0 = none): random case, separators (space, dash) inserted anywhere,
/// spaces around country codes. The engine must ignore all of it.
/// </summary>
internal static class Noisy
{
    public static string Country(string code, int seed)
    {
        if (seed == 0)
        {
            return code;
        }

        var s = Case(code, seed);
        return (Mix(seed, 1000) % 3) switch
        {
            0 => " " + s,
            1 => s + " ",
            _ => s,
        };
    }

    public static string Code(string code, int seed)
    {
        if (seed == 0)
        {
            return code;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            if (Mix(seed, 100 + i) % 4 == 0)
            {
                sb.Append(Mix(seed, 200 + i) % 2 == 0 ? ' ' : '-');
            }

            sb.Append(Mix(seed, i) % 2 == 0 ? char.ToLowerInvariant(code[i]) : code[i]);
        }

        if (Mix(seed, 300) % 5 == 0)
        {
            sb.Append(' ');
        }

        return sb.ToString();
    }

    private static string Case(string code, int seed)
    {
        var chars = code.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (Mix(seed, i) % 2 == 0)
            {
                chars[i] = char.ToLowerInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static ulong Mix(int seed, int salt)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)salt;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// A territory rule: <see cref="Level"/> 0 = country, 1 = region <see cref="Index"/> of the country, 2 = the first
/// <see cref="Length"/> characters of postcode <see cref="Index"/> of the country. <see cref="Noise"/> garbles the codes
/// given to <see cref="Territory"/> (case, separators); the normalised form below is computed without the engine.
/// </summary>
public sealed record TerritorySpec(int Level, int Country, int Index, int Length, int Noise)
{
    public string NormalCountry => Geo.Countries[Country];

    public string? NormalRegion => Level == 1 ? Geo.Regions[Country][Index] : null;

    public string? NormalPrefix => Level == 2 ? Geo.Postcode(Country, Index, Length) : null;

    /// <summary>Specificity: country 0, region 1, postal prefix 2 + its length (longer wins).</summary>
    public int Rank => Level switch
    {
        0 => 0,
        1 => 1,
        _ => 2 + NormalPrefix!.Length,
    };

    public static Gen<TerritorySpec> Generator =>
        from level in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (4, Gen.Constant(2)))
        from country in Gen.Choose(0, 2)
        from index in Gen.Choose(0, 1)
        from length in Gen.Choose(1, 7)
        from noise in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 100_000)))
        select new TerritorySpec(level, country, index, length, noise);

    /// <summary>A list of 0..3 rules.</summary>
    public static Gen<TerritorySpec[]> ListGenerator =>
        from n in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3)))
        from rules in Gen.ArrayOf(Generator, n)
        select rules;

    public bool Covers(LeadSpec lead) =>
        lead.NormalCountry == NormalCountry && Level switch
        {
            0 => true,
            1 => lead.NormalRegion == NormalRegion,
            _ => lead.NormalPostal is { } p && p.StartsWith(NormalPrefix!, StringComparison.Ordinal),
        };

    public Territory ToTerritory()
    {
        var country = Noisy.Country(NormalCountry, Noise);
        return Level switch
        {
            0 => Territory.ForCountry(country),
            1 => Territory.ForRegion(country, Noisy.Code(NormalRegion!, Noise)),
            _ => Territory.ForPostalPrefix(country, Noisy.Code(NormalPrefix!, Noise)),
        };
    }

    public IEnumerable<TerritorySpec> Shrink()
    {
        if (Level > 0)
        {
            yield return this with { Level = Level - 1 };
        }

        if (Noise != 0)
        {
            yield return this with { Noise = 0 };
        }

        foreach (var c in Support.Shrink.Toward(Country, 0))
        {
            yield return this with { Country = c };
        }

        foreach (var i in Support.Shrink.Toward(Index, 0))
        {
            yield return this with { Index = i };
        }

        if (Level == 2)
        {
            var effective = NormalPrefix!.Length;
            foreach (var l in Support.Shrink.Toward(effective, 1))
            {
                yield return this with { Length = l };
            }
        }
    }

    public override string ToString()
    {
        var text = Level switch
        {
            0 => NormalCountry,
            1 => $"{NormalCountry}-{NormalRegion}",
            _ => $"{NormalCountry}:{NormalPrefix}",
        };
        return Noise == 0 ? text : $"{text}~{Noise}";
    }
}

/// <summary>
/// A lead's location. <see cref="Country"/>: 0..2 = <see cref="Geo.Countries"/>, 3 = "FR" (no rule anywhere), 4 = none,
/// 5 = blank. <see cref="Region"/>: -1 none, 0..1 a region of the country, 2 = "ZZ". <see cref="Postal"/>: -1 none, 0..1 a
/// postcode of the country, cut to <see cref="Length"/> (one more than the code's length appends "9").
/// <see cref="RegionPrefix"/> writes the region as "cc-XX".
/// </summary>
public sealed record LeadSpec(int Country, int Region, int Postal, int Length, int Noise, bool RegionPrefix)
{
    public string? NormalCountry => Country switch
    {
        <= 2 => Geo.Countries[Country],
        3 => "FR",
        _ => null,
    };

    public string? NormalRegion => Region switch
    {
        < 0 => null,
        2 => "ZZ",
        _ => Geo.Regions[Country % 3][Region],
    };

    public string? NormalPostal
    {
        get
        {
            if (Postal < 0)
            {
                return null;
            }

            var code = Geo.Postcodes[Country % 3][Postal];
            return Length > code.Length ? code + "9" : code[..Math.Max(Length, 1)];
        }
    }

    public static Gen<LeadSpec> Generator =>
        from country in Gen.Frequency((14, Gen.Choose(0, 2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)))
        from region in Gen.Frequency((1, Gen.Constant(-1)), (4, Gen.Choose(0, 1)), (1, Gen.Constant(2)))
        from postal in Gen.Frequency((1, Gen.Constant(-1)), (5, Gen.Choose(0, 1)))
        from length in Gen.Choose(1, 8)
        from noise in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 100_000)))
        from regionPrefix in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new LeadSpec(country, region, postal, length, noise, regionPrefix);

    public Lead ToLead(string id, double score = 0) => new(id)
    {
        Score = score,
        Country = Country switch
        {
            <= 3 => Noisy.Country(NormalCountry!, Noise),
            4 => null,
            _ => "  ",
        },
        Region = NormalRegion is { } r
            ? (RegionPrefix && Country <= 3 ? Noisy.Country(NormalCountry!, Noise).Trim() + "-" : string.Empty) + Noisy.Code(r, Noise)
            : null,
        PostalCode = NormalPostal is { } p ? Noisy.Code(p, Noise) : null,
    };

    public IEnumerable<LeadSpec> Shrink()
    {
        if (Noise != 0)
        {
            yield return this with { Noise = 0 };
        }

        if (RegionPrefix)
        {
            yield return this with { RegionPrefix = false };
        }

        foreach (var c in Support.Shrink.Toward(Country, 0))
        {
            yield return this with { Country = c };
        }

        foreach (var r in Support.Shrink.Toward(Region, -1))
        {
            yield return this with { Region = r };
        }

        foreach (var p in Support.Shrink.Toward(Postal, -1))
        {
            yield return this with { Postal = p };
        }

        foreach (var l in Support.Shrink.Toward(Length, 1))
        {
            yield return this with { Length = l };
        }
    }

    public override string ToString()
    {
        var parts = new List<string> { NormalCountry ?? (Country == 4 ? "null" : "blank") };
        if (NormalRegion is { } r)
        {
            parts.Add("region " + (RegionPrefix ? "cc-" : string.Empty) + r);
        }

        if (NormalPostal is { } p)
        {
            parts.Add("postal " + p);
        }

        return string.Join(" ", parts) + (Noise == 0 ? string.Empty : $" ~{Noise}");
    }
}

/// <summary>The naive reference model of the territory filter.</summary>
internal static class TerritoryModel
{
    /// <summary>Whether any of the rules covers the lead.</summary>
    public static bool Covers(IEnumerable<TerritorySpec> rules, LeadSpec lead) => rules.Any(t => t.Covers(lead));

    /// <summary>
    /// Among the candidates' rules that cover the lead, the most specific level wins (longest postal prefix, then region,
    /// then country); returns the candidates owning that rule, empty when no rule covers the lead.
    /// </summary>
    public static HashSet<int> Owners(IReadOnlyList<TerritorySpec[]> reps, Func<int, bool> isCandidate, LeadSpec lead)
    {
        var best = -1;
        var owners = new HashSet<int>();
        for (var i = 0; i < reps.Count; i++)
        {
            if (!isCandidate(i))
            {
                continue;
            }

            foreach (var rule in reps[i])
            {
                if (!rule.Covers(lead))
                {
                    continue;
                }

                if (rule.Rank > best)
                {
                    best = rule.Rank;
                    owners.Clear();
                }

                if (rule.Rank == best)
                {
                    owners.Add(i);
                }
            }
        }

        return owners;
    }
}

/// <summary>Helpers to build engines for scenarios.</summary>
internal static class Build
{
    public static string RepId(int i) => "r" + i.ToString(CultureInfo.InvariantCulture);

    public static int RepIndex(string? id) => id is null ? -1 : int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture);

    /// <summary>An engine over the reps and teams, on the given clock (a fake one by default).</summary>
    /// <param name="reps">The reps.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="teams">The teams, if any.</param>
    /// <param name="time">The clock.</param>
    public static RoutingEngine Engine(IEnumerable<Rep> reps, RoutingPipeline pipeline, IEnumerable<Team>? teams = null, TimeProvider? time = null) =>
        new(new Roster(reps, teams), pipeline, new RoutingEngineOptions { TimeProvider = time ?? new FakeTimeProvider(TestClock.Start) });
}
