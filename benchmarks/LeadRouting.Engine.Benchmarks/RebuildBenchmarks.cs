using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// The roster / rule rebuild of the DESIGN budget (≤ 50 ms at 10,000 reps and 50,000 rules, off the hot path): the full
/// pipeline's roster (10,000 reps in pods, 50,000 five-digit rules plus 105 area rules, 310,000 territory entries).
/// Each engine row includes one route after the rebuild, so work deferred to the first lead (the weighted schedule of
/// that lead's group) is counted; the schedules of the other groups are built on their first leads, not measured here.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(BenchmarkCategories.Rebuild)]
public class RebuildBenchmarks
{
    private Rep[] _reps = null!;
    private Team[] _teams = null!;
    private Roster _roster = null!;
    private Roster _other = null!;
    private RoutingPipeline _pipeline = null!;
    private RoutingEngine _engine = null!;
    private Lead _lead = null!;
    private bool _flip;

    [Params(10_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _roster = BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: 20, BenchmarkWorkload.UnreachedCap);
        _other = BenchmarkWorkload.CreateRoster(Reps, maxOpenLeads: 20, BenchmarkWorkload.UnreachedCap);
        _reps = [.. _roster.Reps];
        _teams = [.. _roster.Teams];
        _pipeline = BenchmarkWorkload.CreatePipeline();
        _engine = new RoutingEngine(_roster, _pipeline);
        _lead = BenchmarkWorkload.CreateLeads(Reps, seed: 42)[0];
    }

    /// <summary>Validating and indexing the reps and teams a host has loaded: <c>new Roster(reps, teams)</c>.</summary>
    [Benchmark]
    public Roster NewRoster() => new(_reps, _teams);

    /// <summary>Starting an engine: <c>new RoutingEngine(roster, pipeline)</c> (counters, masks, territory index) and one route.</summary>
    [Benchmark]
    public RoutingDecision NewEngineAndRoute()
    {
        // Disposed, as a host replacing its engine would: an engine's meter is registered process-wide until then.
        using var engine = new RoutingEngine(_roster, _pipeline);
        return engine.Route(_lead);
    }

    /// <summary>
    /// A roster reload on a running engine: <c>engine.ReplaceRoster(roster)</c> (a new snapshot, counters carried over by
    /// rep id, weighted rotations handed on) and one route; alternates between two equal rosters so each call is a change.
    /// </summary>
    [Benchmark]
    public RoutingDecision ReplaceRosterAndRoute()
    {
        _flip = !_flip;
        _engine.ReplaceRoster(_flip ? _other : _roster);
        var decision = _engine.Route(_lead);
        _engine.Release(decision.RepId!);
        return decision;
    }
}
