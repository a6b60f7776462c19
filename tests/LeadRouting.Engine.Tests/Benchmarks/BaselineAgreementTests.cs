using LeadRouting.Engine.Benchmarks;
using LeadRouting.Engine.Benchmarks.Baseline;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Benchmarks;

/// <summary>
/// The pipeline benchmarks' ratio compares the engine with <see cref="LinqRouter"/>, the same pipeline in hand-written
/// LINQ; the ratio only means something if both make the same decisions. These route the benchmark's lead stream through
/// both, lead by lead, and require the same rep (or the same "nobody") every time, and enough assignments that the
/// agreement is not vacuous. The workload and the baseline are compiled in from the benchmark project.
/// </summary>
public class BaselineAgreementTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    public void The_baseline_picks_the_engines_rep_for_every_lead_of_the_benchmark_stream(int reps)
    {
        var roster = BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, maxLeadsPerDay: null);

        var assigned = AssertSameDecisions(roster, BenchmarkWorkload.CreateLeads(reps, seed: 42), release: true);

        Assert.Equal(BenchmarkWorkload.LeadCount, assigned);
    }

    [Theory]
    [InlineData(100, 20)]
    [InlineData(1_000, 2)]
    public void The_baseline_agrees_while_open_lead_caps_fill_up_and_full_reps_lose_their_turns(int reps, int maxOpenLeads)
    {
        var roster = BenchmarkWorkload.CreateRoster(reps, maxOpenLeads, maxLeadsPerDay: null);

        var assigned = AssertSameDecisions(roster, BenchmarkWorkload.CreateLeads(reps, seed: 7), release: false);

        AssertSomeButNotAllAssigned(assigned);
    }

    [Theory]
    [InlineData(100, 15)]
    [InlineData(1_000, 2)]
    public void The_baseline_agrees_while_daily_caps_fill_up_with_every_lead_released(int reps, int maxLeadsPerDay)
    {
        var roster = BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, maxLeadsPerDay);

        var assigned = AssertSameDecisions(roster, BenchmarkWorkload.CreateLeads(reps, seed: 11), release: true);

        AssertSomeButNotAllAssigned(assigned);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1_000)]
    public void The_baseline_agrees_with_inactive_reps_and_reps_of_weight_zero_in_the_groups(int reps)
    {
        var roster = BenchmarkWorkload.CreateRoster(reps, (p, territories) => new Rep(BenchmarkWorkload.RepId(p))
        {
            Weight = p % 11 == 4 ? 0 : 1 + (p % 4),
            IsActive = p % 7 != 3,
            MaxOpenLeads = 20,
            Territories = territories,
        });

        var assigned = AssertSameDecisions(roster, BenchmarkWorkload.CreateLeads(reps, seed: 5), release: true);

        // Only a lead whose whole group is switched off or weightless is left unassigned.
        Assert.InRange(assigned, BenchmarkWorkload.LeadCount * 9 / 10, BenchmarkWorkload.LeadCount);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    public void The_floor_router_picks_the_engines_rep_for_every_lead_of_the_benchmark_stream(int reps)
    {
        // The floor row of the pipeline benchmarks is only a floor for the same decisions.
        var roster = BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, maxLeadsPerDay: null);
        var floor = new FloorRouter(roster, maxOpenLeads: 20);

        var assigned = AssertSameDecisions(roster, BenchmarkWorkload.CreateLeads(reps, seed: 42), release: true, "floor", floor.Route, floor.Release);

        Assert.Equal(BenchmarkWorkload.LeadCount, assigned);
    }

    [Fact]
    public void The_largest_benchmark_roster_has_50_000_five_digit_rules_and_105_area_rules()
    {
        var roster = BenchmarkWorkload.CreateRoster(10_000, maxOpenLeads: null, maxLeadsPerDay: null);

        Assert.Equal(50_000 + 105, BenchmarkWorkload.CountRules(roster));
    }

    /// <summary>Routes every lead through a fresh engine and a fresh baseline; returns how many were assigned.</summary>
    private static int AssertSameDecisions(Roster roster, Lead[] leads, bool release)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var baseline = new LinqRouter(roster, BenchmarkWorkload.Bands, BenchmarkWorkload.BelowLowestTeam, time);
        return AssertSameDecisions(roster, leads, release, "baseline", baseline.Route, id => baseline.Release(id), time);
    }

    /// <summary>Routes every lead through a fresh engine and through <paramref name="route"/>; returns how many were assigned.</summary>
    private static int AssertSameDecisions(Roster roster, Lead[] leads, bool release, string what, Func<Lead, string?> route, Action<string> releaseRep, TimeProvider? time = null)
    {
        var engine = new RoutingEngine(roster, BenchmarkWorkload.CreatePipeline(), new RoutingEngineOptions { TimeProvider = time ?? new FakeTimeProvider(TestClock.Start) });
        var disagreements = new List<string>();
        var assigned = 0;
        foreach (var lead in leads)
        {
            var decision = engine.Route(lead);
            var repId = route(lead);
            if (repId != decision.RepId)
            {
                disagreements.Add($"{lead} (score {lead.Score}, {lead.Country} {lead.PostalCode}): engine {decision}, {what} {repId ?? "unassigned"}");
            }

            if (decision.IsAssigned)
            {
                assigned++;
                if (release)
                {
                    engine.Release(decision.RepId);
                    releaseRep(decision.RepId);
                }
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {leads.Length} leads differ; first ones:\n{string.Join('\n', disagreements.Take(5))}");
        return assigned;
    }

    private static void AssertSomeButNotAllAssigned(int assigned) =>
        Assert.InRange(assigned, BenchmarkWorkload.LeadCount / 10, BenchmarkWorkload.LeadCount * 9 / 10);
}
