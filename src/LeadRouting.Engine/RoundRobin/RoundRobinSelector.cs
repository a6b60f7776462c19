using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.RoundRobin;

/// <summary>
/// Least-recently-assigned rotation. Each rep's last turn is a number from one engine-wide sequence, so the rule is the
/// same whatever subset of reps a lead can go to: two reps eligible for the same leads alternate even when others'
/// eligibility changes lead by lead, a joiner (never assigned) gets the next lead and then queues at the back, and a
/// returner gets one lead, not a catch-up burst.
/// </summary>
internal sealed class RoundRobinSelector(string name) : CompiledSelector(name)
{
    /// <summary>Below this many candidates in a word, a bit-by-bit scan is cheaper than sixteen vector loads.</summary>
    private const int VectorThreshold = 12;

    public override RoutingReason EmptyReason => RoutingReason.NoEligibleRep;

    public override int Propose(ref RouteContext context, out long token)
    {
        var position = LeastRecentlyAssigned(ref context, out token);
        if (position >= 0)
        {
            context.Trace?.Picked(position, Why(token));
        }

        return position;
    }

    // Out of line, so the route path has no interpolated string (and no frame to zero for one).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Why(long turn) =>
        turn == 0 ? "never assigned before (first in roster order among those)" : $"least recently assigned among the candidates (last turn #{turn})";

    public override bool Claim(ref RouteContext context, int position, long token)
    {
        if (context.Preview)
        {
            return true;
        }

        return TryTakeTurn(context.Snapshot, position, token);
    }

    /// <summary>
    /// The candidate with the oldest turn (lowest position on ties), or -1; <paramref name="turn"/> is its turn. When the
    /// snapshot is being retired, sets <see cref="RouteContext.Restart"/> and returns -1.
    /// </summary>
    public static int LeastRecentlyAssigned(ref RouteContext context, out long turn)
    {
        ref var candidates = ref context.Candidates;
        candidates.Materialize();
        var words = candidates.Words;
        var turns = context.Snapshot.Turns;
        var best = -1;
        var bestTurn = EngineSnapshot.RetiredTurn;
        for (var w = candidates.Lo; w < candidates.Hi; w++)
        {
            OldestIn(turns, w, words[w], ref best, ref bestTurn);
        }

        // A scan that overlapped the hand-over may have seen some turns already retired and so favour the reps the
        // hand-over had not reached yet: never act on it.
        if (context.Snapshot.IsRetired)
        {
            context.Restart = true;
            best = -1;
        }

        turn = bestTurn;
        return best;
    }

    /// <summary>Keeps in <paramref name="best"/> the candidate of word <paramref name="word"/> with the oldest turn, if older than <paramref name="bestTurn"/>.</summary>
    private static void OldestIn(long[] turns, int word, ulong bits, ref int best, ref long bestTurn)
    {
        if (BitOperations.PopCount(bits) >= VectorThreshold && Vector256.IsHardwareAccelerated)
        {
            OldestInWord(turns, word, bits, ref best, ref bestTurn);
            return;
        }

        OldestInScalar(turns, word, bits, ref best, ref bestTurn);
    }

    /// <summary>As <see cref="OldestIn"/>, one candidate at a time: each turn is read once.</summary>
    private static void OldestInScalar(long[] turns, int word, ulong bits, ref int best, ref long bestTurn)
    {
        while (bits != 0)
        {
            var p = (word << 6) + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            var t = turns[p];
            if (t < bestTurn)
            {
                bestTurn = t;
                best = p;
            }
        }
    }

