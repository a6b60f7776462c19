using System.Runtime.CompilerServices;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

/// <summary>
/// The hot path allocates nothing: after a warm-up (which builds the weighted schedules of every group the leads reach),
/// routing 10,000 pre-created leads allocates 0 bytes on the routing thread. Leads are released a few routes later so reps
/// stay under their caps and the assigned path is what gets measured.
/// </summary>
[Collection(TelemetrySensitiveTests.Name)]
public class AllocationTests
{
    private const int MeasuredRoutes = 10_000;
    private const int OpenLeadsInFlight = 16;

    private static readonly string[] GbPrefixes = ["SW", "SE", "N", "E", "W"];
    private static readonly string[] DePrefixes = ["10", "20", "40", "60", "80"];

    [Fact]
    public void Round_robin_alone_allocates_nothing()
    {
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Weighted_alone_allocates_nothing()
    {
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddWeighted().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Territory_then_round_robin_allocates_nothing()
    {
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Territory_branch_then_round_robin_allocates_nothing()
    {
        var options = new TerritoryBranchStrategyOptions();
        options.Routes.Add(new TerritoryRoute(Territory.ForCountry("GB"), RoutingTarget.Team("smb")));
        options.Routes.Add(new TerritoryRoute(Territory.ForPostalPrefix("GB", "SW"), RoutingTarget.Team("enterprise")));
        options.Routes.Add(new TerritoryRoute(Territory.ForCountry("DE"), RoutingTarget.Team("enterprise")));
        options.Routes.Add(new TerritoryRoute(Territory.ForRegion("US", "CA"), RoutingTarget.Team("smb")));
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddTerritoryBranch(options).AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Score_threshold_then_round_robin_allocates_nothing()
    {
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddScoreThreshold(Tiers()).AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Capacity_then_round_robin_allocates_nothing()
    {
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Least_loaded_capacity_then_round_robin_allocates_nothing()
    {
        var pipeline = new RoutingPipelineBuilder().AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = true }).AddRoundRobin().Build();
        var engine = new RoutingEngine(LargeRoster(100), pipeline, Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void The_full_pipeline_score_territory_capacity_weighted_allocates_nothing_at_100_reps()
    {
        var engine = new RoutingEngine(LargeRoster(100), FullPipeline(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    /// <summary>A roster of one word or less (its candidates kept eagerly) allocates nothing either.</summary>
    [Fact]
    public void The_full_pipeline_and_rotation_allocate_nothing_on_a_40_rep_roster()
    {
        var weighted = new RoutingEngine(LargeRoster(40), FullPipeline(), Options());
        var rotation = new RoutingEngine(LargeRoster(40), new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build(), Options());

        AssertRoutingAllocatesNothing(weighted, Leads());
        AssertRoutingAllocatesNothing(rotation, Leads());
    }

    [Fact]
    public void The_full_pipeline_allocates_nothing_above_4096_reps_where_the_candidate_sets_leave_the_stack()
    {
        var engine = new RoutingEngine(LargeRoster(5_000), FullPipeline(), Options());

        AssertRoutingAllocatesNothing(engine, Leads());
    }

    [Fact]
    public void Fallback_to_a_team_allocates_nothing()
    {
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("smb")).Build();
        var engine = new RoutingEngine(LargeRoster(100), pipeline, Options());
        var uncovered = Enumerable.Range(0, 8).Select(i => new Lead($"it{i}") { Country = "IT", Score = 50 }).ToArray();

        AssertRoutingAllocatesNothing(engine, [.. Leads(), .. uncovered]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(90)]
    public void Routing_with_an_exclusion_list_allocates_nothing_whatever_its_length(int excludedCount)
    {
        // Up to 32 excluded ids sit on the stack; longer lists use a per-thread buffer, allocated on the first such route.
        var engine = new RoutingEngine(LargeRoster(100), new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted().Build(), Options());
        // Ten reps of the roster (so most leads still find someone), the rest ids the roster lacks (a host's stale list).
        var excluded = Enumerable.Range(0, excludedCount).Select(i => i < 10 ? $"rep{i * 7}" : $"gone{i}").ToArray();
        var leads = Leads();
        var assigned = 0;
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            RouteExcludingAndRelease(engine, leads, excluded);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        assigned += RouteExcludingAndRelease(engine, leads, excluded);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(assigned >= leads.Length / 2, $"Only {assigned} of {leads.Length} routes were assigned; the assigned path was not what got measured.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RouteExcludingAndRelease(RoutingEngine engine, Lead[] leads, string[] excluded)
    {
        var assigned = 0;
        foreach (var lead in leads)
        {
            var decision = engine.Route(lead, excluded);
            if (decision.IsAssigned)
            {
                if (Array.IndexOf(excluded, decision.RepId) >= 0)
                {
                    throw new InvalidOperationException($"{lead} went to {decision.RepId}, who was excluded");
                }

                engine.Release(decision.RepId);
                assigned++;
            }
        }

        return assigned;
    }

    private static void AssertRoutingAllocatesNothing(RoutingEngine engine, Lead[] leads)
    {
        var pending = new string?[OpenLeadsInFlight];
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            RouteAndRelease(engine, leads, pending, MeasuredRoutes);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var assigned = RouteAndRelease(engine, leads, pending, MeasuredRoutes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(assigned >= MeasuredRoutes * 9 / 10, $"Only {assigned} of {MeasuredRoutes} routes were assigned; the assigned path was not what got measured.");
    }

    /// <summary>Routes <paramref name="count"/> leads, releasing each assignment <see cref="OpenLeadsInFlight"/> routes later.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RouteAndRelease(RoutingEngine engine, Lead[] leads, string?[] pending, int count)
    {
        var assigned = 0;
        for (var i = 0; i < count; i++)
        {
            var decision = engine.Route(leads[i % leads.Length]);
            var slot = i % pending.Length;
            if (pending[slot] is { } earlier)
            {
                engine.Release(earlier);
            }

            pending[slot] = decision.RepId;
            if (decision.IsAssigned)
            {
                assigned++;
            }
        }

        return assigned;
    }

    private static RoutingEngineOptions Options() => new()
    {
        TimeProvider = new FakeTimeProvider(TestClock.Start),
        DayBoundaryTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
    };

    /// <summary>
    /// Reps split into an SMB and an enterprise team, each covering one GB and one DE postal prefix, a tenth also the
    /// whole of GB or California; weights 1 to 4; open-lead caps of 2, a daily cap on every third, a few who take nothing.
    /// </summary>
    private static Roster LargeRoster(int count)
    {
        var reps = new Rep[count];
        for (var i = 0; i < count; i++)
        {
            var territories = new List<Territory>
            {
                Territory.ForPostalPrefix("GB", GbPrefixes[i % GbPrefixes.Length]),
                Territory.ForPostalPrefix("DE", DePrefixes[i % DePrefixes.Length]),
            };
            if (i % 10 == 0)
            {
                territories.Add(Territory.ForCountry("GB"));
                territories.Add(Territory.ForRegion("US", "CA"));
            }

            reps[i] = new Rep($"rep{i}")
            {
                Weight = 1 + (i % 4),
                MaxOpenLeads = i % 25 == 7 ? 0 : 2,
                MaxLeadsPerDay = i % 3 == 0 ? 1_000_000 : null,
                Territories = territories,
            };
        }

        var half = count / 2;
        return new Roster(
            reps,
            [
                new Team("smb", reps[..half].Select(r => r.Id)),
                new Team("enterprise", reps[half..].Select(r => r.Id)),
            ]);
    }

    /// <summary>Leads spread over both teams' score bands, every GB and DE prefix, GB without a matching prefix, and California.</summary>
    private static Lead[] Leads()
    {
        var leads = new List<Lead>();
        var n = 0;
        foreach (var score in new[] { 20.0, 45.5, 75.0, 99.0 })
        {
            foreach (var prefix in GbPrefixes)
            {
                leads.Add(new Lead($"l{n++}") { Score = score, Country = "GB", PostalCode = $"{prefix}1A 1AA" });
            }

            foreach (var prefix in DePrefixes)
            {
                leads.Add(new Lead($"l{n++}") { Score = score, Country = "de", PostalCode = $"{prefix}115" });
            }

            leads.Add(new Lead($"l{n++}") { Score = score, Country = "GB", PostalCode = "ZE1 0AA" });
            leads.Add(new Lead($"l{n++}") { Score = score, Country = "US", Region = "US-CA", DealValue = 1_000m, CompanySize = 50 });
        }

        return [.. leads];
    }

    private static ScoreThresholdStrategyOptions Tiers()
    {
        var options = new ScoreThresholdStrategyOptions();
        options.Bands.Add(new ScoreBand(0, RoutingTarget.Team("smb")));
        options.Bands.Add(new ScoreBand(60, RoutingTarget.Team("enterprise")));
        return options;
    }

    private static RoutingPipeline FullPipeline() =>
        new RoutingPipelineBuilder().AddScoreThreshold(Tiers()).AddTerritory().AddCapacity().AddWeighted().Build();
}
