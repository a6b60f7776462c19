namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>The strategy names of <see cref="StepOptions.Strategy"/>, and what each accepts.</summary>
internal static class StrategyCatalog
{
    public static readonly string[] All =
    [
        RoutingStrategyNames.ScoreThreshold, RoutingStrategyNames.Territory, RoutingStrategyNames.TerritoryBranch,
        RoutingStrategyNames.Capacity, RoutingStrategyNames.RoundRobin, RoutingStrategyNames.Weighted,
    ];

    public static readonly string[] Measures = Enum.GetNames<LeadMeasure>();

    /// <summary>The canonical name of a strategy written in any case, or <see langword="null"/> when there is none.</summary>
    public static string? Canonical(string? strategy)
    {
        foreach (var name in All)
        {
            if (string.Equals(name, strategy?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    public static bool IsSelector(string canonical) =>
        canonical is RoutingStrategyNames.RoundRobin or RoutingStrategyNames.Weighted;

    /// <summary>The measure named in any case; only names, never numbers (which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would accept).</summary>
    public static bool TryParseMeasure(string? text, out LeadMeasure measure)
    {
        measure = LeadMeasure.Score;
        if (text is null)
        {
            return true;
        }

        foreach (var name in Measures)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                measure = Enum.Parse<LeadMeasure>(name);
                return true;
            }
        }

        return false;
    }
}
