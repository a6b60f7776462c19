namespace LeadRouting.Engine;

/// <summary>One step of a <see cref="RoutingExplanation"/>: who was a candidate before and after it, and why each rep left.</summary>
public sealed class StepExplanation
{
    internal StepExplanation(string name, string? note, IReadOnlyList<string> before, IReadOnlyList<string> after, IReadOnlyList<RepDrop> dropped)
    {
        Name = name;
        Note = note;
        Before = before;
        After = after;
        Dropped = dropped;
    }

    /// <summary>The step's name (<c>"Roster"</c> for the active-rep check, the selector's name for the pick, <c>"Fallback"</c> for the fallback).</summary>
    public string Name { get; }

    /// <summary>What the step decided, in words (the band, the territory rule, the team...), or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>Candidates entering the step, in roster order.</summary>
    public IReadOnlyList<string> Before { get; }

    /// <summary>Candidates leaving the step, in roster order (for the selector: the rep picked, if any).</summary>
    public IReadOnlyList<string> After { get; }

    /// <summary>Every rep in <see cref="Before"/> but not in <see cref="After"/>, with the reason.</summary>
    public IReadOnlyList<RepDrop> Dropped { get; }
}
