using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeadRouting.Engine.Weighted;

/// <summary>
/// One period of smooth weighted round-robin (the nginx algorithm) over a fixed group of reps, precomputed so a pick is
/// one counter increment and one read. The sequence repeats exactly every Σw picks (weights reduced by their greatest
/// common divisor), and each rep appears wᵢ times per period.
/// </summary>
/// <remarks>
/// <para>
/// Layout. A pick touches one 64-byte block of this object (<see cref="HotOffset"/>): the cursor, the period, what
/// reduces the cursor modulo the period, and the slots themselves when the period is at most <see cref="InlineSlots"/>
/// (a longer period reads them from <see cref="Positions"/>). The cursor used to be a separate padded counter and the
/// slots a separate array, so a pick in a cold group was three or four dependent cache misses; it is now one block.
/// The block is preceded by the cold fields and followed by <see cref="TrailingPad"/> bytes of padding, so the cursors
/// of two schedules (or of a schedule and any other object) are at least 64 bytes apart and never share a cache line.
/// The CLR aligns objects to 8 bytes only, so the block may straddle two adjacent lines; it never reaches a third.
/// </para>
/// <para>
/// Cursor. Slot k of the period goes to the pick that moves the cursor from c to c + 1 with c ≡ k (mod period). The cursor
/// is kept below 2³² so the modulo is a multiply instead of a 64-bit division: the one pick whose increment returns
/// exactly <c>_wrapAt</c> (a multiple of the period, at most about 2³⁰) subtracts <c>_wrapAt</c> again with an atomic add.
/// That is exact under any interleaving: every change to the cursor is an atomic +1 or −<c>_wrapAt</c> ≡ 0 (mod period), so
/// the n-th increment in the cursor's modification order always returns a value ≡ c₀ + n, the same slot as with a plain
/// 64-bit counter; and one increment per climb returns <c>_wrapAt</c> exactly, so the cursor stays below
/// <c>_wrapAt</c> + the picks made while that pick is between its two atomic operations. Should it ever pass 2³² anyway,
/// <see cref="Reduce"/> falls back to the division.
/// </para>
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = HotOffset + HotSize + TrailingPad)]
internal sealed class WeightedSchedule
{
    /// <summary>Periods up to this long keep their slots in the hot block; longer ones read <see cref="Positions"/>.</summary>
    public const int InlineSlots = 8;

    private const int HotOffset = 64;
    private const int HotSize = 64;
    private const int TrailingPad = 64;

    /// <summary>The cursor wraps at the largest multiple of the period not above this (or the period, if longer).</summary>
    private const int WrapTarget = 1 << 30;

    // Cold: read when a group is built, reconfigured or explained.
    [FieldOffset(0)]
    private readonly string[] _repIds;

    [FieldOffset(8)]
    private readonly ulong _key;

    // Hot: everything a pick reads or writes.
    [FieldOffset(HotOffset)]
    private long _cursor;

    [FieldOffset(HotOffset + 8)]
    private readonly int[] _positions;

    /// <summary>⌈2⁶⁴ / period⌉ (0 when the period is 1 or 0), for <see cref="Reduce"/>.</summary>
    [FieldOffset(HotOffset + 16)]
    private readonly ulong _multiplier;

    [FieldOffset(HotOffset + 24)]
    private readonly int _period;

    [FieldOffset(HotOffset + 28)]
    private readonly int _wrapAt;

    [FieldOffset(HotOffset + 32)]
    private InlinePositions _inline;

    public WeightedSchedule(ulong key, int[] positions, int[] weights, string[] repIds)
    {
        _key = key;
        var divisor = 0;
        foreach (var w in weights)
        {
            divisor = (int)BigInteger.GreatestCommonDivisor(divisor, w);
        }

        var total = 0;
        var reduced = new long[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            reduced[i] = weights[i] / Math.Max(divisor, 1);
            total += (int)reduced[i];
        }

        _positions = new int[total];
        var current = new long[weights.Length];
        for (var n = 0; n < total; n++)
        {
            var best = -1;
            for (var i = 0; i < current.Length; i++)
            {
                current[i] += reduced[i];
                if (reduced[i] > 0 && (best < 0 || current[i] > current[best]))
                {
                    best = i;
                }
            }

            current[best] -= total;
            _positions[n] = positions[best];
        }

        _repIds = new string[total];
        for (var n = 0; n < total; n++)
        {
            _repIds[n] = repIds[_positions[n]];
        }

        _period = total;
        if (total > 0)
        {
            // ulong.MaxValue / d + 1 = ⌈2⁶⁴ / d⌉ for every d > 1 (d = 1 wraps to 0, which Reduce also gets right).
            _multiplier = (ulong.MaxValue / (ulong)total) + 1;
            _wrapAt = total * Math.Max(1, WrapTarget / total);
        }

        if (total <= InlineSlots)
        {
            _positions.CopyTo(_inline);
        }
    }

