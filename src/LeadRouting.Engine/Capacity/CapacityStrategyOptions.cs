namespace LeadRouting.Engine;

/// <summary>Options of the capacity filter. Caps come from <see cref="Rep.MaxOpenLeads"/> and <see cref="Rep.MaxLeadsPerDay"/>.</summary>
public sealed class CapacityStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"Capacity"</c>.</summary>
    public string Name { get; set; } = Capacity.CapacityConstants.DefaultName;

    /// <summary>
    /// When <see langword="true"/>, the pipeline's selector is offered the final candidates with the fewest open leads
    /// first (it rotates among ties); only if it can pick none of them (weight 0, or they fill up concurrently) is it
    /// offered the next-least-loaded, and so on. Default <see langword="false"/>.
    /// </summary>
    public bool PreferLeastLoaded { get; set; }
}
