namespace LeadRouting.Engine.Internal;

/// <summary>A <see cref="RoutingTarget"/> bound to one snapshot.</summary>
internal sealed class CompiledTarget
{
    private readonly long _token;

    // The team's mask with a one-word team's bits inline (see MaskHead): a band narrows to it without reading the mask.
    private readonly MaskHead _team;

    private readonly int _teamMaskId;

    private CompiledTarget(int teamIndex, RepMask? teamMask, int teamMaskId, CompiledPipeline? pipeline, long token)
    {
        _teamMaskId = teamMaskId;
        TeamIndex = teamIndex;
        TeamMask = teamMask;
        Pipeline = pipeline;
        _token = token;
        _team = teamMask is null ? default : new MaskHead(teamMask);
    }

    public int TeamIndex { get; }

    public RepMask? TeamMask { get; }

    public CompiledPipeline? Pipeline { get; }

    public static CompiledTarget Compile(RoutingTarget target, CompileContext context, string path)
    {
        var teamIndex = target.TeamId is null ? -1 : context.TeamIndexOf(target.TeamId, $"{path}.Team");
        var pipeline = target.Pipeline is null ? null : context.CompileNested(target.Pipeline, $"{path}.Pipeline");
        return new(teamIndex, teamIndex < 0 ? null : context.TeamMasks[teamIndex], teamIndex < 0 ? -1 : context.TeamMaskId(teamIndex), pipeline, CompileContext.TokenFor(path));
    }

    public string Describe(EngineSnapshot snapshot) => (TeamMask, Pipeline) switch
    {
        (not null, not null) => $"team {snapshot.TeamIds[TeamIndex]}, then a nested pipeline",
        (not null, null) => $"team {snapshot.TeamIds[TeamIndex]}",
        _ => "a nested pipeline",
    };

    /// <summary>Narrows to the team, if any; then hands the lead to the nested pipeline, if any, or continues.</summary>
    public StepResult Apply(ref RouteContext context)
    {
        if (TeamMask is not null)
        {
            context.NarrowStatic(in _team, _teamMaskId, _token);
            context.TeamIndex = TeamIndex;
            if (context.Candidates.IsEmpty())
            {
                return StepResult.NoCandidates(RoutingReason.NoEligibleRep);
            }
        }

        // Non-empty: the team's candidates were just checked, or there was no narrowing after a step that left some.
        return Pipeline is null ? StepResult.ContinueNotEmpty : StepResult.HandOff(Pipeline);
    }
}
