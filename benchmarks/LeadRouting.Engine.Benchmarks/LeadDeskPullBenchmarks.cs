using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// A rep pulling from a <see cref="LeadDesk"/> whose queue holds 100,000 leads, with 1,001 reps (territory → capacity →
/// round-robin; rep k covers one of 10 countries, k mod 10, and one more rep, switched off, covers Japan). The queue starts
/// with <see cref="Ahead"/> Japanese leads (they wait for that rep to come back; nobody pulling can take them), then leads
/// spread over the 10 countries in turn. Pulls go to the reps in turn, so each pull routes the <see cref="Ahead"/> leads
/// for its rep (finding nothing) and takes the next one: a pull looks at <see cref="Ahead"/> + 1 leads. The lead is then
/// withdrawn and submitted again at the back, which keeps the queue at 100,000; <see cref="SubmitAndWithdraw"/> is that
/// upkeep alone, to subtract.
/// </summary>
[MemoryDiagnoser]
public class LeadDeskPullBenchmarks
{
    private static readonly string[] Codes = ["DE", "FR", "GB", "US", "ES", "IT", "NL", "SE", "PL", "AT"];

    private string[] _pullers = null!;
    private LeadDesk _desk = null!;
    private Lead _spare = null!;
    private int _next;

    [Params(100_000)]
    public int Queued { get; set; }

    [Params(1_000)]
    public int Reps { get; set; }

    /// <summary>Queued leads ahead of the first one the pulling rep can take.</summary>
    [Params(0, 100)]
    public int Ahead { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reps = new Rep[Reps + 1];
        _pullers = new string[Reps];
        for (var i = 0; i < Reps; i++)
        {
            reps[i] = new Rep(BenchmarkWorkload.RepId(i)) { Territories = [Territory.ForCountry(Codes[i % Codes.Length])] };
            _pullers[i] = reps[i].Id;
        }

        reps[Reps] = new Rep("japan") { Territories = [Territory.ForCountry("JP")] };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var engine = new RoutingEngine(new Roster(reps), pipeline);
        _desk = new LeadDesk(engine, new LeadDeskOptions { Delivery = LeadDelivery.Pull, QueueCapacity = Queued });
        _desk.SetActive("japan", false);
        for (var i = 0; i < Queued; i++)
        {
            _desk.Submit(new Lead("lead-" + i) { Country = i < Ahead ? "JP" : Codes[(i - Ahead) % Codes.Length] });
        }

        _spare = new Lead("spare") { Country = Codes[0] };
        for (var i = 0; i < 2 * Reps; i++)
        {
            PullWithdrawResubmit();
        }

        if (_desk.QueueLength != Queued)
        {
            throw new InvalidOperationException($"the queue holds {_desk.QueueLength}, not {Queued}");
        }
    }

    /// <summary>One pull (its rep gets the first queued lead of their country), then the upkeep that keeps the queue full.</summary>
    [Benchmark]
    public LeadPlacement PullWithdrawResubmit()
    {
        var rep = _pullers[_next];
        _next = _next + 1 == _pullers.Length ? 0 : _next + 1;
        if (!_desk.TryPull(rep, out var pulled))
        {
            throw new InvalidOperationException($"{rep} pulled nothing");
        }

        _desk.TryWithdraw(pulled.Lead.Id);
        _desk.Submit(pulled.Lead);
        return pulled;
    }

    /// <summary>The upkeep alone: a lead submitted to the back of the queue of 100,000 and withdrawn from it.</summary>
    [Benchmark]
    public bool SubmitAndWithdraw()
    {
        _desk.Submit(_spare);
        return _desk.TryWithdraw(_spare.Id);
    }
}
