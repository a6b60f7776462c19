namespace LeadRouting.Engine.Lifecycle;

/// <summary>A lead's default queue priority: how many score minimums (<see cref="LeadDeskOptions.PriorityScoreBands"/>) its score reaches. Immutable.</summary>
internal sealed class PriorityBands(IEnumerable<double> minimums)
{
    private readonly double[] _minimums = [.. minimums];

    /// <summary>The priority of <paramref name="lead"/>; 0 without a score.</summary>
    public int Of(Lead lead)
    {
        var priority = 0;
        if (lead.Score is { } score)
        {
            foreach (var minimum in _minimums)
            {
                priority += score >= minimum ? 1 : 0;
            }
        }

        return priority;
    }
}
