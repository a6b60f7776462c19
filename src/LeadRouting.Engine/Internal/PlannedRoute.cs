using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// The state of a route made by a <see cref="RoutePlan"/>: a roster of at most <see cref="RoutePlan.MaxReps"/> reps, so
/// the candidates are one 256-bit vector (a register) instead of a <see cref="CandidateSet"/> over stack buffers, and
/// nothing else a general route carries (trace, preview, exclusions, pending masks, a spare set) is needed.
/// </summary>
internal struct PlannedRoute
{
    private static readonly Vector256<ulong> WordNumbers = Vector256.Create(0UL, 1, 2, 3);

    public PlannedRoute(EngineSnapshot snapshot, Lead lead)
    {
        Snapshot = snapshot;
        Lead = lead;
        Candidates = snapshot.ActiveVector;
        SegmentKey = 0;
        TeamIndex = -1;
        LostRaces = 0;
        Day = int.MinValue;
        LostToCapacity = false;
    }

    public readonly EngineSnapshot Snapshot;

    public readonly Lead Lead;

    /// <summary>Bit p (word p / 64, bit p % 64) set: the rep at position p is still eligible.</summary>
    public Vector256<ulong> Candidates;

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

    public readonly bool IsEmpty => Candidates == Vector256<ulong>.Zero;

    /// <summary>The first four words of <paramref name="mask"/> as one vector.</summary>
    public static Vector256<ulong> Bits(RepMask mask) => Vector256.Create(mask.WordAt(0), mask.WordAt(1), mask.WordAt(2), mask.WordAt(3));

    /// <summary>The vector with only bit <paramref name="position"/> set (0 ≤ position &lt; 256), computed, not loaded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Bit(int position) =>
        Vector256.Equals(Vector256.Create((ulong)(position >> 6)), WordNumbers) & Vector256.Create(1UL << position);

    /// <summary>Whether the vector <paramref name="set"/> holds <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(Vector256<ulong> set, int position) => (set & Bit(position)) != Vector256<ulong>.Zero;

    /// <summary>As <see cref="RouteContext.NarrowStatic(in MaskHead, int, long)"/>: intersects and records the step's choice.</summary>
    public void NarrowStatic(Vector256<ulong> mask, long token)
    {
        Candidates &= mask;
        SegmentKey = RouteContext.MixKey(SegmentKey, token);
    }

    public readonly bool Intersects(Vector256<ulong> mask) => (Candidates & mask) != Vector256<ulong>.Zero;

    public void Remove(int position) => Candidates = Vector256.AndNot(Candidates, Bit(position));
}
