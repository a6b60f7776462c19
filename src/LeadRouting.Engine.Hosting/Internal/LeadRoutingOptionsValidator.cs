using System.Security;
using Microsoft.Extensions.Options;

namespace LeadRouting.Engine.Hosting.Internal;

/// <summary>
/// Validates a whole <see cref="LeadRoutingOptions"/> and reports every problem at once, each prefixed with the
/// configuration path of the offending value (<c>LeadRouting:Teams:2:Members:0: ...</c>): the generated data-annotation
/// rules of every node, then the rules across fields (unknown references, duplicates, band order, strategy names, time
/// zone, the selector at the end of each pipeline), then settings the options have no property for and values the binder could not read.
/// When the configuration holds values the binder could not read or values of the wrong shape, only the configuration's
/// problems are reported: the bound options lack what the binder dropped, so rules across fields would judge something
/// that is not the configuration.
/// </summary>
internal sealed class LeadRoutingOptionsValidator(LeadRoutingSources sources, IServiceProvider services) : IValidateOptions<LeadRoutingOptions>
{
    /// <summary>Longest id, display name, skill or step name: far above any real one, far below what would slow start-up.</summary>
    public const int MaxTextLength = 256;

    /// <summary>
    /// Longest territory text checked before parsing: a two-letter country, a separator and a postal prefix or region with
    /// room for spaces. The length is refused here, before the engine's parser sees it.
    /// </summary>
    public const int MaxTerritoryLength = 64;

    /// <summary>Longest time zone id looked up; real ids are under 40 characters.</summary>
    private const int MaxTimeZoneLength = 128;

    private static readonly string StrategyList = string.Join(", ", StrategyCatalog.All);
    private static readonly LeadRoutingOptionsAnnotations LeadRoutingOptionsRules = new();
    private static readonly RepOptionsAnnotations RepOptionsRules = new();
    private static readonly TeamOptionsAnnotations TeamOptionsRules = new();
    private static readonly PipelineOptionsAnnotations PipelineOptionsRules = new();
    private static readonly StepOptionsAnnotations StepOptionsRules = new();
    private static readonly ScoreBandOptionsAnnotations ScoreBandOptionsRules = new();
    private static readonly TerritoryRouteOptionsAnnotations TerritoryRouteOptionsRules = new();

    public ValidateOptionsResult Validate(string? name, LeadRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        var root = sources.PathOf(name);
        var shape = new List<string>();
        if (sources.SectionOf(name, services) is { } section && ConfigurationShapeCheck.Run(section, shape))
        {
            return ValidateOptionsResult.Fail(shape);
        }

        if (ConfigurationBinding.FailureOf(options) is { } bindingFailure)
        {
            return ValidateOptionsResult.Fail([.. shape, $"{root}: {bindingFailure.Message}"]);
        }

        var walk = new Walk(root);
        walk.Check(options);
        walk.Errors.AddRange(shape);
        if (walk.Errors.Count == 0)
        {
            // The rules above are meant to be complete; should one be missing, the roster's and the pipeline builder's own
            // checks still answer here. No engine is built: it would publish a meter for a configuration that never routes.
            try
            {
                _ = RoutingConfiguration.From(options);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeZoneNotFoundException)
            {
                walk.Errors.Add($"{walk.Root}: {ex.Message}");
            }
        }

        return walk.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(walk.Errors);
    }

    private sealed class Walk(string root)
    {
        private readonly HashSet<string> _repIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _teamIds = new(StringComparer.Ordinal);

        /// <summary>The pipelines being checked, outermost first: options built in code could nest a pipeline in itself.</summary>
        private readonly HashSet<PipelineOptions> _enclosing = new(ReferenceEqualityComparer.Instance);

        public string Root { get; } = root;

        public List<string> Errors { get; } = [];

        public void Check(LeadRoutingOptions options)
        {
            Annotations(Root, LeadRoutingOptionsRules.Validate(Root, options));
            CheckTimeZone(options.DayBoundaryTimeZone);
            CheckReps(options.Reps);
            CheckTeams(options.Teams);
            if (options.Pipeline is { } pipeline)
            {
                CheckPipeline(pipeline, Path(Root, nameof(LeadRoutingOptions.Pipeline)));
            }
        }

