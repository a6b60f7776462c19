using BenchmarkDotNet.Attributes;
using LeadRouting.Engine.Benchmarks.Baseline;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The full pipeline of the DESIGN budget (≤ 60 ns at 100 reps, ≤ 120 ns at 10,000 reps with 50,000 rules, 0 B, ≥ 30×
/// the straightforward version): score tier → territory (postal prefix) → capacity → weighted, over the
/// <see cref="BenchmarkWorkload"/> pods, leads taken in turn from a stream of 4,096. The baseline row is
/// <see cref="LinqRouter"/>, the same pipeline in hand-written LINQ, making the same decisions.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _capped = null!;
    private RoutingEngine _neverFull = null!;
    private LinqRouter _baseline = null!;
    private Lead[] _leads = null!;
    private int _next;

    [Params(10, 100, 1_000, 10_000)]
    public int Reps { get; set; }

    [GlobalSetup(Targets = new[] { nameof(RouteAndRelease), nameof(Route) })]
    public void SetupEngine()
    {
        var pipeline = BenchmarkWorkload.CreatePipeline();
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        _capped = new RoutingEngine(CappedRoster(Reps), pipeline);
        _neverFull = new RoutingEngine(BenchmarkWorkload.CreateRoster(Reps, int.MaxValue, BenchmarkWorkload.UnreachedDailyCap), pipeline);
        EngineWarmUp.RouteAll(_capped, _leads, release: true);
        EngineWarmUp.RouteAll(_neverFull, _leads, release: false);
    }

    [GlobalSetup(Target = nameof(LinqBaseline))]
    public void SetupBaseline()
    {
        // The ratio only means something if both make the same decisions: check it on the whole stream before measuring.
        var roster = CappedRoster(Reps);
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);
        _baseline = new LinqRouter(roster, BenchmarkWorkload.Bands, BenchmarkWorkload.BelowLowestTeam);
        var engine = new RoutingEngine(roster, BenchmarkWorkload.CreatePipeline());
        foreach (var lead in _leads)
        {
            var expected = engine.Route(lead);
            var actual = _baseline.Route(lead);
            if (!expected.IsAssigned || actual != expected.RepId)
            {
                throw new InvalidOperationException($"{lead}: the engine decided '{expected}', the baseline '{actual ?? "unassigned"}'.");
            }

            engine.Release(expected.RepId);
            _baseline.Release(actual);
        }
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
    /// A route with both caps set (20 open leads, a daily cap never reached), then the release a host makes when the lead
    /// closes, so caps never saturate. Includes <see cref="RoutingEngine.Release"/>'s rep-id lookup.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCategories.HotPath)]
    public RoutingDecision RouteAndRelease()
    {
        var decision = _capped.Route(_leads[_next++ & Mask]);
        _capped.Release(decision.RepId!);
        return decision;
    }

    /// <summary>
    /// The route alone, without the release: the same caps except an open-lead cap no run reaches, so the same work is
    /// done (caps read, the day read, the pick reserved) and nothing needs freeing.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(BenchmarkCategories.HotPath)]
    public RoutingDecision Route() => _neverFull.Route(_leads[_next++ & Mask]);

    [GlobalCleanup(Target = nameof(Route))]
    public void CheckStillAssigning()
    {
        // The never-full engine only stays that way if a run routes fewer than ~2^31 leads per rep; say so if one did.
        EngineWarmUp.RouteAll(_neverFull, _leads.AsSpan(0, 16).ToArray(), release: false);
    }

    private static Roster CappedRoster(int reps) => BenchmarkWorkload.CreateRoster(reps, maxOpenLeads: 20, BenchmarkWorkload.UnreachedDailyCap);
}
