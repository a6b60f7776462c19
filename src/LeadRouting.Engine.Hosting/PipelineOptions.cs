using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using LeadRouting.Engine.Hosting.Internal;

namespace LeadRouting.Engine.Hosting;

/// <summary>A routing pipeline, as data: steps in order, ending in one selector, and a fallback; becomes a <see cref="RoutingPipeline"/>.</summary>
public sealed class PipelineOptions
{
    /// <summary>
    /// The steps, in order: filters and branches (<c>ScoreThreshold</c>, <c>Territory</c>, <c>TerritoryBranch</c>,
    /// <c>Capacity</c>) then exactly one selector (<c>RoundRobin</c> or <c>Weighted</c>) as the last step.
    /// Default: none; at least one (the selector) is required.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MinLengthOfList.Justification)]
    [MinLength(1, ErrorMessage = "a pipeline needs at least one step, and its last step must be a selector (RoundRobin or Weighted).")]
    public IList<StepOptions> Steps { get; } = [];

    /// <summary>
    /// What happens when the steps leave no candidate. Default <see langword="null"/>: a top-level pipeline returns the
    /// lead unassigned, a nested pipeline uses its parent's fallback.
    /// </summary>
    public FallbackOptions? Fallback { get; set; }
}
