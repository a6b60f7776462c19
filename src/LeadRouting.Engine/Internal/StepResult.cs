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
/// <remarks>
/// Two fields, a reference and a word packing the kind and the reason, so a step returns it in two registers. With the
/// kind and the reason as two 4-byte fields the JIT built the result in memory and read it back as one 8-byte word: a
/// store-forwarding stall on every step's return.
/// </remarks>
internal readonly struct StepResult
{
    private readonly long _word;

    private StepResult(StepResultKind kind, RoutingReason reason, CompiledPipeline? next)
    {
        _word = (long)(uint)kind | ((long)(uint)reason << 32);
        Next = next;
    }

    public StepResultKind Kind => (StepResultKind)(int)_word;

    public RoutingReason Reason => (RoutingReason)(int)(_word >> 32);

    public CompiledPipeline? Next { get; }

    public static StepResult Continue => default;

    /// <summary>Go on, knowing candidates remain (the step found one), which saves the engine its emptiness check.</summary>
    public static StepResult ContinueNotEmpty => new(StepResultKind.ContinueNotEmpty, RoutingReason.Selected, null);

    public static StepResult NoCandidates(RoutingReason reason) => new(StepResultKind.NoCandidates, reason, null);

    public static StepResult Disqualify(RoutingReason reason) => new(StepResultKind.Disqualify, reason, null);

    public static StepResult HandOff(CompiledPipeline next) => new(StepResultKind.HandOff, RoutingReason.Selected, next);
}
