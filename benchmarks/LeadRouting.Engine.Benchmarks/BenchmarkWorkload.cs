using System.Globalization;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The roster and lead stream the pipeline benchmarks route: the shape of the DESIGN budget line "score tier → territory
/// (postal prefix) → capacity → weighted".
/// </summary>
/// <remarks>
/// Reps sit in pods of six (two per tier team, teams alternate by position). A pod owns five distinct five-digit postal
/// prefixes per member (30 for a full pod), so the roster has exactly <see cref="RulesPerRep"/> × reps five-digit rules:
/// 50,000 at 10,000 reps. Sixteen pods of a country share an "area": a two-digit prefix that all their reps also own, so
/// it has bigger peer groups (up to 32 reps per team). Four leads in five carry a postal code under one of a pod's
/// five-digit prefixes (they meet that rule and the area's; the longer wins); the fifth carries a code of the area that
/// no five-digit rule covers, so the two-digit rule decides. Leads spread over all pods and all three score tiers.
/// This file is also compiled into the test project (the baseline-agreement test), so it uses the public API only.
/// </remarks>
internal static class BenchmarkWorkload
{
    public const string Smb = "smb";
    public const string MidMarket = "mid-market";
    public const string Enterprise = "enterprise";

    /// <summary>The score tiers: [0, 50) SMB, [50, 80) mid-market, [80, ∞) enterprise.</summary>
    public const double MidMarketMinimum = 50;

    /// <inheritdoc cref="MidMarketMinimum"/>
    public const double EnterpriseMinimum = 80;

    /// <summary>Leads per pre-built stream; a power of two so the next index is a mask.</summary>
    public const int LeadCount = 4096;

    /// <summary>Distinct five-digit postal rules per rep: 50,000 rules at 10,000 reps.</summary>
    public const int RulesPerRep = 5;

    /// <summary>
    /// A cap that benchmarks with a bounded number of routes (the <c>[BoundedRun]</c> classes) never reach, so every
    /// route reads and counts it without being refused: a release does not give back a daily slot, and without release an
    /// open-lead slot is not given back either. Below <c>Rep.MaxCap</c> (2^24 − 1), the largest cap newer engines accept.
    /// </summary>
    public const int UnreachedCap = 16_000_000;

    private const int PodSize = 6;
    private const int PodsPerArea = 16;

    /// <summary>Five-digit suffixes 000-479 are the pods' rules (16 pods × 30); 500-999 are left to the area rule.</summary>
    private const int FirstUncoveredSuffix = 500;

    private static readonly string[] Countries = ["DE", "FR", "US", "ES", "IT"];

    /// <summary>The score bands, lowest first: (inclusive minimum, team).</summary>
    public static IReadOnlyList<(double Minimum, string Team)> Bands { get; } = [(MidMarketMinimum, MidMarket), (EnterpriseMinimum, Enterprise)];

    /// <summary>Where leads below the lowest band go.</summary>
    public static string BelowLowestTeam => Smb;

    /// <summary>The reps of <paramref name="repCount"/> with the given caps, in pods, and the three tier teams.</summary>
    public static Roster CreateRoster(int repCount, int? maxOpenLeads, int? maxLeadsPerDay) =>
        CreateRoster(repCount, (p, territories) => new Rep(RepId(p))
        {
            Weight = p % 5 == 0 ? 2 : 1,
            MaxOpenLeads = maxOpenLeads,
            MaxLeadsPerDay = maxLeadsPerDay,
            Territories = territories,
        });

    /// <summary>
    /// The roster with reps made by <paramref name="createRep"/> from their position and their pod's territories (which
    /// the rep must be given); <see cref="RepId"/> is the id the rosters here use.
    /// </summary>
    public static Roster CreateRoster(int repCount, Func<int, IReadOnlyList<Territory>, Rep> createRep)
    {
        ArgumentNullException.ThrowIfNull(createRep);
        var reps = new Rep[repCount];
        var teams = new List<string>[] { [], [], [] };
        Territory[]? podTerritories = null;
        for (var p = 0; p < repCount; p++)
        {
            if (p % PodSize == 0)
            {
                podTerritories = PodTerritories(p / PodSize, Math.Min(PodSize, repCount - p));
            }

            reps[p] = createRep(p, podTerritories!);
            teams[p % 3].Add(reps[p].Id);
        }

        return new Roster(reps, [new Team(Smb, teams[0]), new Team(MidMarket, teams[1]), new Team(Enterprise, teams[2])]);
    }

