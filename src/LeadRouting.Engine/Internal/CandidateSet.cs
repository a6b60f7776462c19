using System.Numerics;
using System.Runtime.CompilerServices;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// The reps still eligible for one route: the active reps, intersected with every fixed mask a step narrowed to (team,
/// territory owners), minus reps dropped one by one (full, lost a race). Narrowing to a mask is only recorded; the set is
/// materialised into bits when a step needs to iterate it, and then only over the words of its sparsest mask, so a
/// route that narrows to six territory owners touches one or two words whatever the roster's size.
/// </summary>
internal ref struct CandidateSet
{
    /// <summary>How many masks a set keeps pending before it materialises (the length of its pending storage).</summary>
    public const int MaxPendingMasks = 8;

    /// <summary>Rosters of up to this many 64-rep words (256 reps) keep their candidates as bits from the start.</summary>
    private const int EagerWords = 4;

    /// <summary>Whether a set over <paramref name="words"/> words keeps masks pending, and so needs pending storage.</summary>
    public static bool KeepsMasksPending(int words) => words > EagerWords;

    private ReadOnlySpan<ulong> _active;
    private Span<ulong> _bits;
    private ReadOnlySpan<int> _excluded;
    // Storage for the masks narrowed to but not yet applied, lent by the route (see RoutingEngine.RouteOn); empty for a
    // roster that starts materialised. A span, not eight references inline: every reference-holding field of the route
    // context is zeroed on entry to the route, and two sets' inline slots were 128 of the 384 bytes zeroed.
    private Span<RepMask> _pending;
    private int _pendingCount;
    private bool _materialized;

    // The one rep a route is restricted to (see RestrictTo); -1 when any rep may be a candidate.
    private int _only;

    // Materialised bits are only meaningful in [_lo, _hi); every other word is zero by definition.
    private int _lo;
    private int _hi;

    /// <summary>
    /// Starts the set as the active reps, over <paramref name="bits"/> as its scratch words. Called on a zeroed field in
    /// place: building a temporary set and copying it in made the JIT copy it through a stack temporary with mixed store
    /// widths, a store-forwarding stall on every route.
    /// </summary>
    public void Initialize(ReadOnlySpan<ulong> active, Span<ulong> bits, Span<RepMask> pending)
    {
        // Assigns every field: the owner may skip zeroing.
        _active = active;
        _bits = bits;
        _pending = pending;
        _excluded = default;
        _only = -1;
        Start();
    }

    /// <summary>
    /// As <see cref="Initialize"/>, but leaves the words unwritten until the set is first used (it then starts as the
    /// active reps): for the spare set, which most routes never touch.
    /// </summary>
    public void InitializeLazily(ReadOnlySpan<ulong> active, Span<ulong> bits, Span<RepMask> pending)
    {
        _active = active;
        _bits = bits;
        _pending = pending;
        _excluded = default;
        _only = -1;
        _pendingCount = 0;
        _lo = 0;
        _hi = 0;
        _materialized = false;
    }

    /// <summary>
    /// The active reps, with no narrowing. A roster of up to <see cref="EagerWords"/> words starts materialised: a narrowing
    /// is then an AND over those few words and a membership test one load, cheaper than keeping masks pending for later.
    /// </summary>
    private void Start()
    {
        _pendingCount = 0;
        _lo = 0;
        if (_active.Length <= EagerWords)
        {
            // A loop, not CopyTo: a call to Memmove for one to four words costs more than the copy.
            for (var w = 0; w < _active.Length; w++)
            {
                _bits[w] = _active[w];
            }

            _hi = _active.Length;
            _materialized = true;
        }
        else
        {
            _hi = 0;
            _materialized = false;
        }
    }

    /// <summary>Starts from the active reps again, dropping every narrowing but keeping the restriction and exclusions (for a fallback).</summary>
    public void Reset()
    {
        Start();
        ApplyRestriction();
        ApplyExclusions();
    }

    /// <summary>
    /// Restricts the set, now and after every <see cref="Reset"/>, to one rep (if active): a route for that rep alone. The
    /// set becomes that rep's word, so every later narrowing and scan costs one word whatever the roster's size.
    /// </summary>
    public void RestrictTo(int position)
    {
        _only = position;
        ApplyRestriction();
    }

    /// <summary>Starts the set over again from <paramref name="reps"/> instead of the active reps (kept after every <see cref="Reset"/>).</summary>
    public void Rebase(ReadOnlySpan<ulong> reps)
    {
        _active = reps;
        Start();
        ApplyRestriction();
        ApplyExclusions();
    }

    private void ApplyRestriction()
    {
        if (_only < 0)
        {
            return;
        }

        var w = _only >> 6;
        _bits[w] = _active[w] & (1UL << _only);
        _lo = w;
        _hi = w + 1;
        _pendingCount = 0;
        _materialized = true;
    }

    /// <summary>
    /// Reps this route must never get, whatever later resets: they are removed now and after every <see cref="Reset"/>.
    /// Exclusions are rare (re-routes), so they simply materialise the set.
    /// </summary>
    public void Exclude(ReadOnlySpan<int> positions)
    {
        _excluded = positions;
        ApplyExclusions();
    }

    /// <summary>Whether the route must never get this rep: excluded, or not the one rep it is restricted to.</summary>
    public readonly bool IsExcluded(int position) => (_only >= 0 && position != _only) || _excluded.Contains(position);

    private void ApplyExclusions()
    {
        foreach (var p in _excluded)
        {
            Remove(p);
        }
    }

    /// <summary>
    /// Intersects with a fixed mask described by <paramref name="head"/>: a one-word mask narrows a materialised set from
    /// the head alone, without reading the mask object (one cache line less per territory rule a route narrows to).
    /// </summary>
    public void Narrow(in MaskHead head)
    {
        if (_materialized && head.WordCount == 1)
        {
            var w = head.FirstWord;
            var lo = Math.Max(_lo, w);
            var hi = Math.Min(_hi, w + 1);
            if (lo < hi)
            {
                _bits[w] &= head.FirstBits;
            }

            _lo = lo;
            _hi = Math.Max(lo, hi);
            return;
        }

        Narrow(head.Mask);
    }

    /// <summary>Whether the set and the mask <paramref name="head"/> describes share a rep; see <see cref="Narrow(in MaskHead)"/>.</summary>
    public readonly bool Intersects(in MaskHead head)
    {
        if (_materialized && head.WordCount == 1)
        {
            var w = head.FirstWord;
            return w >= _lo && w < _hi && (_bits[w] & head.FirstBits) != 0;
        }

        return Intersects(head.Mask);
    }

    /// <summary>Intersects with a fixed mask.</summary>
    public void Narrow(RepMask mask)
    {
        if (_materialized)
        {
            var lo = Math.Max(_lo, mask.FirstWord);
            var hi = Math.Min(_hi, mask.EndWord);
            for (var w = lo; w < hi; w++)
            {
                _bits[w] &= mask.WordAt(w);
            }

            _lo = lo;
            _hi = Math.Max(lo, hi);
            return;
        }

        if (_pendingCount == _pending.Length)
        {
            Materialize();
            Narrow(mask);
            return;
        }

        _pending[_pendingCount++] = mask;
    }

    /// <summary>Whether no rep is left. Stops at the first rep found, so a non-empty set answers in a word or two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the materialised case is a few words: no call for it
    public readonly bool IsEmpty()
    {
        if (_materialized)
        {
            for (var w = _lo; w < _hi; w++)
            {
                if (_bits[w] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        return PendingIsEmpty();
    }

    private readonly bool PendingIsEmpty()
    {
        var driver = Sparsest();
        if (driver < 0)
        {
            foreach (var word in _active)
            {
                if (word != 0)
                {
                    return false;
                }
            }

            return true;
        }

        var mask = _pending[driver];
        for (var j = 0; j < mask.WordCount; j++)
        {
            if (PendingWord(mask.WordIndexAt(j), mask.BitsAt(j), driver) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the set and <paramref name="mask"/> share a rep; costs the mask's size.</summary>
    public readonly bool Intersects(RepMask mask)
    {
        if (_materialized && mask.WordCount == 1)
        {
            // Most territory rules: a few owners in one word.
            var w = mask.FirstWord;
            return w >= _lo && w < _hi && (_bits[w] & mask.BitsAt(0)) != 0;
        }

        for (var j = 0; j < mask.WordCount; j++)
        {
            var w = mask.WordIndexAt(j);
            var bits = _materialized ? (w >= _lo && w < _hi ? _bits[w] : 0) : PendingWord(w, ulong.MaxValue, -1);
            if ((bits & mask.BitsAt(j)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public readonly bool Contains(int position)
    {
        var w = position >> 6;
        var bits = _materialized ? (w >= _lo && w < _hi ? _bits[w] : 0) : PendingWord(w, ulong.MaxValue, -1);
        return (bits & (1UL << position)) != 0;
    }

    /// <summary>Turns the recorded narrowing into bits, over the sparsest mask's words only.</summary>
    public void Materialize()
    {
        if (_materialized)
        {
            return;
        }

        var driver = Sparsest();
        if (driver < 0)
        {
            _active.CopyTo(_bits);
            _lo = 0;
            _hi = _active.Length;
        }
        else
        {
            var mask = _pending[driver];
            _lo = mask.FirstWord;
            _hi = mask.EndWord;
            _bits[_lo.._hi].Clear();
            for (var j = 0; j < mask.WordCount; j++)
            {
                var w = mask.WordIndexAt(j);
                _bits[w] = PendingWord(w, mask.BitsAt(j), driver);
            }
        }

        _materialized = true;
        _pendingCount = 0;
    }

    /// <summary>The materialised words; call <see cref="Materialize"/> first. Words outside [<see cref="Lo"/>, <see cref="Hi"/>) are not part of the set.</summary>
    public readonly Span<ulong> Words => _bits;

    public readonly int Lo => _lo;

    public readonly int Hi => _hi;

    /// <summary>
    /// The reps in the set, in roster order (materialises first). Each word is read once, when the enumerator reaches it,
    /// so removing the current rep while enumerating is safe.
    /// </summary>
    public PositionEnumerator GetEnumerator()
    {
        Materialize();
        return new PositionEnumerator(_bits, _lo, _hi);
    }

    /// <summary>Drops one rep (materialises first).</summary>
    public void Remove(int position)
    {
        Materialize();
        var w = position >> 6;
        if (w >= _lo && w < _hi)
        {
            _bits[w] &= ~(1UL << position);
        }
    }

    /// <summary>Removes every rep that is in <paramref name="other"/> (both are materialised first).</summary>
    public void RemoveAll(ref CandidateSet other)
    {
        Materialize();
        other.Materialize();
        for (var w = Math.Max(_lo, other._lo); w < Math.Min(_hi, other._hi); w++)
        {
            _bits[w] &= ~other._bits[w];
        }
    }

    /// <summary>Empties the set over words [lo, hi), materialised, for the caller to <see cref="Add"/> reps to (builds a tier).</summary>
    public void ClearTo(int lo, int hi)
    {
        _lo = lo;
        _hi = hi;
        _bits[lo..hi].Clear();
        _pendingCount = 0;
        _materialized = true;
    }

    /// <summary>Adds a rep to a materialised set, within its current range.</summary>
    public readonly void Add(int position) => _bits[position >> 6] |= 1UL << position;

    private readonly int Sparsest()
    {
        var best = -1;
        var words = int.MaxValue;
        for (var i = 0; i < _pendingCount; i++)
        {
            if (_pending[i].WordCount < words)
            {
                words = _pending[i].WordCount;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Word <paramref name="w"/> of active ∩ every pending mask, starting from <paramref name="seed"/> (mask <paramref name="skip"/>'s own bits).</summary>
    private readonly ulong PendingWord(int w, ulong seed, int skip)
    {
        var bits = seed & _active[w];
        for (var i = 0; i < _pendingCount && bits != 0; i++)
        {
            if (i != skip)
            {
                bits &= _pending[i].WordAt(w);
            }
        }

        return bits;
    }

    /// <summary>Enumerates set bits word by word: a trailing-zero count per rep, no allocation.</summary>
    public ref struct PositionEnumerator
    {
        private readonly ReadOnlySpan<ulong> _words;
        private readonly int _end;
        private int _word;
        private ulong _bits;

        public PositionEnumerator(ReadOnlySpan<ulong> words, int lo, int hi)
        {
            _words = words;
            _end = hi;
            _word = lo - 1;
            Current = -1;
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_bits == 0)
            {
                if (++_word >= _end)
                {
                    return false;
                }

                _bits = _words[_word];
            }

            Current = (_word << 6) + BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return true;
        }
    }

}

/// <summary>
/// A <see cref="RepMask"/> with its first word's index and bits and its word count copied beside the reference, for a
/// caller that keeps it in a record it reads anyway (a territory rule's owners): one-word masks are then used without
/// touching the mask object.
/// </summary>
internal readonly struct MaskHead
{
    public MaskHead(RepMask mask)
    {
        Mask = mask;
        FirstBits = mask.WordCount == 0 ? 0 : mask.BitsAt(0);
        FirstWord = mask.FirstWord;
        WordCount = mask.WordCount;
    }

    public RepMask Mask { get; }

    public ulong FirstBits { get; }

    public int FirstWord { get; }

    public int WordCount { get; }
}
