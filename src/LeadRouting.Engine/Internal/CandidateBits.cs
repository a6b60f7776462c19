using System.Numerics;

namespace LeadRouting.Engine.Internal;

/// <summary>Operations on candidate sets: bitsets over rep positions, one bit per rep, 64 reps per word.</summary>
internal static class CandidateBits
{
    public static int WordCount(int bits) => (bits + 63) >> 6;

    public static bool IsSet(ReadOnlySpan<ulong> set, int position) =>
        (set[position >> 6] & (1UL << position)) != 0;

    public static void Clear(Span<ulong> set, int position) =>
        set[position >> 6] &= ~(1UL << position);

    public static void Set(Span<ulong> set, int position) =>
        set[position >> 6] |= 1UL << position;

    public static bool IsEmpty(ReadOnlySpan<ulong> set)
    {
        foreach (var w in set)
        {
            if (w != 0)
            {
                return false;
            }
        }

        return true;
    }

    public static int Count(ReadOnlySpan<ulong> set)
    {
        var n = 0;
        foreach (var w in set)
        {
            n += BitOperations.PopCount(w);
        }

        return n;
    }

    /// <summary>The first set position at or after <paramref name="from"/>, or -1.</summary>
    public static int NextSet(ReadOnlySpan<ulong> set, int from)
    {
        var word = from >> 6;
        if (word >= set.Length)
        {
            return -1;
        }

        var bits = set[word] & (ulong.MaxValue << from);
        while (true)
        {
            if (bits != 0)
            {
                return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }

            if (++word == set.Length)
            {
                return -1;
            }

            bits = set[word];
        }
    }

    /// <summary>Sets the first <paramref name="count"/> bits and clears the rest.</summary>
    public static void Fill(Span<ulong> set, int count)
    {
        set.Clear();
        var full = count >> 6;
        set[..full].Fill(ulong.MaxValue);
        var rest = count & 63;
        if (rest != 0)
        {
            set[full] = (1UL << rest) - 1;
        }
    }
}
