using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LeadRouting.Engine.Weighted;

/// <summary>
/// Smooth weighted round-robin (the nginx algorithm) over a fixed group of reps: a pick is one counter increment and one
/// read. The sequence repeats exactly every Σw picks (weights reduced by their greatest common divisor), and each rep
/// appears wᵢ times per period. A period of up to <see cref="MaterialiseLimit"/> slots is precomputed whole; a longer one
/// is generated a chunk at a time just ahead of the routes (<see cref="WeightedScheduleWindow"/>), so no route waits on a
/// build that grows with Σw and memory stays bounded.
/// </summary>
/// <remarks>
/// <para>
/// Layout. A pick touches one 64-byte block of this object (<see cref="HotOffset"/>): the cursor, the period, what
/// reduces the cursor modulo the period, and the slots themselves when the period is at most <see cref="InlineSlots"/>
/// (a longer period reads them from <see cref="Positions"/>, or past <see cref="MaterialiseLimit"/> from its window). The cursor used to be a separate padded counter and the
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

    /// <summary>Periods up to this long are precomputed whole; longer ones are generated in chunks.</summary>
    public const int MaterialiseLimit = 4 * WeightedScheduleWindow.DefaultChunk;

    private const int HotOffset = 64;
    private const int HotSize = 64;
    private const int TrailingPad = 64;

    /// <summary>The cursor wraps at the largest multiple of the period not above this (or the period, if longer).</summary>
    private const int WrapTarget = 1 << 30;

    // Cold: read when a group is built, reconfigured or explained (and the window, by picks of a long period).
    [FieldOffset(0)]
    private readonly string[] _memberIds;

    [FieldOffset(8)]
    private readonly ulong _key;

    [FieldOffset(16)]
    private readonly WeightedScheduleWindow? _window;

    [FieldOffset(24)]
    private readonly int[] _memberWeights;

    [FieldOffset(32)]
    private readonly int[] _memberPositions;

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

    /// <param name="key">The group's key.</param>
    /// <param name="positions">The group's reps (positions in the roster).</param>
    /// <param name="weights">Their weights; those of weight 0 are left out.</param>
    /// <param name="repIds">Every rep's id, by position.</param>
    /// <param name="previous">
    /// The same group in the snapshot before a roster replacement, if any: when it had the same reps in the same order with
    /// the same reduced weights, and so the same sequence, this schedule continues where it stopped (its position in the
    /// period, and a long period's generator and kept slots); otherwise the sequence starts at its first slot.
    /// </param>
    /// <param name="materialiseLimit">The longest period precomputed whole (tests lower it to exercise the chunks).</param>
    /// <param name="chunk">Slots per chunk of a longer period, a power of two.</param>
    /// <param name="keepWhole">The longest period whose chunks are all kept once generated.</param>
    public WeightedSchedule(ulong key, int[] positions, int[] weights, string[] repIds, WeightedSchedule? previous = null, int materialiseLimit = MaterialiseLimit, int chunk = WeightedScheduleWindow.DefaultChunk, int keepWhole = WeightedScheduleWindow.DefaultKeepWhole)
    {
        _key = key;
        var divisor = 0;
        var members = 0;
        foreach (var w in weights)
        {
            divisor = (int)BigInteger.GreatestCommonDivisor(divisor, w);
            members += w > 0 ? 1 : 0;
        }

        _memberIds = new string[members];
        _memberWeights = new int[members];
        _memberPositions = new int[members];
        var total = 0L;
        for (int i = 0, m = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                _memberIds[m] = repIds[positions[i]];
                _memberPositions[m] = positions[i];
                _memberWeights[m] = weights[i] / divisor;
                total += _memberWeights[m];
                m++;
            }
        }

        _period = checked((int)total);
        var continues = previous is not null && previous._memberIds.AsSpan().SequenceEqual(_memberIds) && previous._memberWeights.AsSpan().SequenceEqual(_memberWeights);
        if (continues)
        {
            // Carry the position within the period (reduced, so the cursor starts below the wrap point even if the
            // previous one was caught between a wrapping pick's two atomic operations).
            _cursor = (long)((ulong)previous!.Cursor % (ulong)_period);
        }

        if (total > materialiseLimit)
        {
            _positions = [];
            _window = continues && previous!._window is { } window
                ? window.ContinueAs(_memberPositions)
                : new WeightedScheduleWindow(_memberPositions, _memberWeights, chunk, keepWhole);
        }
        else
        {
            _positions = new int[total];
            if (total > 0)
            {
                var sequence = new SmoothWeightedSequence(_memberWeights);
                for (var n = 0; n < _positions.Length; n++)
                {
                    _positions[n] = _memberPositions[sequence.Next()];
                }
            }
        }

        if (total > 0)
        {
            // ulong.MaxValue / d + 1 = ⌈2⁶⁴ / d⌉ for every d > 1 (d = 1 wraps to 0, which Reduce also gets right).
            _multiplier = (ulong.MaxValue / (ulong)total) + 1;
            _wrapAt = _period * Math.Max(1, WrapTarget / _period);
        }

        if (total <= InlineSlots)
        {
            _positions.CopyTo(_inline);
        }
    }

    /// <summary>The ids of the reps with a positive weight, in group order: with their weights, what identifies the group across roster replacements, where positions move.</summary>
    public string[] MemberIds => _memberIds;

    /// <summary>The reps with a positive weight (positions in the roster), in group order.</summary>
    public int[] MemberPositions => _memberPositions;

    /// <summary>The window of a period longer than <see cref="MaterialiseLimit"/>; null when the period is precomputed.</summary>
    public WeightedScheduleWindow? Window => _window;

    /// <summary>The <see cref="Internal.RouteContext.SegmentKey"/> of the group.</summary>
    public ulong Key => _key;

    /// <summary>Rep positions in pick order, the whole period; empty when no rep has a positive weight or the period is generated in chunks.</summary>
    public int[] Positions => _positions;

    /// <summary>The number of slots in a period (Σw after reduction); 0 when no rep has a positive weight.</summary>
    public int Period => _period;

    /// <summary>The multiple of <see cref="Period"/> the cursor is brought back from (0 when the period is 0).</summary>
    public int WrapPoint => _wrapAt;

    /// <summary>Picks taken so far, modulo a multiple of <see cref="Period"/>: what decides the next slot.</summary>
    public long Cursor => Volatile.Read(ref _cursor);

    /// <summary>Sets the cursor: the next pick takes slot <paramref name="value"/> mod <see cref="Period"/>. For tests.</summary>
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

    /// <summary>The rep position in <paramref name="slot"/> of a precomputed period (0 ≤ slot &lt; <see cref="Period"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionAt(int slot) => _period <= InlineSlots ? _inline[slot] : _positions[slot];

    /// <summary>Takes the next slot and returns its rep position (<paramref name="slot"/>: which slot). <see cref="Period"/> must be positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Take(out int slot)
    {
        slot = NextSlot();
        return _window is null ? PositionAt(slot) : TakeFromWindow(ref slot);
    }

    /// <summary>The rep position of the slot <paramref name="ahead"/> places after the next one, without taking it (for a preview).</summary>
    public int Peek(int ahead, out int slot)
    {
        slot = PeekSlot(ahead);
        return _window is { } window ? window.Peek(slot) : PositionAt(slot);
    }

    private int TakeFromWindow(ref int slot)
    {
        while (true)
        {
            var position = _window!.PositionOf(slot);
            if (position >= 0)
            {
                return position;
            }

            slot = NextSlot();
        }
    }

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
