using System.Collections.Immutable;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// An ordered, validated composition of routing steps ending in a selector. Immutable and independent of any roster:
/// an engine binds it to its roster when built and again on every roster replacement. Create one with
/// <see cref="RoutingPipelineBuilder"/>.
/// </summary>
public sealed class RoutingPipeline
{
    internal RoutingPipeline(ImmutableArray<StepDefinition> steps, RoutingFallback fallback)
    {
        Steps = steps;
        Fallback = fallback;
    }

    internal ImmutableArray<StepDefinition> Steps { get; }

    internal RoutingFallback Fallback { get; }

    /// <summary>The step names, in order (the last is the selector).</summary>
    public IEnumerable<string> StepNames
    {
        get
        {
            foreach (var s in Steps)
            {
                yield return s.Name;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Fallback.Kind == FallbackKind.Inherit ? string.Join(" -> ", StepNames) : $"{string.Join(" -> ", StepNames)} (fallback: {Fallback})";
}
