namespace LeadRouting.Engine.Internal;

/// <summary>A pipeline bound to one snapshot: filters, then one selector, and what to do when nobody is left.</summary>
internal sealed class CompiledPipeline(CompiledStep[] steps, CompiledSelector selector, CompiledFallback fallback)
{
    public CompiledStep[] Steps { get; } = steps;

    public CompiledSelector Selector { get; } = selector;

    public CompiledFallback Fallback { get; } = fallback;
}
