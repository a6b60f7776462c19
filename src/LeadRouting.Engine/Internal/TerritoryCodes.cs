namespace LeadRouting.Engine.Internal;

/// <summary>
/// Normalisation of territory codes into small integers, done without allocating so it can run per route.
/// </summary>
internal static class TerritoryCodes
{
    public const int MaxRegionLength = 8;
    public const int MaxPostalLength = 16;
    public const int CountryCount = 26 * 26;

    /// <summary>Two letters (any case, surrounding white space ignored) to 0..675; -1 when not two letters.</summary>
    public static int CountryIndex(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        if (code.Length != 2)
        {
            return -1;
        }

        var a = Letter(code[0]);
        var b = Letter(code[1]);
        return a < 0 || b < 0 ? -1 : (a * 26) + b;
    }

    /// <summary>Letters and digits to 0..35 (digits first); -1 for characters that are skipped (space, dash, dot); -2 for anything else.</summary>
    public static int Symbol(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        var l = Letter(c);
        if (l >= 0)
        {
            return 10 + l;
        }

        return c is ' ' or '-' or '.' or '\t' ? -1 : -2;
    }

    /// <summary>
    /// Packs a region code into a 64-bit key unique per (country, region); -1 when the code is empty, too long or has
    /// other characters. A leading "CC-" naming the same country is dropped.
    /// </summary>
    public static long RegionKey(int countryIndex, ReadOnlySpan<char> region)
    {
        region = StripCountryPrefix(countryIndex, region.Trim());
        long packed = 0;
        var length = 0;
        foreach (var c in region)
        {
            var s = Symbol(c);
            if (s == -1)
            {
                continue;
            }

            if (s < 0 || ++length > MaxRegionLength)
            {
                return -1;
            }

            packed = (packed * 37) + s + 1;
        }

        return length == 0 ? -1 : ((long)countryIndex << 44) | packed;
    }

    public static string? NormalizeRegion(string country, string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var countryIndex = CountryIndex(country);
        if (RegionKey(countryIndex, region) < 0)
        {
            return null;
        }

        var trimmed = StripCountryPrefix(countryIndex, region.AsSpan().Trim());
        return Compact(trimmed);
    }

    public static string? NormalizePostal(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var s = Compact(prefix);
        return s is null || s.Length > MaxPostalLength ? null : s;
    }

    private static string? Compact(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            var s = Symbol(c);
            if (s == -1)
            {
                continue;
            }

            if (s < 0)
            {
                return null;
            }

            buffer[n++] = char.ToUpperInvariant(c);
        }

        return n == 0 ? null : new string(buffer[..n]);
    }

    /// <summary>Drops a leading "CC-" naming the same country; an empty span when it names another country.</summary>
    private static ReadOnlySpan<char> StripCountryPrefix(int countryIndex, ReadOnlySpan<char> region)
    {
        if (region.Length > 3 && region[2] == '-')
        {
            var prefix = CountryIndex(region[..2]);
            if (prefix == countryIndex)
            {
                return region[3..];
            }

            if (prefix >= 0)
            {
                return [];
            }
        }

        return region;
    }

    private static int Letter(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        _ => -1,
    };
}
