using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// Composes a <see cref="RoutingPipeline"/>: filters and branches in order, ending in exactly one selector. Steps are
/// added with the <c>AddXxx</c> extension methods (<c>AddTerritory</c>, <c>AddCapacity</c>, <c>AddWeighted</c>...), each of
/// which validates its options at once. Not thread-safe; refuses changes after <see cref="Build"/>.
/// </summary>
public sealed class RoutingPipelineBuilder
{
    private readonly List<StepDefinition> _steps = [];
    private RoutingFallback? _fallback;
    private bool _built;

    /// <summary>
    /// Sets what happens when the steps leave no candidate. Default: <see cref="RoutingFallback.Unassigned"/> for a
    /// top-level pipeline; a nested pipeline without one uses its parent's.
    /// </summary>
    /// <param name="fallback">The fallback.</param>
    /// <returns>This builder.</returns>
    public RoutingPipelineBuilder WithFallback(RoutingFallback fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ThrowIfBuilt();
        _fallback = fallback;
        return this;
    }

    /// <summary>Validates the composition and returns the immutable pipeline.</summary>
    /// <returns>The pipeline.</returns>
    /// <exception cref="InvalidOperationException">
    /// The pipeline is empty, does not end in a selector, has a selector before its end, or two steps share a name; or
    /// <see cref="Build"/> was already called.
    /// </exception>
    public RoutingPipeline Build()
    {
        ThrowIfBuilt();
        if (_steps.Count == 0 || !_steps[^1].IsSelector)
        {
            throw new InvalidOperationException(
                "A routing pipeline must end in a selector (AddRoundRobin or AddWeighted)"
                + (_steps.Count == 0 ? "; it has no steps." : $"; its last step is '{_steps[^1].Name}'."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _steps.Count; i++)
        {
            if (_steps[i].IsSelector && i != _steps.Count - 1)
            {
                throw new InvalidOperationException(
                    $"Step {i} '{_steps[i].Name}' is a selector; a selector must be the last step of a pipeline.");
            }

            if (!names.Add(_steps[i].Name))
            {
                throw new InvalidOperationException($"Step {i}: Name '{_steps[i].Name}' is used by an earlier step; step names must be unique in a pipeline.");
            }
        }

        _built = true;
        return new RoutingPipeline([.. _steps], _fallback ?? RoutingFallback.Inherit);
    }

    internal RoutingPipelineBuilder AddStep(StepDefinition step)
    {
        ThrowIfBuilt();
        _steps.Add(step);
        return this;
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its pipeline; create a new RoutingPipelineBuilder.");
        }
    }
}
