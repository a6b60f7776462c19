namespace LeadRouting.Engine;

/// <summary>Where a branching step (a score band, a territory) sends a lead: to a team, or to a nested pipeline.</summary>
public sealed class RoutingTarget
{
    private RoutingTarget(string? teamId, RoutingPipeline? pipeline)
    {
        TeamId = teamId;
        Pipeline = pipeline;
    }

    /// <summary>The team, when the target narrows the candidates to a team and the enclosing pipeline continues.</summary>
    public string? TeamId { get; }

    /// <summary>The nested pipeline, when the target hands the lead over; the enclosing pipeline's later steps are skipped.</summary>
    public RoutingPipeline? Pipeline { get; }

    /// <summary>Narrow the candidates to the members of a team and continue with the next step.</summary>
    /// <param name="teamId">A team of the roster (checked when the engine is built).</param>
    /// <exception cref="ArgumentException"><paramref name="teamId"/> is empty.</exception>
    public static RoutingTarget Team(string teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return new(teamId, null);
    }

    /// <summary>Hand the lead to a nested pipeline, which ends in its own selector.</summary>
    /// <param name="pipeline">The nested pipeline; it starts with the candidates left so far.</param>
    public static RoutingTarget To(RoutingPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(null, pipeline);
    }

    /// <inheritdoc />
    public override string ToString() => TeamId is not null ? $"team {TeamId}" : "nested pipeline";
}
