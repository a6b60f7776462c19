using System.ComponentModel.DataAnnotations;

namespace LeadRouting.Engine.Hosting;

/// <summary>
/// One band of a <c>ScoreThreshold</c> step, as data: leads whose measure is at least <see cref="Minimum"/> and below
/// the next band's minimum go to the band's <see cref="RoutingTargetOptions.Team"/> and/or
/// <see cref="RoutingTargetOptions.Pipeline"/>; becomes a <see cref="ScoreBand"/>.
/// </summary>
public sealed class ScoreBandOptions : RoutingTargetOptions
{
    /// <summary>The inclusive lower bound; a finite number greater than the previous band's. Required; no default.</summary>
    [Required(ErrorMessage = "is required: the band's inclusive lower bound.")]
    public double? Minimum { get; set; }
}
