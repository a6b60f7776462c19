using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The capacity check alone: the capacity filter over 100 candidates with both caps set (20 open leads, and a daily cap
/// the bounded run never reaches, so the day is read and counted), then the weighted selector (a pipeline must end in
/// one; compare <see cref="WeightedBenchmarks"/>), and the release a host makes when the lead closes.
/// </summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class CapacityBenchmarks
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
            reps[i] = new Rep(BenchmarkWorkload.RepId(i)) { MaxOpenLeads = 20, MaxLeadsPerDay = BenchmarkWorkload.UnreachedCap };
        }

        _engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder().AddCapacity().AddWeighted().Build());
        _lead = new Lead("lead");
        EngineWarmUp.RouteAll(_engine, [_lead], release: true);
    }

    /// <summary>One route (every candidate's caps read, the day read once, the pick reserved) and its release.</summary>
    [Benchmark]
    public RoutingDecision RouteAndRelease()
    {
        var decision = _engine.Route(_lead);
        _engine.Release(decision.RepId!);
        return decision;
    }
}
