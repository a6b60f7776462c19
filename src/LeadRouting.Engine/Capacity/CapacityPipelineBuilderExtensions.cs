using LeadRouting.Engine.Capacity;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>Adds the capacity filter to a pipeline.</summary>
public static class CapacityPipelineBuilderExtensions
{
    /// <summary>
    /// Adds the capacity filter: drops candidates at their open-lead or daily cap (the day ends at midnight in
    /// <see cref="RoutingEngineOptions.DayBoundaryTimeZone"/>), and with <see cref="CapacityStrategyOptions.PreferLeastLoaded"/>
    /// makes the selector prefer the final candidates with the fewest open leads. When nobody is left the reason is <see cref="RoutingReason.AllAtCapacity"/>.
    /// Caps are enforced on every assignment anyway; this step makes "everyone is full" an explicit, early outcome.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Options; default <see cref="CapacityStrategyOptions"/> defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options' <c>Name</c> is empty.</exception>
    public static RoutingPipelineBuilder AddCapacity(this RoutingPipelineBuilder builder, CapacityStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new CapacityStrategyOptions();
        StepNames.Validate(options.Name, "CapacityStrategyOptions.Name");
        return builder.AddStep(new Definition(options.Name, options.PreferLeastLoaded));
    }

    private sealed class Definition(string name, bool preferLeastLoaded) : StepDefinition(name)
    {
        public override CompiledStep CompileStep(CompileContext context, string path) => new CapacityFilterStep(Name, preferLeastLoaded);
    }
}
