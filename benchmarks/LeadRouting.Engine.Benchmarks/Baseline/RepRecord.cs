namespace LeadRouting.Engine.Benchmarks.Baseline;

/// <summary>A rep as a hand-written router keeps it: a row with its teams and territories as lists.</summary>
internal sealed record RepRecord(
    string Id,
    List<string> Teams,
    int Weight,
    int? MaxOpenLeads,
    int? MaxLeadsPerDay,
    bool IsActive,
    List<TerritoryRule> Territories);
