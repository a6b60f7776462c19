namespace LeadRouting.Engine.Internal;

/// <summary>A pipeline bound to one snapshot: filters, then one selector, and what to do when nobody is left.</summary>
internal sealed class CompiledPipeline(CompiledStep[] steps, CompiledSelector selector, CompiledFallback fallback)
{
    public CompiledStep[] Steps { get; } = steps;

    public CompiledSelector Selector { get; } = selector;

    public CompiledFallback Fallback { get; } = fallback;

    /// <summary>
    /// The last step is a capacity check without least-loaded preference, so only the selector follows it: the route may
    /// check the caps of the reps the selector proposes, in turn, instead of every candidate's first. Same decisions: a
    /// full rep is dropped before its turn is taken either way, and the selector proposes the same reps in the same order.
    /// </summary>
    public bool DefersCapacity { get; } = steps.Length > 0 && steps[^1] is Capacity.CapacityFilterStep { PreferLeastLoaded: false };
}
