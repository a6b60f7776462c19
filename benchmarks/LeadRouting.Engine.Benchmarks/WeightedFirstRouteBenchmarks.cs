using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The first route of a weighted group after a roster reload, against a warm route of the same group (issue 13, item 7):
/// 10,000 reps with weights 1-1,000 (Σw ≈ 5 million slots, far past what is precomputed), pipeline <c>AddWeighted()</c>.
/// The reload itself (<c>ReplaceRoster</c>) runs in the iteration setup, outside the measurement.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[BenchmarkCategory(BenchmarkCategories.Rebuild)]
public class WeightedFirstRouteBenchmarks
{
    /// <summary>Routes per invocation of <see cref="WarmRoute"/>: several chunk refills, so their cost is in the mean.</summary>
    private const int WarmRoutes = 8_192;

    private Roster _roster = null!;
    private Roster _same = null!;
    private Roster _changed = null!;
    private RoutingEngine _engine = null!;
    private Lead[] _leads = null!;
    private bool _flip;

    [Params(10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _roster = CreateRoster(shift: 0);
        _same = CreateRoster(shift: 0);
        _changed = CreateRoster(shift: 1);
        _engine = new RoutingEngine(_roster, new RoutingPipelineBuilder().AddWeighted().Build());
        _leads = [.. Enumerable.Range(0, WarmRoutes).Select(i => new Lead("lead-" + i))];
        EngineWarmUp.RouteAll(_engine, _leads, release: true);
    }

    [GlobalCleanup]
    public void Dispose() => _engine.Dispose();

    [IterationSetup(Target = nameof(FirstRouteAfterReload))]
    public void ReloadTheSameRoster()
    {
        // Two equal rosters in turn, so each reload is a real replacement whose group is unchanged (the rotation carries over).
        _flip = !_flip;
        _engine.ReplaceRoster(_flip ? _same : _roster);
    }

    [IterationSetup(Target = nameof(FirstRouteAfterReloadChangingWeights))]
    public void ReloadOtherWeights()
    {
        // Weights differ on every reload, so the group's schedule starts afresh.
        _flip = !_flip;
        _engine.ReplaceRoster(_flip ? _changed : _roster);
    }

    /// <summary>The first route after a reload that leaves the group as it was.</summary>
    [Benchmark]
    public RoutingDecision FirstRouteAfterReload() => RouteAndRelease(_leads[0]);

    /// <summary>The first route after a reload that changes every weight: a new schedule for the group.</summary>
    [Benchmark]
    public RoutingDecision FirstRouteAfterReloadChangingWeights() => RouteAndRelease(_leads[0]);

    /// <summary>A warm route of the same group (route + release), the mean over <see cref="WarmRoutes"/> in a row.</summary>
    [Benchmark(OperationsPerInvoke = WarmRoutes)]
    public RoutingDecision WarmRoute()
    {
        RoutingDecision last = default;
        foreach (var lead in _leads)
        {
            last = RouteAndRelease(lead);
        }

        return last;
    }

    private RoutingDecision RouteAndRelease(Lead lead)
    {
        var decision = _engine.Route(lead);
        _engine.Release(decision.RepId!);
        return decision;
    }

    private Roster CreateRoster(int shift)
    {
        var reps = new Rep[Reps];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new Rep(BenchmarkWorkload.RepId(i)) { Weight = 1 + ((i + shift) * 7_919 % 1_000) };
        }

        return new Roster(reps);
    }
}
