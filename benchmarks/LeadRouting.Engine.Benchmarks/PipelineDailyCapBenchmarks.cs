using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The full pipeline of <see cref="PipelineBenchmarks"/> with a daily cap as well (so every route reads the day and
/// counts it), and the route alone, without its release. Neither count comes back down during a run (a release does
/// not give back a daily slot; <see cref="Route"/> releases nothing), so the run is bounded (<see cref="BoundedRunAttribute"/>)
/// and the caps are set where a bounded run never reaches them: every lead is assigned, and the cleanup checks it still is.
/// </summary>
[MemoryDiagnoser]
[BoundedRun]
[BenchmarkCategory(BenchmarkCategories.HotPath)]
public class PipelineDailyCapBenchmarks
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _dailyCapped = null!;
    private RoutingEngine _neverFull = null!;
    private Lead[] _leads = null!;
    private int _next;

    [Params(10, 100, 1_000, 10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = BenchmarkWorkload.CreatePipeline();
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        _dailyCapped = new RoutingEngine(BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: 20, BenchmarkWorkload.UnreachedCap), pipeline);
        _neverFull = new RoutingEngine(BenchmarkWorkload.CreateRoster(Reps, BenchmarkWorkload.UnreachedCap, BenchmarkWorkload.UnreachedCap), pipeline);
        EngineWarmUp.RouteAll(_dailyCapped, _leads, release: true);
        EngineWarmUp.RouteAll(_neverFull, _leads, release: false);
    }

    [GlobalCleanup]
    public void CheckStillAssigning()
    {
        // Had a run outgrown the caps, leads would have started going unassigned: fail rather than publish that.
        EngineWarmUp.RouteAll(_dailyCapped, _leads.AsSpan(0, 16).ToArray(), release: true);
        EngineWarmUp.RouteAll(_neverFull, _leads.AsSpan(0, 16).ToArray(), release: false);
    }

    /// <summary>A route with both caps set (20 open leads, a daily cap) and its release: the day is read and counted.</summary>
    [Benchmark]
    public RoutingDecision RouteAndRelease()
    {
        var decision = _dailyCapped.Route(_leads[_next++ & Mask]);
        _dailyCapped.Release(decision.RepId!);
        return decision;
    }

    /// <summary>
    /// The route alone, without the release: both caps set where the run never reaches them, so the same work is done
    /// (caps read, day read, reservation) and nothing needs freeing.
    /// </summary>
    [Benchmark]
    public RoutingDecision Route() => _neverFull.Route(_leads[_next++ & Mask]);
}
