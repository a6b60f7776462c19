using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>A pipeline of the weighted selector alone: the DESIGN budget "≤ 15 ns, independent of rep count, 0 B".</summary>
[MemoryDiagnoser]
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
            reps[i] = new Rep($"rep-{i}") { Weight = 1 + (i % 3) };
        }

        _engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder().AddWeighted().Build());
        _lead = new Lead("lead");
        _engine.Route(_lead); // builds the schedule
    }

    [Benchmark]
    public RoutingDecision Route() => _engine.Route(_lead);
}
