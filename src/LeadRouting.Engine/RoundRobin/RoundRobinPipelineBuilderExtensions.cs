using LeadRouting.Engine.Internal;
using LeadRouting.Engine.RoundRobin;

namespace LeadRouting.Engine;

/// <summary>Adds the round-robin selector to a pipeline.</summary>
public static class RoundRobinPipelineBuilderExtensions
{
    /// <summary>
    /// Ends the pipeline with round-robin: among the remaining candidates, the rep whose last rotation turn is the oldest
    /// gets the lead (a rep never assigned goes first; ties go to roster order). Weights are ignored.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Options; default <see cref="RoundRobinStrategyOptions"/> defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options' <c>Name</c> is empty.</exception>
    public static RoutingPipelineBuilder AddRoundRobin(this RoutingPipelineBuilder builder, RoundRobinStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new RoundRobinStrategyOptions();
        StepNames.Validate(options.Name, "RoundRobinStrategyOptions.Name");
        return builder.AddStep(new RoundRobinDefinition(options.Name));
    }

    private sealed class RoundRobinDefinition(string name) : StepDefinition(name)
    {
        public override bool IsSelector => true;

        public override CompiledSelector CompileSelector(CompileContext context, string path) => new RoundRobinSelector(Name);
    }
}
