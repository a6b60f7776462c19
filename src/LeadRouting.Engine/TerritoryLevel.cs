namespace LeadRouting.Engine;

/// <summary>How specific a <see cref="Territory"/> is; a more specific match wins over a less specific one.</summary>
public enum TerritoryLevel
{
    /// <summary>A whole country.</summary>
    Country = 0,

    /// <summary>A region of a country.</summary>
    Region = 1,

    /// <summary>A postal-code prefix within a country; among prefixes, the longest match wins.</summary>
    PostalPrefix = 2,
}
