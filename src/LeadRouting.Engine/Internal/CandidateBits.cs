namespace LeadRouting.Engine.Internal;

/// <summary>Helpers for plain bitsets over rep positions (one bit per rep, 64 reps per word).</summary>
internal static class CandidateBits
{
    public static int WordCount(int bits) => (bits + 63) >> 6;

    public static void Set(Span<ulong> set, int position) =>
        set[position >> 6] |= 1UL << position;
}
