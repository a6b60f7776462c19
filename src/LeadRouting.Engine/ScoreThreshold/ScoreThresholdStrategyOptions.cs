namespace LeadRouting.Engine;

/// <summary>Options of the threshold step, which sends a lead to a band's team or pipeline by its score, deal value or company size.</summary>
public sealed class ScoreThresholdStrategyOptions
{
    /// <summary>The step's name in decisions and explanations. Default <c>"ScoreThreshold"</c>.</summary>
    public string Name { get; set; } = ScoreThreshold.ScoreThresholdConstants.DefaultName;

    /// <summary>Which value of the lead is compared. Default <see cref="LeadMeasure.Score"/>.</summary>
    public LeadMeasure Measure { get; set; } = LeadMeasure.Score;

    /// <summary>
    /// The bands, listed from the lowest <see cref="ScoreBand.Minimum"/> to the highest (strictly ascending). Each band
    /// covers [its minimum, the next band's minimum); the last is unbounded above. Default: none (at least one is required).
    /// </summary>
    public IList<ScoreBand> Bands { get; } = [];

    /// <summary>
    /// Where leads below the lowest band go. Default <see langword="null"/>: they are disqualified with
    /// <see cref="RoutingReason.BelowThreshold"/>. Set a team (e.g. nurture) to route them instead.
    /// </summary>
    public RoutingTarget? BelowLowest { get; set; }
}
