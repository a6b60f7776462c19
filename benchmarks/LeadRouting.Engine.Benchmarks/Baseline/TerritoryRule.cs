namespace LeadRouting.Engine.Benchmarks.Baseline;

/// <summary>A territory as a hand-written router keeps it: the codes as strings, compared as strings.</summary>
internal sealed record TerritoryRule(string Country, string? Region, string? PostalPrefix)
{
    /// <summary>Higher is more specific: any postal prefix beats a region, a longer prefix beats a shorter one, a region beats the country.</summary>
    public int Specificity => PostalPrefix is not null ? 100 + PostalPrefix.Length : Region is not null ? 1 : 0;

    /// <summary>Whether the rule covers a lead with these normalised codes.</summary>
    public bool Covers(string? country, string? region, string? postalCode) =>
        Country == country
        && (PostalPrefix is not null ? postalCode is not null && postalCode.StartsWith(PostalPrefix, StringComparison.Ordinal)
            : Region is null || Region == region);
}
