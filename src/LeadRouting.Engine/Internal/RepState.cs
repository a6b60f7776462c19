namespace LeadRouting.Engine.Internal;

/// <summary>
/// The mutable counters of one rep. One instance per rep id for the life of the engine: a roster replacement hands the
/// same instance to the new snapshot, so counters carry over and an update racing with the swap is never lost.
/// </summary>
internal sealed class RepState
{
    private long _openLeads;

    // Day number in the high 32 bits, leads received that day in the low 32: one CAS checks the day and the cap together.
    private long _daily;

    private long _archivedTurn;

    public RepState(bool active) => Active = active;

    /// <summary>Written under the engine's writer lock; read without it.</summary>
    public volatile bool Active;

    public long OpenLeads => Volatile.Read(ref _openLeads);

    /// <summary>
    /// The rep's last rotation turn as of the last snapshot that held the rep was retired (0 when never): where the
    /// next snapshot that holds the rep starts its turn from. Live turns are in <see cref="EngineSnapshot.Turns"/>.
    /// </summary>
    public long ArchivedTurn => Volatile.Read(ref _archivedTurn);

    public void ArchiveTurn(long turn)
    {
        // Written under the engine's writer lock only.
        if (turn > _archivedTurn)
        {
            Volatile.Write(ref _archivedTurn, turn);
        }
    }

    public int LeadsOn(int day)
    {
        var w = Volatile.Read(ref _daily);
        return (int)(w >> 32) == day ? (int)(uint)w : 0;
    }

    /// <summary>
    /// Raises the open-lead count (and today's count when <paramref name="maxPerDay"/> is set) only if both stay within
    /// their caps: the atomic reservation that keeps caps exact under concurrency.
    /// </summary>
    public bool TryReserve(int maxOpen, int maxPerDay, int today)
    {
        while (true)
        {
            var open = Volatile.Read(ref _openLeads);
            if (open >= maxOpen)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _openLeads, open + 1, open) == open)
            {
                break;
            }
        }

        if (maxPerDay < 0)
        {
            return true;
        }

        while (true)
        {
            var w = Volatile.Read(ref _daily);
            var count = (int)(w >> 32) == today ? (int)(uint)w : 0;
            if (count >= maxPerDay)
            {
                Interlocked.Decrement(ref _openLeads);
                return false;
            }

            var next = ((long)today << 32) | (uint)(count + 1);
            if (Interlocked.CompareExchange(ref _daily, next, w) == w)
            {
                return true;
            }
        }
    }

    /// <summary>Frees one open-lead slot; false (and no change) when the rep has none open.</summary>
    public bool TryRelease()
    {
        while (true)
        {
            var open = Volatile.Read(ref _openLeads);
            if (open <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _openLeads, open - 1, open) == open)
            {
                return true;
            }
        }
    }
}
