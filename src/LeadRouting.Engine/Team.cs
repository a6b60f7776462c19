namespace LeadRouting.Engine;

/// <summary>A named group of reps, e.g. "Enterprise AEs". Immutable; validated when it is put into a <see cref="Roster"/>.</summary>
public sealed class Team
{
    /// <summary>Creates a team.</summary>
    /// <param name="id">The team's unique identifier.</param>
    /// <param name="memberIds">Identifiers of the reps in the team; each must be a rep of the roster.</param>
    public Team(string id, IEnumerable<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        Id = id;
        MemberIds = [.. memberIds];
    }

    /// <summary>The team's unique identifier within a roster.</summary>
    public string Id { get; }

    /// <summary>Name shown in reports. Default: <see langword="null"/>, meaning <see cref="Id"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Identifiers of the team's reps, in the order given.</summary>
    public IReadOnlyList<string> MemberIds { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
