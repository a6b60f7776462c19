namespace LeadRouting.Engine.Internal;

/// <summary>Collects the steps of one explained route. Used only by <see cref="RoutingEngine.Explain"/>; allocates freely.</summary>
internal sealed class ExplanationBuilder
{
    private readonly List<StepExplanation> _steps = [];
    private string? _note;

    public int PickedPosition { get; private set; } = -1;

    /// <summary>The snapshot was replaced during the explained route; the explanation is thrown away and made again.</summary>
    public bool Restarted { get; set; }

    public string? PickedBecause { get; private set; }

    /// <summary>Drops recorded during selection (reps found full), before the pick step is written.</summary>
    public List<(int Position, DropReason Reason)> SelectionDrops { get; } = [];

    /// <summary>A note for the step now running.</summary>
    public void Note(string note) => _note = note;

    public void Picked(int position, string because)
    {
        PickedPosition = position;
        PickedBecause = because;
    }

    public void Step(string name, EngineSnapshot snapshot, List<int> before, List<int> after, Dictionary<int, DropReason> reasons)
    {
        var kept = after.ToHashSet();
        var dropped = new List<RepDrop>();
        foreach (var p in before)
        {
            if (!kept.Contains(p))
            {
                dropped.Add(new RepDrop(snapshot.RepIds[p], reasons.GetValueOrDefault(p, DropReason.NotEligible)));
            }
        }

        SelectionDrops.Clear();

        _steps.Add(new StepExplanation(name, _note, Ids(snapshot, before), Ids(snapshot, after), dropped));
        _note = null;
    }

    public RoutingExplanation Build(string leadId, RoutingDecision decision) =>
        new(leadId, decision, _steps, decision.IsAssigned ? PickedBecause : null);

    private static string[] Ids(EngineSnapshot snapshot, List<int> positions) => [.. positions.Select(p => snapshot.RepIds[p])];
}
