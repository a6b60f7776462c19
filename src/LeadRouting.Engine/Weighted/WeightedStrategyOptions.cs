namespace LeadRouting.Engine;

/// <summary>Options of the weighted selector. Weights come from <see cref="Rep.Weight"/>.</summary>
public sealed class WeightedStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"Weighted"</c>.</summary>
    public string Name { get; set; } = Weighted.WeightedConstants.DefaultName;
}
