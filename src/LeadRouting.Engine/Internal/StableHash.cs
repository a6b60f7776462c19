namespace LeadRouting.Engine.Internal;

/// <summary>
/// FNV-1a over a string: the same text gives the same 64-bit value in every snapshot (unlike
/// <see cref="string.GetHashCode()"/> across processes, and unlike positions or rule ids, which move when the roster changes).
/// </summary>
internal static class StableHash
{
    public static long Of(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (long)h;
    }
}
