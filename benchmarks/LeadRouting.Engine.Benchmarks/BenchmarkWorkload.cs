using System.Globalization;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The roster and lead stream the pipeline benchmarks route: the shape of the DESIGN budget line "score tier → territory
/// (postal prefix) → capacity → weighted". Reps sit in pods of six (two per tier team) that share five postal prefixes
/// of one country: one two-digit prefix (shared with other pods of the country, so it has bigger peer groups) and four
/// four-digit ones. So there are five territory entries per rep (50,000 at 10,000 reps) and every lead meets two or
/// more rules, the longest of which wins.
/// </summary>
internal static class BenchmarkWorkload
{
    public const string Smb = "smb";
    public const string MidMarket = "mid-market";
    public const string Enterprise = "enterprise";

    /// <summary>Leads per pre-built stream; a power of two so the next index is a mask.</summary>
    public const int LeadCount = 4096;

    private const int PodSize = 6;
    private static readonly string[] Countries = ["DE", "FR", "US", "ES", "IT"];

    public static Roster CreateRoster(int repCount, int? maxOpenLeads, int? maxLeadsPerDay)
    {
        var reps = new Rep[repCount];
        var teams = new List<string>[] { [], [], [] };
        for (var i = 0; i < repCount; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"rep-{i:D5}");
            reps[i] = new Rep(id)
            {
                Weight = i % 5 == 0 ? 2 : 1,
                MaxOpenLeads = maxOpenLeads,
                MaxLeadsPerDay = maxLeadsPerDay,
                Territories = PodTerritories(i / PodSize),
            };
            teams[i % 3].Add(id);
        }

        return new Roster(reps, [new Team(Smb, teams[0]), new Team(MidMarket, teams[1]), new Team(Enterprise, teams[2])]);
    }

    /// <summary>Score tier → the reps' own territories → capacity → smooth weighted round-robin.</summary>
    public static RoutingPipeline CreatePipeline() =>
        new RoutingPipelineBuilder()
            .AddScoreThreshold(new ScoreThresholdStrategyOptions
            {
                Bands =
                {
                    new ScoreBand(50, RoutingTarget.Team(MidMarket)),
                    new ScoreBand(80, RoutingTarget.Team(Enterprise)),
                },
                BelowLowest = RoutingTarget.Team(Smb),
            })
            .AddTerritory()
            .AddCapacity()
            .AddWeighted()
            .Build();

    /// <summary>Leads in the pods' territories: four in five carry a postal code under a four-digit prefix, the rest under a two-digit one.</summary>
    public static Lead[] CreateLeads(int repCount, int seed)
    {
        var random = new Random(seed);
        var pods = (repCount + PodSize - 1) / PodSize;
        var leads = new Lead[LeadCount];
        for (var i = 0; i < leads.Length; i++)
        {
            var pod = random.Next(pods);
            var (country, twoDigit, fourDigit) = PodCodes(pod);
            var postal = random.Next(5) == 0
                ? twoDigit + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture)
                : fourDigit[random.Next(fourDigit.Length)] + random.Next(10).ToString(CultureInfo.InvariantCulture);
            leads[i] = new Lead(string.Create(CultureInfo.InvariantCulture, $"lead-{i}"))
            {
                Score = random.Next(0, 101),
                Country = country,
                PostalCode = postal,
            };
        }

        return leads;
    }

    private static Territory[] PodTerritories(int pod)
    {
        var (country, twoDigit, fourDigit) = PodCodes(pod);
        var territories = new Territory[1 + fourDigit.Length];
        territories[0] = Territory.ForPostalPrefix(country, twoDigit);
        for (var k = 0; k < fourDigit.Length; k++)
        {
            territories[k + 1] = Territory.ForPostalPrefix(country, fourDigit[k]);
        }

        return territories;
    }

    private static (string Country, string TwoDigit, string[] FourDigit) PodCodes(int pod)
    {
        var q = pod / Countries.Length;
        var fourDigit = new string[4];
        for (var k = 0; k < fourDigit.Length; k++)
        {
            fourDigit[k] = (((q * fourDigit.Length) + k) % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        }

        return (Countries[pod % Countries.Length], (q % 100).ToString("D2", CultureInfo.InvariantCulture), fourDigit);
    }
}
