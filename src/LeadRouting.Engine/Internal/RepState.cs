namespace LeadRouting.Engine.Internal;

/// <summary>
/// The mutable counters of one rep. One instance per rep id while the rep is in the roster, and after it leaves for as
/// long as it holds open leads or leads counted today: a roster replacement hands the same instance to the new snapshot,
/// so counters carry over and an update racing with the swap is never lost. Once a departed rep holds nothing its
/// instance is dropped (<see cref="TryDrop"/>); a return then starts from a new one.
/// </summary>
/// <remarks>
/// Open leads and today's leads share one 64-bit word (open: bits 0–23; leads on the recorded day: bits 24–47; the
/// recorded day, low 16 bits of its day number: bits 48–63), so a reservation checks both caps and raises both counts
/// with a single compare-and-swap: caps hold exactly, with no rollback, whatever the interleaving.
/// </remarks>
internal sealed class RepState
{
    /// <summary>The largest count either field holds; also the largest cap a rep may have.</summary>
    public const int MaxCount = (1 << 24) - 1;

    private const long CountMask = MaxCount;

    /// <summary>
    /// The word of a dropped instance: its open count is <see cref="MaxCount"/>, so a route still on an old snapshot can
    /// never reserve on it (a reservation there would be lost with the instance); a release is refused. A live word
    /// equals it only with 16,777,215 open leads and as many counted today, on a day number whose low 16 bits are all set.
    /// </summary>
    private const long Dropped = -1L;
    private const int DailyShift = 24;
    private const int DayShift = 48;

    private long _word;
    private long _archivedTurn;

    public RepState(bool active) => Active = active;

    /// <summary>The host's on/off switch (<see cref="RoutingEngine.SetActive"/>). Written under the engine's writer lock.</summary>
    public volatile bool Active;

    /// <summary>
    /// Whether the rep's schedule (working hours, out of office) lets them take leads now; kept by the availability
    /// layer. Written under the engine's writer lock. A rep is routable only when both this and <see cref="Active"/> hold.
    /// </summary>
    public volatile bool Available = true;

    public bool Routable => Active && Available;

    public long OpenLeads => Volatile.Read(ref _word) & CountMask;

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

    /// <summary>Leads received on <paramref name="day"/> (counted only while the rep has a daily cap).</summary>
    public int LeadsOn(int day) => LeadsOn(Volatile.Read(ref _word), day);

    /// <summary>
    /// Raises the open-lead count (and today's count when <paramref name="maxPerDay"/> is not negative) only if both
    /// stay within their caps: the atomic reservation that keeps caps exact under concurrency.
    /// </summary>
    public bool TryReserve(int maxOpen, int maxPerDay, int today)
    {
        while (true)
        {
            var word = Volatile.Read(ref _word);
            var open = word & CountMask;
            if (open >= maxOpen || open == MaxCount)
            {
                return false;
            }

            var next = word + 1;
            if (maxPerDay >= 0)
            {
                var leads = LeadsOn(word, today);
                if (leads >= maxPerDay)
                {
                    return false;
                }

                next = ((long)(ushort)today << DayShift) | ((long)(leads + 1) << DailyShift) | (open + 1);
            }

            if (Interlocked.CompareExchange(ref _word, next, word) == word)
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
            var word = Volatile.Read(ref _word);
            if ((word & CountMask) == 0 || word == Dropped)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _word, word - 1, word) == word)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Marks the counters dropped when they hold nothing (no open lead, no lead counted on <paramref name="today"/>), so
    /// no route or release can use them any more; false (and no change) when they hold something. Under the writer lock.
    /// </summary>
    public bool TryDrop(int today)
    {
        while (true)
        {
            var word = Volatile.Read(ref _word);
            if ((word & CountMask) != 0 || LeadsOn(word, today) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _word, Dropped, word) == word)
            {
                return true;
            }
        }
    }

    private static int LeadsOn(long word, int day) =>
        (ushort)(word >> DayShift) == (ushort)day ? (int)((word >> DailyShift) & CountMask) : 0;
}
