namespace LeadRouting.Engine.Internal;

/// <summary>A <see cref="RoutingTarget"/> bound to one snapshot.</summary>
internal sealed class CompiledTarget
{
    private readonly long _token;

    private CompiledTarget(int teamIndex, RepMask? teamMask, CompiledPipeline? pipeline, long token)
    {
        TeamIndex = teamIndex;
        TeamMask = teamMask;
        Pipeline = pipeline;
        _token = token;
    }

    public int TeamIndex { get; }

    public RepMask? TeamMask { get; }

    public CompiledPipeline? Pipeline { get; }

    public static CompiledTarget Compile(RoutingTarget target, CompileContext context, string path)
    {
        if (target.Pipeline is not null)
        {
            return new(-1, null, context.CompileNested(target.Pipeline, $"{path}.Pipeline"), 0);
        }

        var teamIndex = context.TeamIndexOf(target.TeamId!, $"{path}.Team");
        return new(teamIndex, context.TeamMasks[teamIndex], null, CompileContext.TokenFor(path));
    }

    /// <summary>Narrows to the team and continues, or hands the lead to the nested pipeline.</summary>
    public StepResult Apply(ref RouteContext context)
    {
        if (Pipeline is not null)
        {
            return StepResult.HandOff(Pipeline);
        }

        context.NarrowStatic(TeamMask!, _token);
        context.TeamIndex = TeamIndex;
        return CandidateBits.IsEmpty(context.Candidates)
            ? StepResult.NoCandidates(RoutingReason.NoEligibleRep)
            : StepResult.Continue;
    }
}
