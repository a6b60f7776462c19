namespace LeadRouting.Engine;

/// <summary>Options of the round-robin selector.</summary>
public sealed class RoundRobinStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"RoundRobin"</c>.</summary>
    public string Name { get; set; } = RoundRobin.RoundRobinConstants.DefaultName;
}
