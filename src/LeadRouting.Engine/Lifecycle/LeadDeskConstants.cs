namespace LeadRouting.Engine.Lifecycle;

internal static class LeadDeskConstants
{
    public const int DefaultMaxReroutes = 3;

    /// <summary>The engine keeps up to this many excluded reps on the stack, so re-routes allocate nothing.</summary>
    public const int MaxReroutesLimit = 32;

    public const int DefaultQueueCapacity = 1_000;

    public const int MaxQueueCapacity = 1_000_000;
}
