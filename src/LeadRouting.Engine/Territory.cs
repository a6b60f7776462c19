using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// A geographic territory: a whole country, a region of a country, or the postal codes of a country that start with a prefix.
/// Codes are normalised when the territory is created: letters are upper-cased and spaces and dashes are dropped.
/// </summary>
/// <remarks>
/// When several territories match a lead, the most specific wins: the longest matching postal prefix, then the region,
/// then the country.
/// </remarks>
public sealed class Territory : IEquatable<Territory>
{
    /// <summary>The longest postal prefix accepted.</summary>
    public const int MaxPostalPrefixLength = TerritoryCodes.MaxPostalLength;

    private Territory(TerritoryLevel level, string country, string? region, string? postalPrefix)
    {
        Level = level;
        Country = country;
        Region = region;
        PostalPrefix = postalPrefix;

        // Computed once: a rebuild at 10,000 reps looks up some 300,000 (rep, territory) pairs by territory.
        _hashCode = HashCode.Combine(level, country, region, postalPrefix);
    }

    private readonly int _hashCode;

    /// <summary>How specific the territory is.</summary>
    public TerritoryLevel Level { get; }

    /// <summary>The normalised ISO 3166-1 alpha-2 country code, e.g. <c>"US"</c>.</summary>
    public string Country { get; }

    /// <summary>The normalised region code for <see cref="TerritoryLevel.Region"/>, otherwise <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>The normalised postal prefix for <see cref="TerritoryLevel.PostalPrefix"/>, otherwise <see langword="null"/>.</summary>
    public string? PostalPrefix { get; }

    /// <summary>A whole country.</summary>
    /// <param name="country">Two-letter country code, any case, e.g. <c>"de"</c>.</param>
    /// <exception cref="ArgumentException">The code is not two letters.</exception>
    public static Territory ForCountry(string country) =>
        new(TerritoryLevel.Country, NormalizeCountry(country), null, null);

    /// <summary>A region (state, province, county) of a country.</summary>
    /// <param name="country">Two-letter country code.</param>
    /// <param name="region">Region code, e.g. <c>"CA"</c>; a leading <c>"US-"</c> style country prefix is accepted and dropped.</param>
    /// <exception cref="ArgumentException">A code is malformed.</exception>
    public static Territory ForRegion(string country, string region)
    {
        var c = NormalizeCountry(country);
        var r = TerritoryCodes.NormalizeRegion(c, region)
            ?? throw new ArgumentException($"Region code '{Shown(region)}' must have 1 to {TerritoryCodes.MaxRegionLength} letters or digits.", nameof(region));
        return new(TerritoryLevel.Region, c, r, null);
    }

    /// <summary>The postal codes of a country that start with <paramref name="prefix"/>.</summary>
    /// <param name="country">Two-letter country code.</param>
    /// <param name="prefix">Postal prefix, e.g. <c>"SW1"</c>; spaces and dashes are ignored.</param>
    /// <exception cref="ArgumentException">A code is malformed.</exception>
    public static Territory ForPostalPrefix(string country, string prefix)
    {
        var c = NormalizeCountry(country);
        var p = TerritoryCodes.NormalizePostal(prefix)
            ?? throw new ArgumentException($"Postal prefix '{Shown(prefix)}' must have 1 to {MaxPostalPrefixLength} letters or digits.", nameof(prefix));
        return new(TerritoryLevel.PostalPrefix, c, null, p);
    }

    /// <summary>
    /// Parses the text form: <c>"DE"</c> (country), <c>"US-CA"</c> (region), <c>"GB:SW1"</c> (postal prefix).
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <exception cref="ArgumentException">The text is not one of the three forms.</exception>
    public static Territory Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return ForPostalPrefix(t[..colon], t[(colon + 1)..]);
        }

        var dash = t.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? ForRegion(t[..dash], t[(dash + 1)..]) : ForCountry(t);
    }

    private static string NormalizeCountry(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return TerritoryCodes.CountryIndex(country) >= 0
            ? country.Trim().ToUpperInvariant()
            : throw new ArgumentException($"Country code '{Shown(country)}' must be two letters (ISO 3166-1 alpha-2).", nameof(country));
    }

    /// <summary>A code as an error message shows it: cut short, so a megabyte-long setting does not become a megabyte-long message.</summary>
    private static string Shown(string code) => code.Length <= 40 ? code : string.Concat(code.AsSpan(0, 40), $"... ({code.Length} characters)");

    /// <inheritdoc />
    public bool Equals(Territory? other) =>
        other is not null && _hashCode == other._hashCode && Level == other.Level && Country == other.Country && Region == other.Region && PostalPrefix == other.PostalPrefix;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Territory);

    /// <inheritdoc />
    public override int GetHashCode() => _hashCode;

    /// <summary>The text form accepted by <see cref="Parse"/>.</summary>
    public override string ToString() => Level switch
    {
        TerritoryLevel.Region => $"{Country}-{Region}",
        TerritoryLevel.PostalPrefix => $"{Country}:{PostalPrefix}",
        _ => Country,
    };
}
