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
        if (code.Length != 2)
        {
            // Trimmed only when needed: every route reads the lead's country, nearly always two bare letters.
            code = code.Trim();
            if (code.Length != 2)
            {
                return -1;
            }
        }

        var a = Letter(code[0]);
        var b = Letter(code[1]);
        return a < 0 || b < 0 ? -1 : (a * 26) + b;
    }

    /// <summary>Letters and digits to 0..35 (digits first); -1 for characters that are skipped (space, dash, dot); -2 for anything else.</summary>
    public static int Symbol(char c) => c < 128 ? SymbolTable[c] : -2;

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
        return Compact(trimmed, MaxRegionLength);
    }

    public static string? NormalizePostal(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Compact(prefix, MaxPostalLength);
    }

    /// <summary>The letters and digits of <paramref name="text"/>, upper-cased; null when it has other characters, none, or more than <paramref name="maxLength"/>.</summary>
    private static string? Compact(ReadOnlySpan<char> text, int maxLength)
    {
        // Sized by the longest code, never by the input: a stack allocation sized by an over-long setting ended the process.
        Span<char> buffer = stackalloc char[MaxPostalLength];
        var n = 0;
        foreach (var c in text)
        {
            var s = Symbol(c);
            if (s == -1)
            {
                continue;
            }

            if (s < 0 || n == maxLength)
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

    private static int Letter(char c) => c < 128 && SymbolTable[c] >= 10 ? SymbolTable[c] - 10 : -1;

    /// <summary>
    /// <see cref="Symbol"/> of each ASCII character, one load instead of a chain of range tests per character of a postal
    /// code (the route packs every code it routes): digits 0-9, letters (either case) 10-35, space, tab, dash and dot -1,
    /// the rest -2.
    /// </summary>
    private static ReadOnlySpan<sbyte> SymbolTable =>
    [
        -2, -2, -2, -2, -2, -2, -2, -2, -2, -1, -2, -2, -2, -2, -2, -2, // 0x00, tab at 0x09
        -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, // 0x10
        -1, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2, -1, -1, -2, // 0x20: space, '-', '.'
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -2, -2, -2, -2, -2, -2, // 0x30: digits
        -2, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, // 0x40: '@', A-O
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -2, -2, -2, -2, -2, // 0x50: P-Z
        -2, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, // 0x60: '`', a-o
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -2, -2, -2, -2, -2, // 0x70: p-z
    ];
}
