namespace LeadRouting.Engine.Benchmarks.Baseline;

/// <summary>
/// The pipeline of <see cref="BenchmarkWorkload.CreatePipeline"/> (score tier → territory by postal prefix → capacity →
/// smooth weighted round-robin) as a team would write it by hand in its own app: a list of reps filtered with LINQ,
/// territory codes compared as strings (<c>StartsWith</c>, the longest prefix found with <c>OrderByDescending</c>),
/// dictionaries of open and daily counts, and one lock around the counters and the weighted rotations. It makes the same
/// decisions as the engine (a test checks it on the benchmark's lead stream); it is the denominator of the pipeline
/// benchmarks' ratio column, not a model of how to write a router.
/// </summary>
/// <remarks>
/// The engine semantics it reproduces: the band with the highest inclusive minimum at or below the score picks the team
/// (below the lowest band: <c>belowLowestTeam</c>, or nobody); the territory is the most specific rule covering the lead
/// among the rules of the team's active reps; the peers are the team's reps owning that rule; each (team, rule) group of
/// peers keeps its own weighted rotation over its reps with a positive weight, in roster order; a rep at its open-lead or
/// daily cap loses its turn (the rotation moves on), and a lead nobody in the group can take is not assigned.
/// </remarks>
internal sealed class LinqRouter
{
    private readonly List<RepRecord> _reps;
    private readonly List<(double Minimum, string Team)> _bands;
    private readonly string? _belowLowestTeam;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _openLeads = [];
    private readonly Dictionary<string, (DateOnly Day, int Count)> _leadsToday = [];
    private readonly Dictionary<(string Team, TerritoryRule Rule), SmoothWeightedRotation> _rotations = [];

    /// <param name="roster">The reps and teams.</param>
    /// <param name="bands">Score bands, (inclusive minimum, team).</param>
    /// <param name="belowLowestTeam">The team of leads below the lowest band; <see langword="null"/>: they are not assigned.</param>
    /// <param name="time">The clock of the daily caps (UTC days, as the engine's default); default <see cref="TimeProvider.System"/>.</param>
    public LinqRouter(Roster roster, IEnumerable<(double Minimum, string Team)> bands, string? belowLowestTeam, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(bands);
        var teamsOf = roster.Teams.SelectMany(t => t.MemberIds.Select(m => (Member: m, Team: t.Id))).ToLookup(x => x.Member, x => x.Team);
        _reps = roster.Reps
            .Select(rep => new RepRecord(
                rep.Id,
                teamsOf[rep.Id].ToList(),
                rep.Weight,
                rep.MaxOpenLeads,
                rep.MaxLeadsPerDay,
                rep.IsActive,
                rep.Territories.Select(t => new TerritoryRule(t.Country, t.Region, t.PostalPrefix)).ToList()))
            .ToList();
        _bands = bands.ToList();
        _belowLowestTeam = belowLowestTeam;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Routes a lead and reserves a slot of the rep's caps.</summary>
    /// <returns>The rep's id, or <see langword="null"/> when the lead is not assigned.</returns>
    public string? Route(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Score is not { } score || double.IsNaN(score))
        {
            return null;
        }

        var team = _bands.Where(b => score >= b.Minimum).OrderByDescending(b => b.Minimum).Select(b => b.Team).FirstOrDefault()
            ?? _belowLowestTeam;
        if (team is null)
        {
            return null;
        }

        var country = lead.Country?.Trim().ToUpperInvariant();
        var region = NormalizeRegion(country, lead.Region);
        var postalCode = Normalize(lead.PostalCode);
        var teamReps = _reps.Where(r => r.IsActive && r.Teams.Contains(team)).ToList();
        var rule = teamReps
            .SelectMany(r => r.Territories)
            .Where(t => t.Covers(country, region, postalCode))
            .OrderByDescending(t => t.Specificity)
            .FirstOrDefault();
        if (rule is null)
        {
            return null;
        }

        lock (_gate)
        {
            var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
            var available = teamReps.Where(r => r.Territories.Contains(rule) && HasRoom(r, today)).ToList();
            if (available.Count == 0)
            {
                return null;
            }

            if (!_rotations.TryGetValue((team, rule), out var rotation))
            {
                // The group is every rep of the team owning the rule, active or not, so a rep switched off keeps its place.
                rotation = new SmoothWeightedRotation(_reps.Where(r => r.Weight > 0 && r.Teams.Contains(team) && r.Territories.Contains(rule)));
                _rotations.Add((team, rule), rotation);
            }

            for (var turn = 0; turn < rotation.Period; turn++)
            {
                var rep = rotation.Next();
                if (available.Contains(rep))
                {
                    _openLeads[rep.Id] = _openLeads.GetValueOrDefault(rep.Id) + 1;
                    if (rep.MaxLeadsPerDay is not null)
                    {
                        _leadsToday[rep.Id] = (today, LeadsOn(rep, today) + 1);
                    }

                    return rep.Id;
                }
            }

            return null;
        }
    }

    /// <summary>Frees one open-lead slot of a rep.</summary>
    /// <returns><see langword="false"/> when the rep has no open lead.</returns>
    public bool Release(string repId)
    {
        lock (_gate)
        {
            var open = _openLeads.GetValueOrDefault(repId);
            if (open <= 0)
            {
                return false;
            }

            _openLeads[repId] = open - 1;
            return true;
        }
    }

    private bool HasRoom(RepRecord rep, DateOnly today) =>
        _openLeads.GetValueOrDefault(rep.Id) < (rep.MaxOpenLeads ?? int.MaxValue)
        && (rep.MaxLeadsPerDay is not { } perDay || LeadsOn(rep, today) < perDay);

    private int LeadsOn(RepRecord rep, DateOnly day) =>
        _leadsToday.TryGetValue(rep.Id, out var counted) && counted.Day == day ? counted.Count : 0;

    private static string? Normalize(string? code) =>
        code is null ? null : new string(code.Where(c => c is not (' ' or '-' or '.' or '\t')).ToArray()).ToUpperInvariant();

    private static string? NormalizeRegion(string? country, string? region)
    {
        var trimmed = region?.Trim();
        if (trimmed is { Length: > 3 } && trimmed[2] == '-' && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1]))
        {
            // "US-CA" names the country too: keep the region only when it is the lead's country.
            return string.Equals(trimmed[..2], country, StringComparison.OrdinalIgnoreCase) ? Normalize(trimmed[3..]) : null;
        }

        return Normalize(trimmed);
    }
}
