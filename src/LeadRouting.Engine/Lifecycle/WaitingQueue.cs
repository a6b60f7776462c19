namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// The desk's bounded queue: ordered by priority (higher first), then arrival (older first). Insertion, removal and
/// finding the last-ranked lead (to make room) are logarithmic. Not thread-safe: used under the desk's lock.
/// </summary>
internal sealed class WaitingQueue(int capacity)
{
    private readonly SortedSet<HeldLead> _leads = new(Rank.Instance);

    public int Capacity { get; } = capacity;

    public int Count => _leads.Count;

    /// <summary>
    /// Adds <paramref name="lead"/>; when full, whichever of the newcomer and the last-ranked waiting lead ranks last is
    /// left out and returned in <paramref name="bumped"/> (the newcomer itself when it ranks last).
    /// </summary>
    public void Add(HeldLead lead, out HeldLead? bumped)
    {
        bumped = null;
        if (_leads.Count >= Capacity)
        {
            var last = _leads.Max!;
            if (Rank.Instance.Compare(lead, last) > 0)
            {
                bumped = lead;
                return;
            }

            _leads.Remove(last);
            bumped = last;
        }

        _leads.Add(lead);
    }

    public bool Remove(HeldLead lead) => _leads.Remove(lead);

    /// <summary>
    /// The leads in offer order, read in place: no copy, so a pass costs the leads it reads, not the queue's length. Add or
    /// remove only after the pass.
    /// </summary>
    public SortedSet<HeldLead>.Enumerator GetEnumerator() => _leads.GetEnumerator();

    /// <summary>A copy in offer order (for a snapshot).</summary>
    public HeldLead[] InOrder()
    {
        var copy = new HeldLead[_leads.Count];
        _leads.CopyTo(copy);
        return copy;
    }

    private sealed class Rank : IComparer<HeldLead>
    {
        public static readonly Rank Instance = new();

        public int Compare(HeldLead? x, HeldLead? y)
        {
            var byPriority = y!.Priority.CompareTo(x!.Priority);
            return byPriority != 0 ? byPriority : x.Arrival.CompareTo(y.Arrival);
        }
    }
}