    /// <summary>
    /// The oldest turn among the candidates of one 64-rep word, eight turns per instruction (AVX-512) or four: lanes not
    /// in the set read as "never oldest", then the first lane holding the minimum is found the same way (so ties still go
    /// to roster order). A lane mask is the word's bits broadcast and tested against one bit per lane: no table to load.
    /// A turn only grows, so when the second pass finds nobody at the minimum, a concurrent route took it in between.
    /// </summary>
    private static void OldestInWord(long[] turns, int word, ulong bits, ref int best, ref long bestTurn)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            OldestInWord512(turns, word, bits, ref best, ref bestTurn);
        }
        else
        {
            OldestInWord256(turns, word, bits, ref best, ref bestTurn);
        }
    }

    /// <summary><see cref="OldestInWord"/> eight lanes at a time; internal for tests.</summary>
    internal static void OldestInWord512(long[] turns, int word, ulong bits, ref int best, ref long bestTurn)
    {
        ref var first = ref turns[word << 6];
        var never = Vector512.Create(EngineSnapshot.RetiredTurn);
        var laneBits = Vector512.Create(1L, 2, 4, 8, 16, 32, 64, 128);
        var min = never;
        for (var i = 0; i < 8; i++)
        {
            var mask = ~Vector512.Equals(Vector512.Create((long)(bits >> (i * 8))) & laneBits, Vector512<long>.Zero);
            min = Vector512.Min(min, Vector512.ConditionalSelect(mask, Vector512.LoadUnsafe(ref first, (nuint)(i * 8)), never));
        }

        var half = Vector256.Min(min.GetLower(), min.GetUpper());
        var m = Math.Min(Math.Min(half[0], half[1]), Math.Min(half[2], half[3]));
        if (m >= bestTurn)
        {
            return;
        }

        var target = Vector512.Create(m);
        for (var i = 0; i < 8; i++)
        {
            var hits = Vector512.Equals(Vector512.LoadUnsafe(ref first, (nuint)(i * 8)), target).ExtractMostSignificantBits() & (byte)(bits >> (i * 8));
            if (hits != 0)
            {
                best = (word << 6) + (i * 8) + BitOperations.TrailingZeroCount(hits);
                bestTurn = m;
                return;
            }
        }

        // A concurrent route took the oldest turn between the two passes: this word's turns moved on, so read them again.
        OldestInScalar(turns, word, bits, ref best, ref bestTurn);
    }

    /// <summary><see cref="OldestInWord"/> four lanes at a time; internal for tests.</summary>
    internal static void OldestInWord256(long[] turns, int word, ulong bits, ref int best, ref long bestTurn)
    {
        ref var first = ref turns[word << 6];
        var never = Vector256.Create(EngineSnapshot.RetiredTurn);
        var laneBits = Vector256.Create(1L, 2, 4, 8);
        var min = never;
        for (var i = 0; i < 16; i++)
        {
            var mask = ~Vector256.Equals(Vector256.Create((long)(bits >> (i * 4))) & laneBits, Vector256<long>.Zero);
            min = Vector256.Min(min, Vector256.ConditionalSelect(mask, Vector256.LoadUnsafe(ref first, (nuint)(i * 4)), never));
        }

        var m = Math.Min(Math.Min(min[0], min[1]), Math.Min(min[2], min[3]));
        if (m >= bestTurn)
        {
            return;
        }

        var target = Vector256.Create(m);
        for (var i = 0; i < 16; i++)
        {
            var hits = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)(i * 4)), target).ExtractMostSignificantBits() & (uint)((bits >> (i * 4)) & 15);
            if (hits != 0)
            {
                best = (word << 6) + (i * 4) + BitOperations.TrailingZeroCount(hits);
                bestTurn = m;
                return;
            }
        }

        // A concurrent route took the oldest turn between the two passes: this word's turns moved on, so read them again.
        OldestInScalar(turns, word, bits, ref best, ref bestTurn);
    }

    /// <summary>Moves the rep to the back of the rotation, unless a concurrent route did so since its turn was read.</summary>
    public static bool TryTakeTurn(EngineSnapshot snapshot, int position, long observedTurn) =>
        Interlocked.CompareExchange(ref snapshot.Turns[position], snapshot.Sequence.Next(), observedTurn) == observedTurn;
}