        private static string Path(string parent, string child) => parent.Length == 0 ? child : $"{parent}:{child}";

        private static string Path(string parent, string child, int index) => $"{Path(parent, child)}:{index}";

        /// <summary>The generated validators report "Member: message"; this puts the node's path in front of the member.</summary>
        private void Annotations(string path, ValidateOptionsResult result)
        {
            if (!result.Failed || result.Failures is null)
            {
                return;
            }

            foreach (var failure in result.Failures)
            {
                var colon = failure.IndexOf(": ", StringComparison.Ordinal);
                if (colon <= 0)
                {
                    Errors.Add($"{path}: {failure}");
                    continue;
                }

                // The generated [Range] ignores ErrorMessage (dotnet/runtime#123137) and says "The field <node>.<member> must
                // be between ..."; the path already names the field.
                var member = failure[..colon];
                var message = failure[(colon + 2)..].Replace($"The field {path}.{member} ", string.Empty, StringComparison.Ordinal);
                Errors.Add($"{Path(path, member)}: {message}");
            }
        }

        private void CheckTimeZone(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return;
            }

            var path = Path(Root, nameof(LeadRoutingOptions.DayBoundaryTimeZone));
            if (id.Length > MaxTimeZoneLength)
            {
                Errors.Add($"{path}: unknown time zone {ConfigurationShapeCheck.Show(id)}; use an IANA id such as \"Europe/Berlin\" or \"UTC\".");
                return;
            }

            try
            {
                _ = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or SecurityException or UnauthorizedAccessException or IOException or ArgumentException)
            {
                // An id naming a folder of the zone database ("America") is reported by the runtime as a SecurityException.
                Errors.Add($"{path}: unknown time zone {ConfigurationShapeCheck.Show(id)}; use an IANA id such as \"Europe/Berlin\" or \"UTC\".");
            }
        }

