namespace LeadRouting.Engine.Benchmarks.Baseline;

/// <summary>
/// The pipeline benchmark's configuration routed by code written only for speed, as a measured floor: what this machine
/// needs for the same decisions when nothing is general. Shown beside the engine so the distance to the floor is read
/// from one run (the machine's speed varies between runs, the ratio much less). Not a product and not a model.
/// </summary>
/// <remarks>
/// It knows the configuration instead of compiling it: three score bands, one team each; postal rules of exactly five
/// and two characters; every rep active; an open-lead cap and no daily cap. Everything a route needs is prepared at
/// construction: a rule number per packed (country, prefix) key, and per (band, rule) the group's smooth weighted
/// round-robin schedule over the team's owners of the rule. A route is: the band, one or two key lookups, one
/// atomic increment of the group's cursor, one compare-and-swap of the rep's open count; a release, a lookup of the rep
/// id and one compare-and-swap. Its decisions equal the engine's on the benchmark's lead stream, each lead released
/// after its route (checked before each measurement and by a test); it does not claim to agree elsewhere.
/// </remarks>
internal sealed class FloorRouter
{
    // Each rep's open count on its own cache line, as the engine's counters are (one object per rep).
    private const int CounterStride = 8;

    private readonly Dictionary<long, int> _rules = [];
    private readonly Group?[][] _groups;
    private readonly long[] _open;
    private readonly string[] _ids;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly int _maxOpen;

    /// <param name="roster">The benchmark roster (<see cref="BenchmarkWorkload.CreateRoster(int, int?, int?)"/>).</param>
    /// <param name="maxOpenLeads">Every rep's open-lead cap.</param>
    public FloorRouter(Roster roster, int maxOpenLeads)
    {
        ArgumentNullException.ThrowIfNull(roster);
        _maxOpen = maxOpenLeads;
        var reps = roster.Reps;
        _ids = [.. reps.Select(r => r.Id)];
        for (var p = 0; p < _ids.Length; p++)
        {
            _positions[_ids[p]] = p;
        }

        _open = new long[reps.Length * CounterStride];
        var owners = new List<List<int>>();
        for (var p = 0; p < reps.Length; p++)
        {
            foreach (var territory in reps[p].Territories)
            {
                var key = Key(territory.Country, territory.PostalPrefix);
                if (!_rules.TryGetValue(key, out var rule))
                {
                    rule = owners.Count;
                    _rules[key] = rule;
                    owners.Add([]);
                }

                owners[rule].Add(p);
            }
        }

        string[] bandTeams = [BenchmarkWorkload.BelowLowestTeam, .. BenchmarkWorkload.Bands.Select(b => b.Team)];
        _groups = new Group?[bandTeams.Length][];
        for (var band = 0; band < bandTeams.Length; band++)
        {
            var members = roster.Teams.Single(t => t.Id == bandTeams[band]).MemberIds.Select(id => _positions[id]).ToHashSet();
            _groups[band] = new Group?[owners.Count];
            for (var rule = 0; rule < owners.Count; rule++)
            {
                var peers = owners[rule].Where(p => members.Contains(p) && reps[p].Weight > 0).ToArray();
                _groups[band][rule] = peers.Length == 0 ? null : new Group(Schedule(peers, [.. peers.Select(p => reps[p].Weight)]));
            }
        }
    }

    /// <summary>Routes a lead and reserves a slot of the rep's open-lead cap.</summary>
    /// <returns>The rep's id, or <see langword="null"/> when nobody in the lead's group has room.</returns>
    public string? Route(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var score = lead.Score ?? double.NaN;
        var band = score >= BenchmarkWorkload.EnterpriseMinimum ? 2 : score >= BenchmarkWorkload.MidMarketMinimum ? 1 : 0;
        var groups = _groups[band];
        var postal = lead.PostalCode ?? string.Empty;
        var country = lead.Country ?? string.Empty;
        Group? group = null;
        if (postal.Length >= 5 && _rules.TryGetValue(Key(country, postal.AsSpan(0, 5)), out var five))
        {
            group = groups[five];
        }

        if (group is null && postal.Length >= 2 && _rules.TryGetValue(Key(country, postal.AsSpan(0, 2)), out var area))
        {
            group = groups[area];
        }

        if (group is null)
        {
            return null;
        }

        // A full rep loses its turn; a full group leaves the lead unassigned after one period.
        var slots = group.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            var turn = (ulong)(Interlocked.Increment(ref group.Cursor) - 1);
            var p = slots[(int)(turn % (ulong)slots.Length)];
            ref var open = ref _open[p * CounterStride];
            var seen = Volatile.Read(ref open);
            if (seen < _maxOpen && Interlocked.CompareExchange(ref open, seen + 1, seen) == seen)
            {
                return _ids[p];
            }
        }

        return null;
    }

    /// <summary>Frees one open-lead slot of the rep.</summary>
    /// <param name="repId">A rep id <see cref="Route"/> returned.</param>
    public void Release(string repId)
    {
        ArgumentNullException.ThrowIfNull(repId);
        ref var open = ref _open[_positions[repId] * CounterStride];
        while (true)
        {
            var seen = Volatile.Read(ref open);
            if (seen == 0 || Interlocked.CompareExchange(ref open, seen - 1, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>Country (two letters) and prefix (digits) packed into one number; the length keeps "12" and "012" apart.</summary>
    private static long Key(ReadOnlySpan<char> country, ReadOnlySpan<char> prefix)
    {
        if (country.Length != 2)
        {
            return -1;
        }

        long key = (char.ToUpperInvariant(country[0]) * 128) + char.ToUpperInvariant(country[1]);
        foreach (var c in prefix)
        {
            key = (key * 37) + (c - '0' + 1);
        }

        return (key * 32) + prefix.Length;
    }

    /// <summary>Smooth weighted round-robin over the peers in roster order, one period (the engine's schedule).</summary>
    private static int[] Schedule(int[] peers, int[] weights)
    {
        var total = weights.Sum();
        var current = new int[peers.Length];
        var slots = new int[total];
        for (var s = 0; s < total; s++)
        {
            var best = 0;
            for (var i = 0; i < peers.Length; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            slots[s] = peers[best];
        }

        return slots;
    }

    private sealed class Group(int[] slots)
    {
        public readonly int[] Slots = slots;
        public long Cursor;
    }
}
