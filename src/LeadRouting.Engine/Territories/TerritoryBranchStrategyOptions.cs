namespace LeadRouting.Engine;

/// <summary>Options of the territory branch, which sends a lead to a team or nested pipeline by where it is.</summary>
public sealed class TerritoryBranchStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"TerritoryBranch"</c>.</summary>
    public string Name { get; set; } = Territories.TerritoryConstants.BranchName;

    /// <summary>The routes; the most specific territory covering the lead wins. Each territory at most once. Default: none (at least one is required).</summary>
    public IList<TerritoryRoute> Routes { get; } = [];
}