        private void CheckReps(IList<RepOptions> reps)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < reps.Count; i++)
            {
                var path = Path(Root, nameof(LeadRoutingOptions.Reps), i);
                if (reps[i] is not { } rep)
                {
                    Errors.Add($"{path}: is empty.");
                    continue;
                }

                Annotations(path, RepOptionsRules.Validate(path, rep));
                CheckCap(rep.MaxOpenLeads, Path(path, nameof(RepOptions.MaxOpenLeads)));
                CheckCap(rep.MaxLeadsPerDay, Path(path, nameof(RepOptions.MaxLeadsPerDay)));
                CheckDisplayName(rep.DisplayName, Path(path, nameof(RepOptions.DisplayName)));
                for (var k = 0; k < rep.Skills.Count; k++)
                {
                    var skillPath = Path(path, nameof(RepOptions.Skills), k);
                    if (string.IsNullOrWhiteSpace(rep.Skills[k]))
                    {
                        Errors.Add($"{skillPath}: is empty; write a skill such as \"de\".");
                    }
                    else
                    {
                        CheckLength(rep.Skills[k], skillPath);
                    }
                }

                if (!string.IsNullOrWhiteSpace(rep.Id) && CheckLength(rep.Id, Path(path, nameof(RepOptions.Id))))
                {
                    if (first.TryGetValue(rep.Id, out var earlier))
                    {
                        Errors.Add($"{Path(path, nameof(RepOptions.Id))}: duplicate rep id '{rep.Id}', already used by {Path(Root, nameof(LeadRoutingOptions.Reps), earlier)}.");
                    }
                    else
                    {
                        first.Add(rep.Id, i);
                        _repIds.Add(rep.Id);
                    }
                }

                for (var t = 0; t < rep.Territories.Count; t++)
                {
                    CheckTerritory(rep.Territories[t], Path(path, nameof(RepOptions.Territories), t));
                }
            }
        }

        private Territory? CheckTerritory(string? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Errors.Add($"{path}: is empty; write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).");
                return null;
            }

            if (text.Length > MaxTerritoryLength)
            {
                Errors.Add($"{path}: {ConfigurationShapeCheck.Show(text)} is not a territory (longer than {MaxTerritoryLength} characters); write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).");
                return null;
            }

            try
            {
                return Territory.Parse(text);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
            {
                var reason = ex is ArgumentException { ParamName: { } param } ? ex.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal) : ex.Message;
                Errors.Add($"{path}: {ConfigurationShapeCheck.Show(text)} is not a territory ({reason.TrimEnd('.')}); write \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).");
                return null;
            }
        }

        private void CheckCap(int? cap, string path)
        {
            if (cap > Rep.MaxCap)
            {
                Errors.Add($"{path}: must be at most {Rep.MaxCap}; leave it out for no cap.");
            }
        }

        private void CheckDisplayName(string? displayName, string path)
        {
            if (displayName is not null && string.IsNullOrWhiteSpace(displayName))
            {
                Errors.Add($"{path}: must not be empty; leave it out to show the Id.");
            }
            else if (displayName is not null)
            {
                CheckLength(displayName, path);
            }
        }

        /// <summary>Reports text longer than <see cref="MaxTextLength"/>; returns whether it is within it.</summary>
        private bool CheckLength(string text, string path)
        {
            if (text.Length <= MaxTextLength)
            {
                return true;
            }

            Errors.Add($"{path}: is {text.Length} characters long; at most {MaxTextLength}.");
            return false;
        }

        private void CheckTeams(IList<TeamOptions> teams)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < teams.Count; i++)
            {
                var path = Path(Root, nameof(LeadRoutingOptions.Teams), i);
                if (teams[i] is not { } team)
                {
                    Errors.Add($"{path}: is empty.");
                    continue;
                }

                Annotations(path, TeamOptionsRules.Validate(path, team));
                CheckDisplayName(team.DisplayName, Path(path, nameof(TeamOptions.DisplayName)));
                if (!string.IsNullOrWhiteSpace(team.Id) && CheckLength(team.Id, Path(path, nameof(TeamOptions.Id))))
                {
                    if (first.TryGetValue(team.Id, out var earlier))
                    {
                        Errors.Add($"{Path(path, nameof(TeamOptions.Id))}: duplicate team id '{team.Id}', already used by {Path(Root, nameof(LeadRoutingOptions.Teams), earlier)}.");
                    }
                    else
                    {
                        first.Add(team.Id, i);
                        _teamIds.Add(team.Id);
                    }
                }

                var members = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var m = 0; m < team.Members.Count; m++)
                {
                    var memberPath = Path(path, nameof(TeamOptions.Members), m);
                    var member = team.Members[m];
                    if (string.IsNullOrWhiteSpace(member) || !_repIds.Contains(member))
                    {
                        Errors.Add($"{memberPath}: names unknown rep {ConfigurationShapeCheck.Show(member)}.");
                    }
                    else if (!members.TryAdd(member, m))
                    {
                        Errors.Add($"{memberPath}: lists rep '{member}' twice (also {nameof(TeamOptions.Members)}:{members[member]}).");
                    }
                }
            }
        }

        private void CheckPipeline(PipelineOptions pipeline, string path)
        {
            if (!_enclosing.Add(pipeline))
            {
                Errors.Add($"{path}: is a pipeline this one is nested in; a pipeline cannot contain itself.");
                return;
            }

            CheckPipelineSteps(pipeline, path);
            _enclosing.Remove(pipeline);
        }

        private void CheckPipelineSteps(PipelineOptions pipeline, string path)
        {
            Annotations(path, PipelineOptionsRules.Validate(path, pipeline));
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            var steps = pipeline.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var stepPath = Path(path, nameof(PipelineOptions.Steps), i);
                if (steps[i] is not { } step)
                {
                    Errors.Add($"{stepPath}: is empty.");
                    continue;
                }

                var strategy = CheckStep(step, stepPath);
                if (strategy is null)
                {
                    continue;
                }

                var isLast = i == steps.Count - 1;
                if (StrategyCatalog.IsSelector(strategy) && !isLast)
                {
                    Errors.Add($"{Path(stepPath, nameof(StepOptions.Strategy))}: {strategy} is a selector, so it must be the last step of its pipeline (step {i} of {steps.Count}).");
                }
                else if (!StrategyCatalog.IsSelector(strategy) && isLast)
                {
                    Errors.Add($"{Path(stepPath, nameof(StepOptions.Strategy))}: the last step of a pipeline must be a selector ({RoutingStrategyNames.RoundRobin} or {RoutingStrategyNames.Weighted}), not {strategy}.");
                }

                var stepName = step.Name ?? strategy;
                if (step.Name is not null && string.IsNullOrWhiteSpace(step.Name))
                {
                    Errors.Add($"{Path(stepPath, nameof(StepOptions.Name))}: must not be empty; leave it out to use the strategy's name.");
                }
                else if (step.Name is not null && !CheckLength(step.Name, Path(stepPath, nameof(StepOptions.Name))))
                {
                    continue;
                }
                else if (!names.TryAdd(stepName, i))
                {
                    Errors.Add($"{Path(stepPath, nameof(StepOptions.Name))}: '{stepName}' already names {Path(path, nameof(PipelineOptions.Steps), names[stepName])}; step names must be unique within a pipeline (set Name on one of them).");
                }
            }

            if (pipeline.Fallback is { } fallback)
            {
                CheckFallback(fallback, Path(path, nameof(PipelineOptions.Fallback)));
            }
        }

        /// <summary>Checks one step and returns its canonical strategy name, or null when the strategy is missing or unknown.</summary>
        private string? CheckStep(StepOptions step, string path)
        {
            Annotations(path, StepOptionsRules.Validate(path, step));
            var strategy = StrategyCatalog.Canonical(step.Strategy);
            if (strategy is null)
            {
                if (!string.IsNullOrWhiteSpace(step.Strategy))
                {
                    Errors.Add($"{Path(path, nameof(StepOptions.Strategy))}: unknown strategy {ConfigurationShapeCheck.Show(step.Strategy)}; use one of {StrategyList}.");
                }

                return null;
            }

            var isThreshold = strategy == RoutingStrategyNames.ScoreThreshold;
            var isBranch = strategy == RoutingStrategyNames.TerritoryBranch;
            NotFor(!isThreshold && step.Measure is not null, nameof(StepOptions.Measure), RoutingStrategyNames.ScoreThreshold);
            NotFor(!isThreshold && step.Bands.Count > 0, nameof(StepOptions.Bands), RoutingStrategyNames.ScoreThreshold);
            NotFor(!isThreshold && step.BelowLowest is not null, nameof(StepOptions.BelowLowest), RoutingStrategyNames.ScoreThreshold);
            NotFor(!isBranch && step.Routes.Count > 0, nameof(StepOptions.Routes), RoutingStrategyNames.TerritoryBranch);
            NotFor(strategy != RoutingStrategyNames.Capacity && step.PreferLeastLoaded is not null, nameof(StepOptions.PreferLeastLoaded), RoutingStrategyNames.Capacity);
            if (isThreshold)
            {
                CheckThreshold(step, path);
            }
            else if (isBranch)
            {
                CheckBranch(step, path);
            }

            return strategy;

            void NotFor(bool misplaced, string setting, string owner)
            {
                if (misplaced)
                {
                    Errors.Add($"{Path(path, setting)}: applies only to {owner} steps, not to {strategy}.");
                }
            }
        }

        private void CheckThreshold(StepOptions step, string path)
        {
            if (!StrategyCatalog.TryParseMeasure(step.Measure, out _))
            {
                Errors.Add($"{Path(path, nameof(StepOptions.Measure))}: unknown measure {ConfigurationShapeCheck.Show(step.Measure)}; use one of {string.Join(", ", StrategyCatalog.Measures)}.");
            }

            if (step.Bands.Count == 0)
            {
                Errors.Add($"{Path(path, nameof(StepOptions.Bands))}: a {RoutingStrategyNames.ScoreThreshold} step needs at least one band.");
            }

            double? previous = null;
            for (var b = 0; b < step.Bands.Count; b++)
            {
                var bandPath = Path(path, nameof(StepOptions.Bands), b);
                if (step.Bands[b] is not { } band)
                {
                    Errors.Add($"{bandPath}: is empty.");
                    continue;
                }

                Annotations(bandPath, ScoreBandOptionsRules.Validate(bandPath, band));
                if (band.Minimum is { } minimum)
                {
                    if (!double.IsFinite(minimum))
                    {
                        Errors.Add($"{Path(bandPath, nameof(ScoreBandOptions.Minimum))}: must be a finite number (was {minimum}).");
                    }
                    else
                    {
                        if (previous is { } before && minimum <= before)
                        {
                            Errors.Add(
                                $"{Path(bandPath, nameof(ScoreBandOptions.Minimum))}: {minimum} must be greater than the previous band's Minimum ({before}): "
                                + "list bands from lowest to highest; a band covers [its Minimum, the next band's Minimum), so bands with the same Minimum overlap.");
                        }

                        previous = previous is { } p ? Math.Max(p, minimum) : minimum;
                    }
                }

                CheckTarget(band, bandPath);
            }

            if (step.BelowLowest is { } below)
            {
                CheckTarget(below, Path(path, nameof(StepOptions.BelowLowest)));
            }
        }

        private void CheckBranch(StepOptions step, string path)
        {
            if (step.Routes.Count == 0)
            {
                Errors.Add($"{Path(path, nameof(StepOptions.Routes))}: a {RoutingStrategyNames.TerritoryBranch} step needs at least one route.");
            }

            var seen = new Dictionary<Territory, int>();
            for (var r = 0; r < step.Routes.Count; r++)
            {
                var routePath = Path(path, nameof(StepOptions.Routes), r);
                if (step.Routes[r] is not { } route)
                {
                    Errors.Add($"{routePath}: is empty.");
                    continue;
                }

                Annotations(routePath, TerritoryRouteOptionsRules.Validate(routePath, route));
                if (!string.IsNullOrWhiteSpace(route.Territory)
                    && CheckTerritory(route.Territory, Path(routePath, nameof(TerritoryRouteOptions.Territory))) is { } territory
                    && !seen.TryAdd(territory, r))
                {
                    Errors.Add($"{Path(routePath, nameof(TerritoryRouteOptions.Territory))}: '{territory}' is already routed by {Path(path, nameof(StepOptions.Routes), seen[territory])}.");
                }

                CheckTarget(route, routePath);
            }
        }

        private void CheckTarget(RoutingTargetOptions target, string path)
        {
            if (target.Team is null && target.Pipeline is null)
            {
                Errors.Add($"{path}: needs a {nameof(RoutingTargetOptions.Team)}, a {nameof(RoutingTargetOptions.Pipeline)}, or both.");
            }

            if (target.Team is not null)
            {
                CheckTeamReference(target.Team, Path(path, nameof(RoutingTargetOptions.Team)));
            }

            if (target.Pipeline is { } nested)
            {
                CheckPipeline(nested, Path(path, nameof(RoutingTargetOptions.Pipeline)));
            }
        }

        private void CheckFallback(FallbackOptions fallback, string path)
        {
            var set = (fallback.Team is null ? 0 : 1) + (fallback.Rep is null ? 0 : 1) + (fallback.Unassigned ? 1 : 0);
            if (set != 1)
            {
                Errors.Add($"{path}: set exactly one of {nameof(FallbackOptions.Team)}, {nameof(FallbackOptions.Rep)} or {nameof(FallbackOptions.Unassigned)} (found {set}).");
            }

            if (fallback.Team is not null)
            {
                CheckTeamReference(fallback.Team, Path(path, nameof(FallbackOptions.Team)));
            }

            if (fallback.Rep is not null && !_repIds.Contains(fallback.Rep))
            {
                Errors.Add($"{Path(path, nameof(FallbackOptions.Rep))}: names unknown rep {ConfigurationShapeCheck.Show(fallback.Rep)}.");
            }
        }

        private void CheckTeamReference(string team, string path)
        {
            if (!_teamIds.Contains(team))
            {
                Errors.Add($"{path}: names unknown team {ConfigurationShapeCheck.Show(team)}.");
            }
        }
    }
}
