namespace LeadRouting.Engine;

/// <summary>Options of the capacity filter. Caps come from <see cref="Rep.MaxOpenLeads"/> and <see cref="Rep.MaxLeadsPerDay"/>.</summary>
public sealed class CapacityStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"Capacity"</c>.</summary>
    public string Name { get; set; } = Capacity.CapacityConstants.DefaultName;

    /// <summary>
    /// When <see langword="true"/>, keep only the candidates with the fewest open leads (ties stay, for the selector to
    /// rotate among). Default <see langword="false"/>.
    /// </summary>
    public bool PreferLeastLoaded { get; set; }
}
