using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The score-threshold step alone: three tiers, each a team of a third of the reps, then the weighted selector (a pipeline
/// must end in one; compare <see cref="WeightedBenchmarks"/>); leads with scores 0-100 taken in turn from a stream of 4,096.
/// </summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class ScoreBandBenchmarks
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
        _engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddScoreThreshold(BenchmarkWorkload.ScoreTiers()).AddWeighted().Build());
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        EngineWarmUp.RouteAll(_engine, _leads, release: false);
    }

    /// <summary>One route: the band's team, then a weighted pick among the team (no caps, no release).</summary>
    /// <summary>Fails the run if it outgrew the reps' counters and leads started going unassigned.</summary>
    [GlobalCleanup]
    public void CheckStillAssigning() => EngineWarmUp.RouteAll(_engine, _leads.AsSpan(0, 16).ToArray(), release: false);

    [Benchmark]
    public RoutingDecision Route() => _engine.Route(_leads[_next++ & Mask]);
}
