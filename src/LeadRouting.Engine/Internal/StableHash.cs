namespace LeadRouting.Engine.Internal;

/// <summary>
/// FNV-1a over a string: the same text gives the same 64-bit value in every snapshot (unlike
/// <see cref="string.GetHashCode()"/> across processes, and unlike positions or rule ids, which move when the roster changes).
/// </summary>
internal static class StableHash
{
    private const ulong Basis = 14695981039346656037UL;

    public static long Of(string text) => (long)Add(Basis, text);

    /// <summary>The hash of <see cref="Territory.ToString"/> without building the string (a rebuild hashes every rule).</summary>
    public static long Of(Territory territory)
    {
        var h = Add(Basis, territory.Country);
        return (long)(territory.Level switch
        {
            TerritoryLevel.Region => Add(Add(h, "-"), territory.Region),
            TerritoryLevel.PostalPrefix => Add(Add(h, ":"), territory.PostalPrefix),
            _ => h,
        });
    }

    private static ulong Add(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