    /// <summary>The rep id of each slot: what identifies the group across roster replacements, where positions move.</summary>
    public string[] RepIds => _repIds;

    /// <summary>The <see cref="Internal.RouteContext.SegmentKey"/> of the group.</summary>
    public ulong Key => _key;

    /// <summary>Rep positions in pick order; empty when no rep has a positive weight.</summary>
    public int[] Positions => _positions;

    /// <summary>The number of slots in a period (Σw after reduction); 0 when no rep has a positive weight.</summary>
    public int Period => _period;

    /// <summary>The multiple of <see cref="Period"/> the cursor is brought back from (0 when the period is 0).</summary>
    public int WrapPoint => _wrapAt;

    /// <summary>Picks taken so far, modulo a multiple of <see cref="Period"/>: what decides the next slot.</summary>
    public long Cursor => Volatile.Read(ref _cursor);

    /// <summary>
    /// Continues where <paramref name="previous"/> (the same group in the snapshot before a roster replacement) stopped,
    /// if it was the same sequence of reps; otherwise the new sequence starts at its first slot. Call before the schedule
    /// is published.
    /// </summary>
    public void ContinueFrom(WeightedSchedule previous)
    {
        if (previous._repIds.AsSpan().SequenceEqual(_repIds))
        {
            // Same reps in the same order, so the same period: carry the position within it (reduced, so the cursor starts
            // below the wrap point even if the previous one was caught between a wrapping pick's two atomic operations).
            SetCursor((long)((ulong)previous.Cursor % (ulong)_period));
        }
    }

    /// <summary>Sets the cursor: the next pick takes slot <paramref name="value"/> mod <see cref="Period"/>. For <see cref="ContinueFrom"/> and tests.</summary>
    public void SetCursor(long value) => Volatile.Write(ref _cursor, value);

    /// <summary>The next slot of the schedule; shared by every route of the group. <see cref="Period"/> must be positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextSlot()
    {
        var taken = Interlocked.Increment(ref _cursor);
        if (taken == _wrapAt)
        {
            // This pick, and only this one, brought the cursor to the wrap point: take it back by a multiple of the period.
            Interlocked.Add(ref _cursor, -_wrapAt);
        }

        return Reduce(taken - 1);
    }

    /// <summary>The slot <paramref name="ahead"/> places after the next one, without taking it (for a preview).</summary>
    public int PeekSlot(int ahead) => Reduce(Cursor + ahead);

    /// <summary>The rep position in <paramref name="slot"/> (0 ≤ slot &lt; <see cref="Period"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionAt(int slot) => _period <= InlineSlots ? _inline[slot] : _positions[slot];

    /// <summary>
    /// <paramref name="value"/> mod <see cref="Period"/>. Below 2³² (always, but for the fallback) this is Lemire's
    /// direct remainder: with M = ⌈2⁶⁴ / d⌉, n mod d = ⌊((M·n mod 2⁶⁴) · d) / 2⁶⁴⌋, exact for all 32-bit n and d
    /// (Lemire, Kaser, Kurz, "Faster remainder by direct computation", 2019, theorem 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reduce(long value) =>
        (ulong)value <= uint.MaxValue
            ? (int)Math.BigMul(_multiplier * (ulong)value, (ulong)(uint)_period, out _)
            : (int)((ulong)value % (ulong)(uint)_period);

    /// <summary>The slots of a short period, inside the hot block.</summary>
    [InlineArray(InlineSlots)]
    private struct InlinePositions
    {
        private int _first;
    }
}
