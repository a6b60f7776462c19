namespace LeadRouting.Engine;

/// <summary>Where a branching step (a score band, a territory) sends a lead: to a team, or to a nested pipeline.</summary>
public sealed class RoutingTarget
{
    private RoutingTarget(string? teamId, RoutingPipeline? pipeline)
    {
        TeamId = teamId;
        Pipeline = pipeline;
    }

    /// <summary>The team the target narrows the candidates to, if any; without <see cref="Pipeline"/> the enclosing pipeline then continues.</summary>
    public string? TeamId { get; }

    /// <summary>The nested pipeline the target hands the lead to, if any; the enclosing pipeline's later steps are skipped.</summary>
    public RoutingPipeline? Pipeline { get; }

    /// <summary>Narrow the candidates to the members of a team and continue with the next step.</summary>
    /// <param name="teamId">A team of the roster (checked when the engine is built).</param>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> is empty.</exception>
    public static RoutingTarget Team(string teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return new(teamId, null);
    }

    /// <summary>
    /// Narrow the candidates to the members of a team, then hand the lead to a nested pipeline (for steps that apply to
    /// this team only, such as least-loaded capacity for a nurture team).
    /// </summary>
    /// <param name="teamId">A team of the roster (checked when the engine is built).</param>
    /// <param name="pipeline">The nested pipeline; it starts with the team's remaining candidates.</param>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> is empty.</exception>
    public static RoutingTarget Team(string teamId, RoutingPipeline pipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(teamId, pipeline);
    }

    /// <summary>Hand the lead to a nested pipeline, which ends in its own selector.</summary>
    /// <param name="pipeline">The nested pipeline; it starts with the candidates left so far.</param>
    public static RoutingTarget To(RoutingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(null, pipeline);
    }

    /// <inheritdoc />
    public override string ToString() => (TeamId, Pipeline) switch
    {
        (not null, not null) => $"team {TeamId}, then ({Pipeline})",
        (not null, null) => $"team {TeamId}",
        _ => $"({Pipeline})",
    };
}
