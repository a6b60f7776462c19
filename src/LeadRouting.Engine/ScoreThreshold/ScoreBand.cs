namespace LeadRouting.Engine;

/// <summary>
/// One band of a threshold step: leads whose measure is at least <see cref="Minimum"/> (inclusive) and below the next
/// band's minimum (exclusive) go to <see cref="Target"/>.
/// </summary>
public sealed class ScoreBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="minimum">The inclusive lower bound.</param>
    /// <param name="target">Where the band's leads go.</param>
    public ScoreBand(double minimum, RoutingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Minimum = minimum;
        Target = target;
    }

    /// <summary>The inclusive lower bound.</summary>
    public double Minimum { get; }

    /// <summary>Where the band's leads go.</summary>
    public RoutingTarget Target { get; }

    /// <inheritdoc />
    public override string ToString() => $">= {Minimum}: {Target}";
}
