namespace LeadRouting.Engine.Benchmarks.Baseline;

/// <summary>
/// Smooth weighted round-robin (the nginx algorithm) written the obvious way: every pick adds each rep's weight to its
/// running total, takes the highest total (the first in roster order on ties: <c>OrderByDescending</c> is stable) and
/// subtracts the sum of the weights from the winner. O(reps) per pick; the caller holds the lock.
/// </summary>
internal sealed class SmoothWeightedRotation
{
    private readonly List<Entry> _entries;

    /// <param name="reps">The group's reps with a positive weight, in roster order.</param>
    public SmoothWeightedRotation(IEnumerable<RepRecord> reps)
    {
        _entries = reps.Select(rep => new Entry(rep)).ToList();
        Period = _entries.Sum(e => e.Rep.Weight);
    }

    /// <summary>The sum of the weights: after this many picks every rep has had exactly its weight's worth.</summary>
    public int Period { get; }

    /// <summary>The next rep in the rotation.</summary>
    public RepRecord Next()
    {
        _entries.ForEach(e => e.Current += e.Rep.Weight);
        var best = _entries.OrderByDescending(e => e.Current).First();
        best.Current -= Period;
        return best.Rep;
    }

    private sealed class Entry(RepRecord rep)
    {
        public RepRecord Rep { get; } = rep;

        public long Current { get; set; }
    }
}
