using System.ComponentModel.DataAnnotations;

namespace LeadRouting.Engine.Hosting;

/// <summary>
/// One pipeline step, as data: a <see cref="Strategy"/> name and the settings that strategy reads. Settings another
/// strategy reads are rejected by validation rather than ignored, so a misplaced setting is noticed.
/// </summary>
public sealed class StepOptions
{
    /// <summary>
    /// The strategy, one of <see cref="RoutingStrategyNames"/>: <c>ScoreThreshold</c>, <c>Territory</c>,
    /// <c>TerritoryBranch</c>, <c>Capacity</c>, <c>RoundRobin</c>, <c>Weighted</c> (case is ignored). Required; no default.
    /// </summary>
    [Required(ErrorMessage = "is required: one of ScoreThreshold, Territory, TerritoryBranch, Capacity, RoundRobin, Weighted.")]
    public string Strategy { get; set; } = string.Empty;

    /// <summary>
    /// The step's name in decisions (<see cref="RoutingDecision.StepName"/>); unique within its pipeline. Default
    /// <see langword="null"/>, meaning the strategy's name (e.g. <c>"Weighted"</c>).
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// <c>ScoreThreshold</c> only: the value of the lead compared with the bands, one of <see cref="LeadMeasure"/>'s
    /// names: <c>Score</c>, <c>DealValue</c>, <c>CompanySize</c>. Default <see langword="null"/>, meaning <c>Score</c>.
    /// </summary>
    public string? Measure { get; set; }

    /// <summary>
    /// <c>ScoreThreshold</c> only (and required there): the bands, from the lowest <see cref="ScoreBandOptions.Minimum"/>
    /// to the highest, strictly ascending. Default: none.
    /// </summary>
    public IList<ScoreBandOptions> Bands { get; } = [];

    /// <summary>
    /// <c>ScoreThreshold</c> only: where leads below the lowest band go. Default <see langword="null"/>: they are
    /// disqualified (<see cref="RoutingReason.BelowThreshold"/>).
    /// </summary>
    public RoutingTargetOptions? BelowLowest { get; set; }

    /// <summary><c>TerritoryBranch</c> only (and required there): the routes; the most specific territory covering the lead wins. Default: none.</summary>
    public IList<TerritoryRouteOptions> Routes { get; } = [];

    /// <summary>
    /// <c>Capacity</c> only: offer the selector the candidates with the fewest open leads first. Default
    /// <see langword="null"/>, meaning <see langword="false"/>.
    /// </summary>
    public bool? PreferLeastLoaded { get; set; }
}
