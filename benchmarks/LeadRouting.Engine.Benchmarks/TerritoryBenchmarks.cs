using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// Territory lookup by postal prefix: the territory filter then the weighted selector (a pipeline must end in one; weighted
/// is the cheapest, compare <see cref="WeightedBenchmarks"/>), over the workload's pods: 500 five-digit rules at 100 reps,
/// 50,000 at 10,000 (plus the two-digit area rules), leads taken in turn from a stream of 4,096.
/// </summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class TerritoryBenchmarks
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _engine = null!;
    private Lead[] _leads = null!;
    private int _next;

    [Params(100, 10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var roster = BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: null, maxLeadsPerDay: null);
        _engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddWeighted().Build());
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        EngineWarmUp.RouteAll(_engine, _leads, release: false);
    }

    /// <summary>One route: the most specific rule covering the lead, then a weighted pick among its owners (no caps, no release).</summary>
    /// <summary>Fails the run if it outgrew the reps' counters and leads started going unassigned.</summary>
    [GlobalCleanup]
    public void CheckStillAssigning() => EngineWarmUp.RouteAll(_engine, _leads.AsSpan(0, 16).ToArray(), release: false);

    [Benchmark]
    public RoutingDecision Route() => _engine.Route(_leads[_next++ & Mask]);
}