    /// <summary>The id of the rep at a position: <c>rep-00042</c>.</summary>
    public static string RepId(int position) => string.Create(CultureInfo.InvariantCulture, $"rep-{position:D5}");

    /// <summary>Score tier → the reps' own territories → capacity → smooth weighted round-robin.</summary>
    public static RoutingPipeline CreatePipeline() =>
        new RoutingPipelineBuilder()
            .AddScoreThreshold(ScoreTiers())
            .AddTerritory()
            .AddCapacity()
            .AddWeighted()
            .Build();

    /// <summary>The score-threshold options of <see cref="Bands"/>.</summary>
    public static ScoreThresholdStrategyOptions ScoreTiers()
    {
        var options = new ScoreThresholdStrategyOptions { BelowLowest = RoutingTarget.Team(BelowLowestTeam) };
        foreach (var (minimum, team) in Bands)
        {
            options.Bands.Add(new ScoreBand(minimum, RoutingTarget.Team(team)));
        }

        return options;
    }

    /// <summary><see cref="LeadCount"/> leads in the pods' territories, over all three score tiers (scores 0-100).</summary>
    public static Lead[] CreateLeads(int repCount, int seed) => CreateLeads(repCount, seed, minScore: 0, maxScore: 100);

    /// <summary><see cref="LeadCount"/> leads in the pods' territories with scores in [<paramref name="minScore"/>, <paramref name="maxScore"/>].</summary>
    public static Lead[] CreateLeads(int repCount, int seed, int minScore, int maxScore)
    {
        var random = new Random(seed);
        var pods = (repCount + PodSize - 1) / PodSize;
        var leads = new Lead[LeadCount];
        for (var i = 0; i < leads.Length; i++)
        {
            var pod = random.Next(pods);
            var (country, area, firstSuffix) = PodCodes(pod);
            var suffix = random.Next(5) == 0
                ? FirstUncoveredSuffix + random.Next(1000 - FirstUncoveredSuffix)
                : firstSuffix + random.Next(RulesPerRep * PodMembers(pod, repCount));
            leads[i] = new Lead(string.Create(CultureInfo.InvariantCulture, $"lead-{i}"))
            {
                Score = random.Next(minScore, maxScore + 1),
                Country = country,
                PostalCode = string.Create(CultureInfo.InvariantCulture, $"{area}{suffix:D3}{random.Next(10)}"),
            };
        }

        return leads;
    }

    /// <summary>Distinct territory rules of a roster (five-digit and area rules), for the record.</summary>
    public static int CountRules(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var rules = new HashSet<Territory>();
        foreach (var rep in roster.Reps)
        {
            rules.UnionWith(rep.Territories);
        }

        return rules.Count;
    }

    private static int PodMembers(int pod, int repCount) => Math.Min(PodSize, repCount - (pod * PodSize));

    private static Territory[] PodTerritories(int pod, int members)
    {
        var (country, area, firstSuffix) = PodCodes(pod);
        var territories = new Territory[1 + (RulesPerRep * members)];
        territories[0] = Territory.ForPostalPrefix(country, area);
        for (var k = 1; k < territories.Length; k++)
        {
            territories[k] = Territory.ForPostalPrefix(country, string.Create(CultureInfo.InvariantCulture, $"{area}{firstSuffix + k - 1:D3}"));
        }

        return territories;
    }

    /// <summary>A pod's country, its area's two-digit prefix, and the first three-digit suffix of its own rules.</summary>
    private static (string Country, string Area, int FirstSuffix) PodCodes(int pod)
    {
        var q = pod / Countries.Length;
        var area = (q / PodsPerArea % 100).ToString("D2", CultureInfo.InvariantCulture);
        return (Countries[pod % Countries.Length], area, q % PodsPerArea * RulesPerRep * PodSize);
    }
}
