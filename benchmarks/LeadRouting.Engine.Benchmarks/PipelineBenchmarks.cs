using BenchmarkDotNet.Attributes;
using LeadRouting.Engine.Benchmarks.Baseline;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The full pipeline of the DESIGN budget (≤ 60 ns at 100 reps, ≤ 120 ns at 10,000 reps with 50,000 rules, 0 B, ≥ 30×
/// the straightforward version): score tier → territory (postal prefix) → capacity → weighted, over the
/// <see cref="BenchmarkWorkload"/> pods, leads taken in turn from a stream of 4,096, each released after its route. The
/// baseline row is <see cref="LinqRouter"/>, the same pipeline in hand-written LINQ, making the same decisions; the <c>Floor</c> row is
/// <see cref="FloorRouter"/>, the same decisions by code written only for speed (how far the engine is from this machine's
/// floor, read from the same run). The same
/// pipeline with a daily cap, and the route without its release, are <see cref="PipelineDailyCapBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _engine = null!;
    private LinqRouter _baseline = null!;
    private FloorRouter _floor = null!;
    private Lead[] _leads = null!;
    private int _next;

    [Params(10, 100, 1_000, 10_000)]
    public int Reps { get; set; }

    /// <summary>Reps with an open-lead cap of 20, which the release after every route keeps from filling.</summary>
    internal static Roster CappedRoster(int reps) => BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, maxLeadsPerDay: null);

    [GlobalSetup(Target = nameof(RouteAndRelease))]
    public void SetupEngine()
    {
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        _engine = new RoutingEngine(CappedRoster(Reps), BenchmarkWorkload.CreatePipeline());
        EngineWarmUp.RouteAll(_engine, _leads, release: true);
    }

    [GlobalSetup(Target = nameof(LinqBaseline))]
    public void SetupBaseline()
    {
        var roster = CappedRoster(Reps);
        _baseline = new LinqRouter(roster, BenchmarkWorkload.Bands, BenchmarkWorkload.BelowLowestTeam);
        _leads = CheckedStream(Reps, roster, "the baseline", _baseline.Route, id => _baseline.Release(id));
    }

    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor()
    {
        var roster = CappedRoster(Reps);
        _floor = new FloorRouter(roster, maxOpenLeads: 20);
        _leads = CheckedStream(Reps, roster, "the floor", _floor.Route, _floor.Release);
    }

    /// <summary>
    /// The benchmark's lead stream, after routing it (with release) through a fresh engine and through the router under
    /// comparison, lead by lead: a ratio to the baseline or the floor only means something for the same decisions.
    /// </summary>
    internal static Lead[] CheckedStream(int reps, Roster roster, string what, Func<Lead, string?> route, Action<string> release)
    {
        var leads = BenchmarkWorkload.CreateLeads(reps, seed: 42);
        var engine = new RoutingEngine(roster, BenchmarkWorkload.CreatePipeline());
        foreach (var lead in leads)
        {
            var expected = engine.Route(lead);
            var actual = route(lead);
            if (!expected.IsAssigned || actual != expected.RepId)
            {
                throw new InvalidOperationException($"{lead}: the engine decided '{expected}', {what} '{actual ?? "unassigned"}'.");
            }

            engine.Release(expected.RepId);
            release(actual);
        }

        return leads;
    }

    /// <summary>
    /// The same decisions by <see cref="FloorRouter"/>, code written only for speed for this configuration: the measured
    /// floor of a route and release on this machine, in the same run as the engine.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCategories.Floor)]
    public string? Floor()
    {
        var repId = _floor.Route(_leads[_next++ & Mask]);
        _floor.Release(repId!);
        return repId;
    }

    /// <summary>The same pipeline in hand-written LINQ (<see cref="LinqRouter"/>), route and release.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(BenchmarkCategories.Baseline)]
    public string? LinqBaseline()
    {
        var repId = _baseline.Route(_leads[_next++ & Mask]);
        _baseline.Release(repId!);
        return repId;
    }

    /// <summary>
    /// A route with the open-lead cap set (20), then the release a host makes when the lead closes, so the cap never
    /// fills. Includes <see cref="RoutingEngine.Release"/>'s rep-id lookup.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCategories.HotPath)]
    public RoutingDecision RouteAndRelease()
    {
        var decision = _engine.Route(_leads[_next++ & Mask]);
        _engine.Release(decision.RepId!);
        return decision;
    }
}
