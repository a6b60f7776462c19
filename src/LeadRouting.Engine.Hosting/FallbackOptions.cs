namespace LeadRouting.Engine.Hosting;

/// <summary>
/// A pipeline's fallback, as data: set exactly one of <see cref="Team"/>, <see cref="Rep"/> or <see cref="Unassigned"/>;
/// becomes a <see cref="RoutingFallback"/>.
/// </summary>
public sealed class FallbackOptions
{
    /// <summary>Give the lead to this team's active members in round-robin rotation, within their caps. Default <see langword="null"/>.</summary>
    public string? Team { get; set; }

    /// <summary>Give the lead to this rep, if active and within caps. Default <see langword="null"/>.</summary>
    public string? Rep { get; set; }

    /// <summary>
    /// Return the lead unassigned (useful in a nested pipeline, to not use the parent's fallback). Default
    /// <see langword="false"/>.
    /// </summary>
    public bool Unassigned { get; set; }
}
