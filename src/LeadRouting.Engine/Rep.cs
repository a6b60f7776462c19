namespace LeadRouting.Engine;

/// <summary>
/// A sales representative who receives leads. Immutable; validated when it is put into a <see cref="Roster"/>.
/// </summary>
public sealed class Rep
{
    /// <summary>
    /// The largest weight a rep may have. A weighted group's rotation repeats every Σw picks; short periods are
    /// precomputed and long ones generated in bounded chunks just ahead of the routes, so large weights cost no memory:
    /// the bound only keeps Σw, the period, within the range of the rotation's arithmetic.
    /// </summary>
    public const int MaxWeight = 10_000;

    /// <summary>Creates a rep with the given identifier.</summary>
    /// <param name="id">The rep's unique identifier; validated by <see cref="Roster"/>.</param>
    public Rep(string id)
    {
        Id = id;
    }

    /// <summary>The rep's unique identifier within a roster.</summary>
    public string Id { get; }

    /// <summary>Name shown in reports. Default: <see langword="null"/>, meaning <see cref="Id"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Share of leads for the weighted strategy (a rep with weight 2 gets twice the leads of weight 1). Default <c>1</c>; <c>0</c> means "never picked by the weighted strategy"; at most <see cref="MaxWeight"/>.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The largest cap a rep may have (and the most leads a rep can hold open, capped or not).</summary>
    public const int MaxCap = Internal.RepState.MaxCount;

    /// <summary>Most leads the rep may hold open at once. Default <see langword="null"/> (no cap); <c>0</c> means the rep receives nothing; at most <see cref="MaxCap"/>.</summary>
    public int? MaxOpenLeads { get; init; }

    /// <summary>Most leads the rep may receive per day (day boundary in <see cref="RoutingEngineOptions.DayBoundaryTimeZone"/>). Default <see langword="null"/> (no cap); at most <see cref="MaxCap"/>.</summary>
    public int? MaxLeadsPerDay { get; init; }

    /// <summary>Territories the rep covers, used by the territory strategy. Default: none.</summary>
    public IReadOnlyList<Territory> Territories { get; init; } = [];

    /// <summary>Skills (languages, products) the rep has. Default: none.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Whether the rep receives leads when the engine starts. Default <see langword="true"/>; changed at run time with <see cref="RoutingEngine.SetActive"/>.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Seniority level (host-defined scale). Default <c>0</c>.</summary>
    public int Seniority { get; init; }

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Id : $"{DisplayName} ({Id})";
}
