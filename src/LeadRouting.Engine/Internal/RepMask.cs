using System.Numerics;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// A fixed set of rep positions (a team, the owners of a territory rule), precomputed per snapshot. Stored sparsely
/// (only the non-zero words) so that tens of thousands of territory rules stay small at ten thousand reps.
/// </summary>
internal sealed class RepMask
{
    private readonly int[] _wordIndex;
    private readonly ulong[] _bits;

    public RepMask(IEnumerable<int> positions)
    {
        var words = new SortedDictionary<int, ulong>();
        foreach (var p in positions)
        {
            words.TryGetValue(p >> 6, out var w);
            words[p >> 6] = w | (1UL << p);
        }

        _wordIndex = [.. words.Keys];
        _bits = [.. words.Values];
        for (var i = 0; i < _bits.Length; i++)
        {
            Count += BitOperations.PopCount(_bits[i]);
        }
    }

    public int Count { get; }

    /// <summary>set &amp;= this.</summary>
    public void IntersectInto(Span<ulong> set)
    {
        var j = 0;
        var next = _wordIndex.Length > 0 ? _wordIndex[0] : int.MaxValue;
        for (var w = 0; w < set.Length; w++)
        {
            if (w == next)
            {
                set[w] &= _bits[j++];
                next = j < _wordIndex.Length ? _wordIndex[j] : int.MaxValue;
            }
            else
            {
                set[w] = 0;
            }
        }
    }

    /// <summary>Whether this and <paramref name="set"/> share a position.</summary>
    public bool Intersects(ReadOnlySpan<ulong> set)
    {
        for (var j = 0; j < _wordIndex.Length; j++)
        {
            if ((set[_wordIndex[j]] & _bits[j]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool Contains(int position)
    {
        var j = Array.BinarySearch(_wordIndex, position >> 6);
        return j >= 0 && (_bits[j] & (1UL << position)) != 0;
    }
}
