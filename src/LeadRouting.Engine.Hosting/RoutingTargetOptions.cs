namespace LeadRouting.Engine.Hosting;

/// <summary>
/// Where a branch sends a lead, as data: a <see cref="Team"/> (the pipeline continues with its reps), a nested
/// <see cref="Pipeline"/>, or both (the nested pipeline starts with the team's reps); becomes a
/// <see cref="RoutingTarget"/>. At least one of the two is required.
/// </summary>
public class RoutingTargetOptions
{
    /// <summary>A team of <see cref="LeadRoutingOptions.Teams"/>. Default <see langword="null"/>.</summary>
    public string? Team { get; set; }

    /// <remarks>
    /// Not marked for the generated validator, which cannot follow a type that contains itself; nested pipelines are
    /// validated by the same generated rules, run on each of them by the cross-field validator.
    /// </remarks>
    /// <summary>A nested pipeline, ending in its own selector. Default <see langword="null"/>.</summary>
    public PipelineOptions? Pipeline { get; set; }
}
