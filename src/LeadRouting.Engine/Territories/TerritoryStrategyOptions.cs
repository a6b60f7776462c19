namespace LeadRouting.Engine;

/// <summary>Options of the territory filter, which matches leads against the reps' own <see cref="Rep.Territories"/>.</summary>
public sealed class TerritoryStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"Territory"</c>.</summary>
    public string Name { get; set; } = Territories.TerritoryConstants.FilterName;
}
