namespace LeadRouting.Engine.Hosting;

/// <summary>The strategy names a <see cref="StepOptions.Strategy"/> accepts (compared ignoring case).</summary>
public static class RoutingStrategyNames
{
    /// <summary>Branch by score, deal value or company size bands (<c>AddScoreThreshold</c>).</summary>
    public const string ScoreThreshold = "ScoreThreshold";

    /// <summary>Keep the reps whose own territories cover the lead (<c>AddTerritory</c>).</summary>
    public const string Territory = "Territory";

    /// <summary>Branch by the most specific territory route covering the lead (<c>AddTerritoryBranch</c>).</summary>
    public const string TerritoryBranch = "TerritoryBranch";

    /// <summary>Drop reps at their open-lead or daily cap (<c>AddCapacity</c>).</summary>
    public const string Capacity = "Capacity";

    /// <summary>Selector: the eligible rep whose last turn is oldest (<c>AddRoundRobin</c>).</summary>
    public const string RoundRobin = "RoundRobin";

    /// <summary>Selector: smooth weighted round-robin by <see cref="RepOptions.Weight"/> (<c>AddWeighted</c>).</summary>
    public const string Weighted = "Weighted";
}
