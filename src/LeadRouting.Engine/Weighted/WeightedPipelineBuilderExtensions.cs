using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Weighted;

namespace LeadRouting.Engine;

/// <summary>Adds the weighted selector to a pipeline.</summary>
public static class WeightedPipelineBuilderExtensions
{
    /// <summary>
    /// Ends the pipeline with smooth weighted round-robin: each group of peers (the reps a lead can reach through the
    /// team and territory steps) shares leads in proportion to <see cref="Rep.Weight"/>, interleaved rather than in bursts
    /// (weights 5/1/1 give a a b a c a a). A rep of weight 0 is never picked. The cost of a pick does not depend on the
    /// number of reps.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Options; default <see cref="WeightedStrategyOptions"/> defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options' <c>Name</c> is empty.</exception>
    public static RoutingPipelineBuilder AddWeighted(this RoutingPipelineBuilder builder, WeightedStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new WeightedStrategyOptions();
        StepNames.Validate(options.Name, "WeightedStrategyOptions.Name");
        return builder.AddStep(new WeightedDefinition(options.Name));
    }

    private sealed class WeightedDefinition(string name) : StepDefinition(name)
    {
        public override bool IsSelector => true;

        public override CompiledSelector CompileSelector(CompileContext context, string path) =>
            new WeightedSelector(Name, context.PreviousSelector(path) as WeightedSelector);
    }
}
