
namespace LeadRouting.Engine.Internal;

/// <summary>
/// Everything a route reads, built once per roster (or pipeline) change and swapped in whole. Only the rep states and
/// the active mask words change afterwards, atomically.
/// </summary>
internal sealed class EngineSnapshot
{
    private bool _retired;

    public EngineSnapshot(Roster roster, RoutingPipeline pipeline, Func<string, bool, RepState> stateFor, SequenceCounter sequence, DayClock clock, EngineSnapshot? previous)
    {
        Roster = roster;
        Pipeline = pipeline;
        Clock = clock;
        Sequence = sequence;
        Version = (previous?.Version ?? 0) + 1;
        Count = roster.Reps.Length;
        Words = CandidateBits.WordCount(Count);
        RepIds = new string[Count];
        States = new RepState[Count];
        var primaryTeam = new int[Count];
        Array.Fill(primaryTeam, -1);
        _active = new ulong[Words];
        // Padded to whole 64-rep words so a rotation scan can load a word's turns as vectors.
        Turns = new long[Words * 64];
        for (var i = 0; i < Count; i++)
        {
            var rep = roster.Reps[i];
            RepIds[i] = rep.Id;
            States[i] = stateFor(rep.Id, rep.IsActive);
            Turns[i] = States[i].ArchivedTurn;
            if (States[i].Routable)
            {
                CandidateBits.Set(ActiveWords, i);
            }
        }

        TeamIds = new string[roster.Teams.Length];
        for (var t = roster.Teams.Length - 1; t >= 0; t--)
        {
            TeamIds[t] = roster.Teams[t].Id;
            foreach (var member in roster.Teams[t].MemberIds)
            {
                primaryTeam[roster.RepIndex[member]] = t;
            }
        }

        Hot = new RepHot[Count];
        for (var i = 0; i < Count; i++)
        {
            var rep = roster.Reps[i];
            Hot[i] = new RepHot(States[i], RepIds[i], rep.MaxOpenLeads ?? int.MaxValue, rep.MaxLeadsPerDay ?? -1, primaryTeam[i]);
        }

        var context = new CompileContext(roster, States, sequence, previous?.Selectors);
        Root = context.CompileRoot(pipeline);
        Selectors = context.Selectors;
        Masks = context.Masks;
    }

    public Roster Roster { get; }

    /// <summary>The masks routes narrow to statically, by the number a route records (see <see cref="RouteContext.StaticGroup"/>).</summary>
    public MaskRegistry Masks { get; }

    public RoutingPipeline Pipeline { get; }

    public DayClock Clock { get; }

    /// <summary>1 for the engine's first configuration, one more at each replacement.</summary>
    public long Version { get; }

    /// <summary>The engine-wide rotation clock: each rotation turn taken gets the next number.</summary>
    public SequenceCounter Sequence { get; }

    public int Count { get; }

    public int Words { get; }

    public string[] RepIds { get; }

    public RepState[] States { get; }

    /// <summary>
    /// What a route reads of the rep it picks, side by side: its counters, id, caps and primary team, in one 32-byte
    /// record instead of five arrays, so a route over ten thousand reps misses the cache once for them, not five times.
    /// </summary>
    public RepHot[] Hot { get; }

    public string[] TeamIds { get; }

    /// <summary>The value of a turn in a retired snapshot: never the least recent, and never equal to a turn a route read.</summary>
    public const long RetiredTurn = long.MaxValue;

    /// <summary>
    /// Each rep's last rotation turn (a number from <see cref="Sequence"/>; 0 when never), by position, in one flat
    /// array so a rotation scans contiguous memory. Taken with a compare-and-swap; handed to the next snapshot by
    /// <see cref="Retire"/>.
    /// </summary>
    public long[] Turns { get; }

    /// <summary>Set once this snapshot is being replaced: a route that meets a retired turn starts again on the new one.</summary>
    public bool IsRetired => Volatile.Read(ref _retired);

    private readonly ulong[] _active;
    private ulong[]? _everyRep;

    /// <summary>Active reps; words are changed with <see cref="Interlocked"/> when a rep is switched on or off.</summary>
    public Span<ulong> ActiveWords => _active.AsSpan(0, Words);

