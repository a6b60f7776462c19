namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// A validated <see cref="LeadRoutingOptions"/> turned into what the engine takes: roster, pipeline, time zone. Built
/// off the hot path (at start-up and on a reload), then handed to the engine whole.
/// </summary>
internal sealed class RoutingConfiguration
{
    private RoutingConfiguration(LeadRoutingOptions options, Roster roster, RoutingPipeline pipeline, TimeZoneInfo timeZone)
    {
        Options = options;
        Roster = roster;
        Pipeline = pipeline;
        TimeZone = timeZone;
    }

    public LeadRoutingOptions Options { get; }

    public Roster Roster { get; }

    public RoutingPipeline Pipeline { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Builds the engine's objects. Options that passed validation always build.</summary>
    /// <exception cref="ArgumentException">Something the validator did not catch; the engine's message names it.</exception>
    /// <exception cref="InvalidOperationException">A pipeline the builder refuses; the message names it.</exception>
    /// <exception cref="TimeZoneNotFoundException">The time zone is unknown.</exception>
    public static RoutingConfiguration From(LeadRoutingOptions options)
    {
        var reps = new Rep[options.Reps.Count];
        for (var i = 0; i < reps.Length; i++)
        {
            var r = options.Reps[i];
            var territories = new Territory[r.Territories.Count];
            for (var t = 0; t < territories.Length; t++)
            {
                territories[t] = Territory.Parse(r.Territories[t]);
            }

            reps[i] = new Rep(r.Id)
            {
                DisplayName = r.DisplayName,
                Weight = r.Weight,
                MaxOpenLeads = r.MaxOpenLeads,
                MaxLeadsPerDay = r.MaxLeadsPerDay,
                Territories = territories,
                Skills = [.. r.Skills],
                IsActive = r.IsActive,
                Seniority = r.Seniority,
            };
        }

        var teams = new Team[options.Teams.Count];
        for (var i = 0; i < teams.Length; i++)
        {
            var t = options.Teams[i];
            teams[i] = new Team(t.Id, t.Members) { DisplayName = t.DisplayName };
        }

        return new RoutingConfiguration(
            options,
            new Roster(reps, teams),
            BuildPipeline(options.Pipeline),
            TimeZoneInfo.FindSystemTimeZoneById(options.DayBoundaryTimeZone.Trim()));
    }

    private static RoutingPipeline BuildPipeline(PipelineOptions options)
    {
        var builder = new RoutingPipelineBuilder();
        foreach (var step in options.Steps)
        {
            var strategy = StrategyCatalog.Canonical(step.Strategy)
                ?? throw new ArgumentException($"Unknown strategy '{step.Strategy}'.", nameof(options));
            var name = step.Name ?? strategy;
            switch (strategy)
            {
                case RoutingStrategyNames.ScoreThreshold:
                    builder.AddScoreThreshold(ScoreThreshold(step, name));
                    break;
                case RoutingStrategyNames.Territory:
                    builder.AddTerritory(new TerritoryStrategyOptions { Name = name });
                    break;
                case RoutingStrategyNames.TerritoryBranch:
                    var branch = new TerritoryBranchStrategyOptions { Name = name };
                    foreach (var route in step.Routes)
                    {
                        branch.Routes.Add(new TerritoryRoute(Territory.Parse(route.Territory), Target(route)));
                    }

                    builder.AddTerritoryBranch(branch);
                    break;
                case RoutingStrategyNames.Capacity:
                    builder.AddCapacity(new CapacityStrategyOptions { Name = name, PreferLeastLoaded = step.PreferLeastLoaded ?? false });
                    break;
                case RoutingStrategyNames.RoundRobin:
                    builder.AddRoundRobin(new RoundRobinStrategyOptions { Name = name });
                    break;
                default:
                    builder.AddWeighted(new WeightedStrategyOptions { Name = name });
                    break;
            }
        }

        if (options.Fallback is { } fallback)
        {
            builder.WithFallback(
                fallback.Team is not null ? RoutingFallback.ToTeam(fallback.Team)
                : fallback.Rep is not null ? RoutingFallback.ToRep(fallback.Rep)
                : RoutingFallback.Unassigned);
        }

        return builder.Build();
    }

    private static ScoreThresholdStrategyOptions ScoreThreshold(StepOptions step, string name)
    {
        if (!StrategyCatalog.TryParseMeasure(step.Measure, out var measure))
        {
            throw new ArgumentException($"Unknown measure '{step.Measure}'.", nameof(step));
        }

        var options = new ScoreThresholdStrategyOptions { Name = name, Measure = measure };
        foreach (var band in step.Bands)
        {
            options.Bands.Add(new ScoreBand(band.Minimum ?? double.NaN, Target(band)));
        }

        options.BelowLowest = step.BelowLowest is null ? null : Target(step.BelowLowest);
        return options;
    }

    private static RoutingTarget Target(RoutingTargetOptions target) => (target.Team, target.Pipeline) switch
    {
        (not null, not null) => RoutingTarget.Team(target.Team, BuildPipeline(target.Pipeline)),
        (not null, null) => RoutingTarget.Team(target.Team),
        (null, not null) => RoutingTarget.To(BuildPipeline(target.Pipeline)),
        _ => throw new ArgumentException("A target needs a Team or a Pipeline.", nameof(target)),
    };
}
