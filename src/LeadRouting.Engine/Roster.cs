using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// The immutable set of reps and teams an engine routes against. Construction validates everything, so a roster that
/// exists is consistent.
/// </summary>
public sealed class Roster
{
    /// <summary>Creates and validates a roster.</summary>
    /// <param name="reps">The reps, in a stable order (the order breaks ties in rotation).</param>
    /// <param name="teams">The teams; default none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reps"/> is null.</exception>
    /// <exception cref="ArgumentException">A rep or team is invalid; the message names it and the field.</exception>
    public Roster(IEnumerable<Rep> reps, IEnumerable<Team>? teams = null)
    {
        ArgumentNullException.ThrowIfNull(reps);
        Reps = [.. reps];
        Teams = teams is null ? [] : [.. teams];

        var repIndex = new Dictionary<string, int>(Reps.Length, StringComparer.Ordinal);
        for (var i = 0; i < Reps.Length; i++)
        {
            var rep = Reps[i] ?? throw new ArgumentException($"reps[{i}] is null.", nameof(reps));
            if (RepError(rep, i) is { } error)
            {
                throw new ArgumentException(error, nameof(reps));
            }

            if (!repIndex.TryAdd(rep.Id, i))
            {
                throw new ArgumentException($"Duplicate rep Id '{rep.Id}' (reps[{repIndex[rep.Id]}] and reps[{i}]).", nameof(reps));
            }
        }

        var teamIndex = new Dictionary<string, int>(Teams.Length, StringComparer.Ordinal);
        for (var t = 0; t < Teams.Length; t++)
        {
            var team = Teams[t] ?? throw new ArgumentException($"teams[{t}] is null.", nameof(teams));
            if (string.IsNullOrWhiteSpace(team.Id))
            {
                throw new ArgumentException($"teams[{t}].Id is empty.", nameof(teams));
            }

            if (!teamIndex.TryAdd(team.Id, t))
            {
                throw new ArgumentException($"Duplicate team Id '{team.Id}' (teams[{teamIndex[team.Id]}] and teams[{t}]).", nameof(teams));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var m = 0; m < team.MemberIds.Count; m++)
            {
                var member = team.MemberIds[m];
                if (member is null || !repIndex.ContainsKey(member))
                {
                    throw new ArgumentException($"Team '{team.Id}': MemberIds[{m}] names unknown rep '{member}'.", nameof(teams));
                }

                if (!seen.Add(member))
                {
                    throw new ArgumentException($"Team '{team.Id}': MemberIds[{m}] lists rep '{member}' twice.", nameof(teams));
                }
            }
        }

        RepIndex = repIndex.ToFrozenDictionary(StringComparer.Ordinal);
        _repIdentity = new IdentityIndex([.. Reps.Select(r => r.Id)]);
        TeamIndex = teamIndex.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private readonly IdentityIndex _repIdentity;

    /// <summary>The reps, in the order given.</summary>
    public ImmutableArray<Rep> Reps { get; }

    /// <summary>The teams, in the order given.</summary>
    public ImmutableArray<Team> Teams { get; }

    internal FrozenDictionary<string, int> RepIndex { get; }

    /// <summary>
    /// The position of rep <paramref name="id"/>: by the string's identity first (the instances decisions hand out), then
    /// by value. Allocates nothing.
    /// </summary>
    internal bool TryGetPosition(string id, out int position) =>
        _repIdentity.TryGetPosition(id, out position) || RepIndex.TryGetValue(id, out position);

    internal FrozenDictionary<string, int> TeamIndex { get; }

    /// <summary>Finds a rep by identifier.</summary>
    /// <param name="id">The rep's identifier.</param>
    /// <param name="rep">The rep, when found.</param>
    /// <returns><see langword="true"/> when the roster has the rep.</returns>
    public bool TryGetRep(string id, [NotNullWhen(true)] out Rep? rep)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (RepIndex.TryGetValue(id, out var i))
        {
            rep = Reps[i];
            return true;
        }

        rep = null;
        return false;
    }

    /// <summary>Finds a team by identifier.</summary>
    /// <param name="id">The team's identifier.</param>
    /// <param name="team">The team, when found.</param>
    /// <returns><see langword="true"/> when the roster has the team.</returns>
    public bool TryGetTeam(string id, [NotNullWhen(true)] out Team? team)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (TeamIndex.TryGetValue(id, out var i))
        {
            team = Teams[i];
            return true;
        }

        team = null;
        return false;
    }

    private static string? RepError(Rep rep, int index)
    {
        if (string.IsNullOrWhiteSpace(rep.Id))
        {
            return $"reps[{index}].Id is empty.";
        }

        if (rep.Weight is < 0 or > Rep.MaxWeight)
        {
            return $"Rep '{rep.Id}': Weight must be between 0 and {Rep.MaxWeight} (was {rep.Weight}).";
        }

        if (rep.MaxOpenLeads is < 0 or > Rep.MaxCap)
        {
            return $"Rep '{rep.Id}': MaxOpenLeads must be between 0 and {Rep.MaxCap} (was {rep.MaxOpenLeads}).";
        }

        if (rep.MaxLeadsPerDay is < 0 or > Rep.MaxCap)
        {
            return $"Rep '{rep.Id}': MaxLeadsPerDay must be between 0 and {Rep.MaxCap} (was {rep.MaxLeadsPerDay}).";
        }

        if (rep.Territories is null)
        {
            return $"Rep '{rep.Id}': Territories is null.";
        }

        for (var t = 0; t < rep.Territories.Count; t++)
        {
            if (rep.Territories[t] is null)
            {
                return $"Rep '{rep.Id}': Territories[{t}] is null.";
            }
        }

        if (rep.Skills is null)
        {
            return $"Rep '{rep.Id}': Skills is null.";
        }

        return null;
    }
}
