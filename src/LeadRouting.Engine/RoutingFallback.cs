using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine;

/// <summary>
/// What a pipeline does when its steps leave no candidate (nobody in the territory, everyone at capacity...).
/// A nested pipeline without a fallback of its own uses its parent's.
/// </summary>
public sealed class RoutingFallback
{
    private RoutingFallback(FallbackKind kind, string? id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Return the lead unassigned, with the reason the candidates ran out. The default of a top-level pipeline.</summary>
    public static RoutingFallback Unassigned { get; } = new(FallbackKind.Unassigned, null);

    internal static RoutingFallback Inherit { get; } = new(FallbackKind.Inherit, null);

    internal FallbackKind Kind { get; }

    internal string? Id { get; }

    /// <summary>
    /// Give the lead to the team's active members within their caps, in the round-robin rotation (the same turns
    /// <c>AddRoundRobin</c> keeps; assignments made by the weighted selector do not move a rep in it).
    /// </summary>
    /// <param name="teamId">A team of the roster (checked when the engine is built).</param>
    public static RoutingFallback ToTeam(string teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return new(FallbackKind.Team, teamId);
    }

    /// <summary>Give the lead to one rep, if active and within caps.</summary>
    /// <param name="repId">A rep of the roster (checked when the engine is built).</param>
    public static RoutingFallback ToRep(string repId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repId);
        return new(FallbackKind.Rep, repId);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FallbackKind.Team => $"team {Id}",
        FallbackKind.Rep => $"rep {Id}",
        FallbackKind.Inherit => "inherit",
        _ => "unassigned",
    };
}
