using System.Runtime.CompilerServices;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// Rep positions by the identity of the id string the roster holds: the strings a decision hands out
/// (<see cref="RoutingDecision.RepId"/>) are those very instances, so a host that releases or excludes a rep with the id
/// it was given is found with one probe of one array, without hashing or comparing characters (an ordinal dictionary
/// reads the string, its bucket, its entry and the stored key: four cache misses at ten thousand reps). Any other
/// instance with the same characters misses here and is looked up by value.
/// </summary>
internal sealed class IdentityIndex
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public IdentityIndex(IReadOnlyList<string> ids)
    {
        // A power of two at least twice the count: probes stay short and a miss always meets an empty slot.
        var size = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)ids.Count * 2));
        _entries = new Entry[size];
        _mask = size - 1;
        for (var position = 0; position < ids.Count; position++)
        {
            var i = RuntimeHelpers.GetHashCode(ids[position]) & _mask;
            while (_entries[i].Id is not null)
            {
                i = (i + 1) & _mask;
            }

            _entries[i] = new Entry(ids[position], position);
        }
    }

    /// <summary>The position of the rep whose id is this very string instance; false for any other instance.</summary>
    public bool TryGetPosition(string id, out int position)
    {
        for (var i = RuntimeHelpers.GetHashCode(id) & _mask; ; i = (i + 1) & _mask)
        {
            var entry = _entries[i];
            if (ReferenceEquals(entry.Id, id))
            {
                position = entry.Position;
                return true;
            }

            if (entry.Id is null)
            {
                position = -1;
                return false;
            }
        }
    }

    private readonly record struct Entry(string Id, int Position);
}
