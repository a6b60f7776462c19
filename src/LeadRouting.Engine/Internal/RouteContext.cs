namespace LeadRouting.Engine.Internal;

/// <summary>Per-route scratch state, on the stack: the lead, the snapshot and the candidate bitsets.</summary>
internal ref struct RouteContext
{
    private int _today;

    public RouteContext(Lead lead, EngineSnapshot snapshot, Span<ulong> candidates, Span<ulong> staticSet, Span<ulong> spare)
    {
        Spare = spare;
        Lead = lead;
        Snapshot = snapshot;
        Candidates = candidates;
        Static = staticSet;
        TeamIndex = -1;
        _today = int.MinValue;
    }

    public readonly Lead Lead;

    public readonly EngineSnapshot Snapshot;

    /// <summary>Reps still eligible: narrowed by every step.</summary>
    public Span<ulong> Candidates;

    /// <summary>
    /// Reps eligible by what depends on the lead alone (team, territory), narrowed only by such steps; together with
    /// <see cref="SegmentKey"/> it names the fixed group of peers a selector keeps its schedule for.
    /// </summary>
    public Span<ulong> Static;

    /// <summary>Identity of the path taken through the lead-dependent steps; equal keys mean equal <see cref="Static"/> sets.</summary>
    public ulong SegmentKey;

    /// <summary>Scratch set of the same size, for the selection stage.</summary>
    public Span<ulong> Spare;

    /// <summary>Set by a capacity step: offer the selector the least-loaded candidates first.</summary>
    public bool PreferLeastLoaded;

    /// <summary>The team a band, territory branch or fallback targeted; -1 when none.</summary>
    public int TeamIndex;

    /// <summary>Today's day number, read from the clock at most once per route.</summary>
    public int Today
    {
        get
        {
            if (_today == int.MinValue)
            {
                _today = Snapshot.Clock.Today();
            }

            return _today;
        }
    }

    /// <summary>Narrows both sets to a precomputed mask and records the step's choice in the segment key.</summary>
    public void NarrowStatic(RepMask mask, long token)
    {
        mask.IntersectInto(Candidates);
        mask.IntersectInto(Static);
        SegmentKey = MixKey(SegmentKey, token);
    }

    private static ulong MixKey(ulong key, long token)
    {
        // splitmix64 finaliser over (key + token): distinct paths collide with probability ~2^-64.
        var z = key + (ulong)token + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