    public CompiledPipeline Root { get; }

    /// <summary>Every compiled selector by its path in the pipeline.</summary>
    public IReadOnlyDictionary<string, CompiledSelector> Selectors { get; }

    /// <summary>
    /// Hands every rep's turn to <paramref name="next"/> (not yet published) exactly: each turn is swapped for
    /// <see cref="RetiredTurn"/>, so a route still on this snapshot can no longer take it (its compare-and-swap fails and
    /// it restarts on the new snapshot), and the value swapped out is the final one. Called under the writer lock.
    /// </summary>
    public void Retire(EngineSnapshot next)
    {
        Volatile.Write(ref _retired, true);
        for (var p = 0; p < Count; p++)
        {
            var turn = Interlocked.Exchange(ref Turns[p], RetiredTurn);
            States[p].ArchiveTurn(turn);
            if (next.Roster.RepIndex.TryGetValue(RepIds[p], out var q))
            {
                next.Turns[q] = Math.Max(next.Turns[q], turn);
            }
        }
    }

    /// <summary>Every rep of the roster, as candidate words: where a route that imagines everyone free starts (built on first use).</summary>
    public ReadOnlySpan<ulong> EveryRep => _everyRep ??= EveryRepWords();

    public bool IsAtCapacity(int position, ref RouteContext context) => !context.EveryoneFree && IsAtCapacity(position, ref context.Day);

    /// <summary>Whether the rep is at its open-lead or daily cap; <paramref name="day"/> is the route's <see cref="Today"/>.</summary>
    public bool IsAtCapacity(int position, ref int day)
    {
        ref readonly var rep = ref Hot[position];
        if (rep.State.OpenLeads >= rep.MaxOpen)
        {
            return true;
        }

        return rep.MaxPerDay >= 0 && rep.State.LeadsOn(Today(ref day)) >= rep.MaxPerDay;
    }

    public DropReason CapacityReason(int position) =>
        Hot[position].State.OpenLeads >= Hot[position].MaxOpen ? DropReason.AtOpenLeadCap : DropReason.AtDailyCap;

    public bool TryReserve(int position, ref RouteContext context) => TryReserve(position, ref context.Day);

    /// <summary>Reserves a slot under the rep's caps; <paramref name="day"/> is the route's <see cref="Today"/>.</summary>
    public bool TryReserve(int position, ref int day)
    {
        ref readonly var rep = ref Hot[position];

        // The clock is read once per route (and only when a daily cap is involved), not once per check.
        return rep.State.TryReserve(rep.MaxOpen, rep.MaxPerDay, rep.MaxPerDay < 0 ? 0 : Today(ref day));
    }

    /// <summary>Today's day number, read from the clock at most once per route: <paramref name="day"/> holds it once read, <see cref="int.MinValue"/> before.</summary>
    public int Today(ref int day)
    {
        if (day == int.MinValue)
        {
            day = Clock.Today();
        }

        return day;
    }

    private ulong[] EveryRepWords()
    {
        var words = new ulong[Words];
        for (var p = 0; p < Count; p++)
        {
            CandidateBits.Set(words, p);
        }

        return words;
    }

    public void SetActiveBit(int position, bool active)
    {
        var bit = 1UL << position;
        if (active)
        {
            Interlocked.Or(ref ActiveWords[position >> 6], bit);
        }
        else
        {
            Interlocked.And(ref ActiveWords[position >> 6], ~bit);
        }
    }
}

/// <summary>One rep's hot data in a snapshot (see <see cref="EngineSnapshot.Hot"/>).</summary>
/// <param name="State">The rep's counters (shared with every snapshot the rep is in).</param>
/// <param name="Id">The rep's id (the roster's string instance).</param>
/// <param name="MaxOpen">Open-lead cap; <see cref="int.MaxValue"/> when uncapped.</param>
/// <param name="MaxPerDay">Daily cap; -1 when uncapped.</param>
/// <param name="PrimaryTeam">The first team (roster order) the rep is in; -1 when none.</param>
internal readonly record struct RepHot(RepState State, string Id, int MaxOpen, int MaxPerDay, int PrimaryTeam);
