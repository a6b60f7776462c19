namespace LeadRouting.Engine.Benchmarks;

/// <summary>Which teams the two lead streams of <see cref="ThroughputBenchmarks"/> reach.</summary>
public enum TeamSpread
{
    /// <summary>Both streams score 80-100: the enterprise team, so concurrent routes share its groups and counters.</summary>
    OneTeam = 0,

    /// <summary>One stream scores 80-100 (enterprise), the other 0-49 (SMB): disjoint reps, groups and counters.</summary>
    TwoTeams = 1,
}
