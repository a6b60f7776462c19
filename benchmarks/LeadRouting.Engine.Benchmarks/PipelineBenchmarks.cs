using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The full pipeline of the DESIGN budget (≤ 60 ns at 100 reps, ≤ 120 ns at 10,000, 0 B): score tier → territory
/// (postal prefix) → capacity → weighted, over a pre-built stream of leads taken round-robin.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Mask = BenchmarkWorkload.LeadCount - 1;

    private RoutingEngine _capped = null!;
    private RoutingEngine _uncapped = null!;
    private Lead[] _leads = null!;
    private int _next;

    [Params(100, 10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = BenchmarkWorkload.CreatePipeline();
        _capped = new RoutingEngine(BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: 20, maxLeadsPerDay: Rep.MaxCap), pipeline);
        _uncapped = new RoutingEngine(BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: null, maxLeadsPerDay: null), pipeline);
        _leads = BenchmarkWorkload.CreateLeads(Reps, seed: 42);

        // The weighted selector builds each peer group's schedule on the group's first lead; build them all now so the
        // measured routes are the steady state, and check that the workload really assigns every lead.
        foreach (var lead in _leads)
        {
            var decision = _capped.Route(lead);
            if (!decision.IsAssigned || !_uncapped.Route(lead).IsAssigned)
            {
                throw new InvalidOperationException($"{lead} was not assigned: {decision}");
            }

            _capped.Release(decision.RepId!);
        }
    }

    /// <summary>
    /// A route with both caps set (open leads and leads per day), then the release a host makes when the lead closes, so
    /// caps never saturate. Includes <see cref="RoutingEngine.Release"/>'s rep-id lookup.
    /// </summary>
    [Benchmark(Baseline = true)]
    public RoutingDecision RouteAndRelease()
    {
        var decision = _capped.Route(_leads[_next++ & Mask]);
        _capped.Release(decision.RepId!);
        return decision;
    }

    /// <summary>The same pipeline over reps without caps: the route alone, with no release and no clock read.</summary>
    [Benchmark]
    public RoutingDecision RouteUncapped() => _uncapped.Route(_leads[_next++ & Mask]);
}
