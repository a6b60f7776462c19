using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Territories;

namespace LeadRouting.Engine;

/// <summary>Adds territory steps to a pipeline.</summary>
public static class TerritoryPipelineBuilderExtensions
{
    /// <summary>
    /// Adds the territory filter: keeps only reps whose <see cref="Rep.Territories"/> cover the lead, by the most
    /// specific rule that has an owner among the remaining candidates (longest postal prefix, then region, then country).
    /// A lead without the field the rules need is left with no candidate, reason <see cref="RoutingReason.MissingTerritory"/>;
    /// one no rule covers, <see cref="RoutingReason.NoTerritoryMatch"/>. Both go to the pipeline's fallback.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Options; default <see cref="TerritoryStrategyOptions"/> defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The options' <c>Name</c> is empty.</exception>
    public static RoutingPipelineBuilder AddTerritory(this RoutingPipelineBuilder builder, TerritoryStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new TerritoryStrategyOptions();
        StepNames.Validate(options.Name, "TerritoryStrategyOptions.Name");
        return builder.AddStep(new FilterDefinition(options.Name));
    }

    /// <summary>
    /// Adds a territory branch: the most specific route covering the lead sends it to a team (the pipeline continues
    /// with that team's reps) or to a nested pipeline. A lead no route covers goes to the fallback with
    /// <see cref="RoutingReason.NoTerritoryMatch"/> or <see cref="RoutingReason.MissingTerritory"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The routes and name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">No route, a null route, or a territory listed twice; the message names the route.</exception>
    public static RoutingPipelineBuilder AddTerritoryBranch(this RoutingPipelineBuilder builder, TerritoryBranchStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        StepNames.Validate(options.Name, "TerritoryBranchStrategyOptions.Name");
        if (options.Routes.Count == 0)
        {
            throw new ArgumentException("TerritoryBranchStrategyOptions.Routes must have at least one route.", nameof(options));
        }

        var seen = new Dictionary<Territory, int>();
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i] ?? throw new ArgumentException($"TerritoryBranchStrategyOptions.Routes[{i}] is null.", nameof(options));
            if (!seen.TryAdd(route.Territory, i))
            {
                throw new ArgumentException(
                    $"TerritoryBranchStrategyOptions.Routes[{i}].Territory '{route.Territory}' is already routed by Routes[{seen[route.Territory]}].",
                    nameof(options));
            }
        }

        return builder.AddStep(new BranchDefinition(options.Name, [.. options.Routes]));
    }

    private sealed class FilterDefinition(string name) : StepDefinition(name)
    {
        public override CompiledStep CompileStep(CompileContext context, string path) =>
            new TerritoryFilterStep(Name, context.Roster, context.Masks, CompileContext.TokenFor(path));
    }

    private sealed class BranchDefinition(string name, TerritoryRoute[] routes) : StepDefinition(name)
    {
        public override CompiledStep CompileStep(CompileContext context, string path)
        {
            var territories = new Territory[routes.Length];
            var targets = new CompiledTarget[routes.Length];
            for (var i = 0; i < routes.Length; i++)
            {
                territories[i] = routes[i].Territory;
                targets[i] = CompiledTarget.Compile(routes[i].Target, context, $"{path}.Routes[{i}].Target");
            }

            return new TerritoryBranchStep(Name, new TerritoryIndex(territories), targets, territories);
        }
    }
}
