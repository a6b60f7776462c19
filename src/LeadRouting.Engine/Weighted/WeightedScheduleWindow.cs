using System.Runtime.CompilerServices;

namespace LeadRouting.Engine.Weighted;

/// <summary>
/// The slots of a long weighted period, generated a chunk at a time just ahead of the routes that take them, so memory
/// and the work of any one route stay bounded however large Σw is. Slot s always holds the same rep (the sequence is
/// periodic), so the window only caches: the <see cref="WeightedSchedule"/> cursor decides who takes which slot.
/// </summary>
/// <remarks>
/// <para>
/// An entry holds (slot &lt;&lt; 32 | position), read lock-free with one 64-bit load: a reader whose slot's entry holds
/// another slot takes the lock and generates chunks until its slot is in. The last two chunks generated
/// are kept: slots below P − 2c (c the chunk) in one ring (index slot mod 2c), the last 2c slots of the period in a ring of
/// their own, so slots on both sides of the period's end never share an entry. A period of up to
/// <see cref="DefaultKeepWhole"/> slots keeps every slot (index = slot): after one lap no route generates any more.
/// </para>
/// <para>
/// A route stalled between taking its slot and reading it while other routes took a whole window more finds its slot
/// overwritten; it takes the next slot instead (<see cref="PositionOf"/> returns −1), as a route whose rep is away does.
/// </para>
/// </remarks>
internal sealed class WeightedScheduleWindow
{
    /// <summary>Slots generated per refill; the window keeps two chunks.</summary>
    public const int DefaultChunk = 1024;

    /// <summary>Periods up to this long are kept whole once generated (8 bytes a slot), so their routes stop generating after one lap.</summary>
    public const int DefaultKeepWhole = 1 << 16;

    private readonly Lock _lock = new();
    private readonly long[] _entries;
    private readonly int _window;
    private readonly int _chunk;
    private readonly int _keepWhole;
    private readonly int _tailStart;
    private readonly int _period;
    private readonly int[] _positions;
    private readonly int[] _weights;
    private readonly SmoothWeightedSequence _sequence;

    /// <param name="positions">The rep position of each member.</param>
    /// <param name="weights">The members' weights, reduced by their greatest common divisor, all positive.</param>
    /// <param name="chunk">Slots per refill, a power of two.</param>
    /// <param name="keepWhole">The longest period kept whole.</param>
    public WeightedScheduleWindow(int[] positions, int[] weights, int chunk, int keepWhole)
        : this(positions, weights, chunk, keepWhole, new SmoothWeightedSequence(weights))
    {
    }

    private WeightedScheduleWindow(int[] positions, int[] weights, int chunk, int keepWhole, SmoothWeightedSequence sequence)
    {
        _positions = positions;
        _weights = weights;
        _chunk = chunk;
        _keepWhole = keepWhole;
        _sequence = sequence;
        _period = (int)sequence.Period;
        if (_period <= keepWhole)
        {
            // Every slot has its own entry: IndexOf(slot) = 0 + (slot − 0).
            _window = 0;
            _tailStart = 0;
            _entries = new long[_period];
        }
        else
        {
            _window = 2 * chunk;
            _tailStart = _period - _window;
            _entries = new long[2 * _window];
        }

        _entries.AsSpan().Fill(-1);
    }

    /// <summary>Slots generated so far (the work done), for tests.</summary>
    public long Generated { get; private set; }

    /// <summary>Tree nodes the generator has evaluated so far (its work), for tests.</summary>
    public long NodesEvaluated => _sequence.NodesEvaluated;

    /// <summary>Whether every slot is kept once generated.</summary>
    public bool KeepsWhole => _window == 0;

    /// <summary>The rep position in <paramref name="slot"/>; −1 when the slot has left the window (take another).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionOf(int slot)
    {
        var entry = Volatile.Read(ref _entries[IndexOf(slot)]);
        return (int)(entry >> 32) == slot ? (int)entry : Fill(slot);
    }

    /// <summary>The rep position in <paramref name="slot"/>, generated aside if need be; never moves the window (for a preview).</summary>
    public int Peek(int slot)
    {
        var entry = Volatile.Read(ref _entries[IndexOf(slot)]);
        if ((int)(entry >> 32) == slot)
        {
            return (int)entry;
        }

        SmoothWeightedSequence aside;
        long steps;
        lock (_lock)
        {
            var ahead = Ahead(slot);
            aside = ahead < _period / 2 ? _sequence.Clone() : new SmoothWeightedSequence(_weights);
            steps = ahead < _period / 2 ? ahead : slot;
        }

        aside.Skip(steps);
        return _positions[aside.Next()];
    }

    /// <summary>
    /// The same group in the next snapshot, where the members have <paramref name="positions"/>: continues this window's
    /// sequence (its state and its kept slots), so the rotation carries over and no slot is generated again.
    /// </summary>
    public WeightedScheduleWindow ContinueAs(int[] positions)
    {
        lock (_lock)
        {
            var next = new WeightedScheduleWindow(positions, _weights, _chunk, _keepWhole, _sequence.Clone());
            var memberAt = new Dictionary<int, int>(_positions.Length);
            for (var m = 0; m < _positions.Length; m++)
            {
                memberAt[_positions[m]] = m;
            }

            for (var i = 0; i < _entries.Length; i++)
            {
                var entry = _entries[i];
                if (entry >= 0)
                {
                    next._entries[i] = (entry & ~0xFFFF_FFFFL) | (uint)positions[memberAt[(int)entry]];
                }
            }

            return next;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(int slot) => slot >= _tailStart ? _window + (slot - _tailStart) : slot & (_window - 1);

    /// <summary>Slots from the next one to generate up to <paramref name="slot"/>, going forward round the period.</summary>
    private long Ahead(int slot)
    {
        var ahead = (long)slot - _sequence.Position;
        return ahead < 0 ? ahead + _period : ahead;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Fill(int slot)
    {
        lock (_lock)
        {
            var index = IndexOf(slot);
            var entry = _entries[index];
            if ((int)(entry >> 32) == slot)
            {
                return (int)entry;
            }

            // A slot a few chunks ahead is generated; one further round the period was taken by a route that stalled
            // while the window moved on past it, and would cost that route up to a whole period: it takes another.
            var ahead = Ahead(slot);
            if (!KeepsWhole && ahead >= Math.Min(8L * _chunk, _period))
            {
                return -1;
            }

            for (var generated = 0L; generated <= ahead; generated += _chunk)
            {
                GenerateChunk();
            }

            return (int)_entries[index];
        }
    }

    private void GenerateChunk()
    {
        for (var n = 0; n < _chunk; n++)
        {
            var slot = (int)_sequence.Position;
            var position = _positions[_sequence.Next()];
            Volatile.Write(ref _entries[IndexOf(slot)], ((long)slot << 32) | (uint)position);
        }

        Generated += _chunk;
    }
}
