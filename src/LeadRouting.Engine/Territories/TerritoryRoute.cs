namespace LeadRouting.Engine;

/// <summary>One route of a territory branch: leads in <see cref="Territory"/> go to <see cref="Target"/>.</summary>
public sealed class TerritoryRoute
{
    /// <summary>Creates a route.</summary>
    /// <param name="territory">The territory.</param>
    /// <param name="target">Where its leads go.</param>
    public TerritoryRoute(Territory territory, RoutingTarget target)
    {
        ArgumentNullException.ThrowIfNull(territory);
        ArgumentNullException.ThrowIfNull(target);
        Territory = territory;
        Target = target;
    }

    /// <summary>The territory.</summary>
    public Territory Territory { get; }

    /// <summary>Where its leads go.</summary>
    public RoutingTarget Target { get; }
}
