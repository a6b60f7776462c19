using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>A pipeline of the round-robin selector alone: the DESIGN budget "pick among 100 candidates, ≤ 15 ns, 0 B".</summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class RoundRobinBenchmarks
{
    private RoutingEngine _engine = null!;
    private Lead _lead = null!;

    [Params(100)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reps = new Rep[Reps];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new Rep(BenchmarkWorkload.RepId(i));
        }

        _engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder().AddRoundRobin().Build());
        _lead = new Lead("lead");
        EngineWarmUp.RouteAll(_engine, [_lead], release: false);
    }

    /// <summary>One route: the least recently assigned of all 100 reps (no caps; no release, so the run is bounded).</summary>
    /// <summary>Fails the run if it outgrew the reps' counters and leads started going unassigned.</summary>
    [GlobalCleanup]
    public void CheckStillAssigning() => EngineWarmUp.RouteAll(_engine, [_lead], release: false);

    [Benchmark]
    public RoutingDecision Route() => _engine.Route(_lead);
}
