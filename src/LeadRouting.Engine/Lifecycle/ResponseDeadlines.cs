using System.Collections.Frozen;

namespace LeadRouting.Engine.Lifecycle;

/// <summary>How long a rep has to accept an assignment: their team's deadline, else the desk's (none: no deadline). Immutable.</summary>
internal sealed class ResponseDeadlines(TimeSpan? deadline, IEnumerable<KeyValuePair<string, TimeSpan>> teamDeadlines)
{
    private readonly FrozenDictionary<string, TimeSpan> _teamDeadlines = teamDeadlines.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The wait allowed to a rep of <paramref name="teamId"/>; null when assignments do not expire.</summary>
    public TimeSpan? For(string? teamId) =>
        teamId is not null && _teamDeadlines.TryGetValue(teamId, out var wait) ? wait : deadline;
}
