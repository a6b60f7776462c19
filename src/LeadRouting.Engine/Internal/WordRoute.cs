namespace LeadRouting.Engine.Internal;

/// <summary>
/// The state of a route made by a <see cref="WordPlan"/>: a roster of at most 64 reps, so the candidates are one word in a
/// register instead of a <see cref="CandidateSet"/> over stack buffers, and nothing else a general route carries
/// (trace, preview, exclusions, pending masks, a spare set) is needed.
/// </summary>
internal struct WordRoute
{
    public WordRoute(EngineSnapshot snapshot, Lead lead)
    {
        Snapshot = snapshot;
        Lead = lead;
        Candidates = snapshot.ActiveWords[0];
        SegmentKey = 0;
        TeamIndex = -1;
        LostRaces = 0;
        Day = int.MinValue;
        LostToCapacity = false;
    }

    public readonly EngineSnapshot Snapshot;

    public readonly Lead Lead;

    /// <summary>Bit p set: the rep at position p is still eligible.</summary>
    public ulong Candidates;

    /// <summary>As <see cref="RouteContext.SegmentKey"/>, built from the same tokens in the same order.</summary>
    public ulong SegmentKey;

    /// <summary>As <see cref="RouteContext.TeamIndex"/>.</summary>
    public int TeamIndex;

    /// <summary>As <see cref="RouteContext.LostRaces"/>.</summary>
    public int LostRaces;

    /// <summary>Today's day number once read (see <see cref="EngineSnapshot.Today"/>); <see cref="int.MinValue"/> before.</summary>
    public int Day;

    /// <summary>A proposed rep turned out full at its reservation (the selection's reason if nobody is left).</summary>
    public bool LostToCapacity;

    /// <summary>As <see cref="RouteContext.NarrowStatic(in MaskHead, int, long)"/>: intersects and records the step's choice.</summary>
    public void NarrowStatic(ulong bits, long token)
    {
        Candidates &= bits;
        SegmentKey = RouteContext.MixKey(SegmentKey, token);
    }

    public readonly bool Contains(int position) => (Candidates & (1UL << position)) != 0;

    public void Remove(int position) => Candidates &= ~(1UL << position);
}
