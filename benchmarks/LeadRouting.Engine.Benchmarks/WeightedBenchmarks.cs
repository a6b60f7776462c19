using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>A pipeline of the weighted selector alone: the DESIGN budget "≤ 15 ns, independent of rep count, 0 B".</summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class WeightedBenchmarks
{
    private RoutingEngine _engine = null!;
    private Lead _lead = null!;

    [Params(100, 10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reps = new Rep[Reps];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new Rep(BenchmarkWorkload.RepId(i)) { Weight = 1 + (i % 3) };
        }

        _engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder().AddWeighted().Build());
        _lead = new Lead("lead");
        EngineWarmUp.RouteAll(_engine, [_lead], release: false); // builds the schedule
    }

    /// <summary>One route: the next pick of one group (all reps, weights 1-3; no caps; no release, so the run is bounded).</summary>
    /// <summary>Fails the run if it outgrew the reps' counters and leads started going unassigned.</summary>
    [GlobalCleanup]
    public void CheckStillAssigning() => EngineWarmUp.RouteAll(_engine, [_lead], release: false);

    [Benchmark]
    public RoutingDecision Route() => _engine.Route(_lead);
}
