using System.Numerics;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// A fixed set of rep positions (a team, the owners of a territory rule), precomputed per snapshot. Only the non-zero
/// 64-rep words are stored, so tens of thousands of territory rules stay small at ten thousand reps, and work on a mask
/// costs its own size, not the roster's.
/// </summary>
internal sealed class RepMask
{
    private readonly int[] _wordIndex;
    private readonly ulong[] _bits;
    private readonly bool _contiguous;

    // The first word again, in the object itself: most territory masks (a rule's few owners) have one word, and a route
    // reading it then touches one cache line instead of three (the object and both arrays).
    private readonly ulong _firstBits;

    public RepMask(IEnumerable<int> positions)
        : this(Sorted([.. positions]))
    {
    }

    /// <summary>A mask of <paramref name="positions"/>, in any order, duplicates allowed (ascending order is cheapest).</summary>
    public RepMask(ReadOnlySpan<int> positions)
    {
        // Sorted positions give the words in order in one pass (a territory rebuild makes tens of thousands of masks,
        // so no per-mask dictionary). Duplicates are harmless: they set the same bit.
        var sorted = IsAscending(positions) ? positions : Sorted(positions.ToArray());
        var words = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] >> 6 != sorted[i - 1] >> 6)
            {
                words++;
            }
        }

        WordCount = words;
        if (words <= 1)
        {
            // At most one word: it lives in the object, with no arrays (a rebuild makes tens of thousands of such masks).
            _wordIndex = [];
            _bits = [];
            _contiguous = true;
            foreach (var p in sorted)
            {
                _firstBits |= 1UL << p;
            }

            FirstWord = words == 0 ? 0 : sorted[0] >> 6;
            EndWord = words == 0 ? 0 : FirstWord + 1;
            Count = BitOperations.PopCount(_firstBits);
            return;
        }

        _wordIndex = new int[words];
        _bits = new ulong[words];
        var j = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] >> 6 != sorted[i - 1] >> 6)
            {
                _wordIndex[++j] = sorted[i] >> 6;
            }

            _bits[j] |= 1UL << sorted[i];
        }

        foreach (var b in _bits)
        {
            Count += BitOperations.PopCount(b);
        }

        _contiguous = _wordIndex[^1] - _wordIndex[0] + 1 == _wordIndex.Length;
        FirstWord = _wordIndex[0];
        _firstBits = _bits[0];
        EndWord = _wordIndex[^1] + 1;
    }

    private static int[] Sorted(int[] positions)
    {
        Array.Sort(positions);
        return positions;
    }

    private static bool IsAscending(ReadOnlySpan<int> positions)
    {
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] < positions[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Number of reps.</summary>
    public int Count { get; }

    /// <summary>Number of stored (non-zero) words.</summary>
    public int WordCount { get; }

    /// <summary>The first word that may be non-zero.</summary>
    public int FirstWord { get; }

    /// <summary>One past the last word that may be non-zero.</summary>
    public int EndWord { get; }

    public int WordIndexAt(int j) => j == 0 ? FirstWord : _wordIndex[j];

    public ulong BitsAt(int j) => j == 0 ? _firstBits : _bits[j];

    /// <summary>The bits of word <paramref name="word"/> (zero when the mask has none there).</summary>
    public ulong WordAt(int word)
    {
        if (word == FirstWord)
        {
            return _firstBits;
        }

        if (_contiguous)
        {
            var j = word - FirstWord;
            return (uint)j < (uint)_bits.Length ? _bits[j] : 0; // a one-word mask was answered above
        }

        var k = Array.BinarySearch(_wordIndex, word);
        return k >= 0 ? _bits[k] : 0;
    }

    public bool Contains(int position) => (WordAt(position >> 6) & (1UL << position)) != 0;
}
