namespace LeadRouting.Engine.Internal;

internal enum StepResultKind
{
    Continue,
    NoCandidates,
    Disqualify,
    HandOff,

    /// <summary>Go on; the step has just seen that candidates remain, so the engine need not look again.</summary>
    ContinueNotEmpty,
}

/// <summary>What a filter or branching step tells the engine to do next.</summary>
internal readonly struct StepResult
{
    private StepResult(StepResultKind kind, RoutingReason reason, CompiledPipeline? next)
    {
        Kind = kind;
        Reason = reason;
        Next = next;
    }

    public StepResultKind Kind { get; }

    public RoutingReason Reason { get; }

    public CompiledPipeline? Next { get; }

    public static StepResult Continue => default;

    /// <summary>Go on, knowing candidates remain (the step found one), which saves the engine its emptiness check.</summary>
    public static StepResult ContinueNotEmpty => new(StepResultKind.ContinueNotEmpty, RoutingReason.Selected, null);

    public static StepResult NoCandidates(RoutingReason reason) => new(StepResultKind.NoCandidates, reason, null);

    public static StepResult Disqualify(RoutingReason reason) => new(StepResultKind.Disqualify, reason, null);

    public static StepResult HandOff(CompiledPipeline next) => new(StepResultKind.HandOff, RoutingReason.Selected, next);
}
