using BenchmarkDotNet.Attributes;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// A rep pulling from a <see cref="LeadDesk"/> whose queue holds 100,000 leads, with 1,000 reps (territory → capacity →
/// round-robin, each rep covering one of 10 countries, the leads spread over them). Each pull is for a rep of a country
/// drawn from a fixed pseudo-random sequence, so it looks at the queued leads ahead of that country's first one (a
/// handful), routes each for that rep, and takes one; the lead is then withdrawn and submitted again at the back, which
/// keeps the queue at 100,000. <see cref="SubmitAndWithdraw"/> is that upkeep alone, to subtract.
/// </summary>
[MemoryDiagnoser]
public class LeadDeskPullBenchmarks
{
    private static readonly string[] Codes = ["DE", "FR", "GB", "US", "ES", "IT", "NL", "SE", "PL", "AT"];
    private static readonly int Countries = Codes.Length;
    private const int Draws = 1 << 10;

    private readonly string[] _pullers = new string[Draws];
    private LeadDesk _desk = null!;
    private Lead _spare = null!;
    private int _next;

    [Params(100_000)]
    public int Queued { get; set; }

    [Params(1_000)]
    public int Reps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reps = new Rep[Reps];
        for (var i = 0; i < reps.Length; i++)
        {
            reps[i] = new Rep(BenchmarkWorkload.RepId(i)) { Territories = [Territory.ForCountry(Country(i % Countries))] };
        }

        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var engine = new RoutingEngine(new Roster(reps), pipeline);
        _desk = new LeadDesk(engine, new LeadDeskOptions { Delivery = LeadDelivery.Pull, QueueCapacity = Queued });
        for (var i = 0; i < Queued; i++)
        {
            _desk.Submit(new Lead("lead-" + i) { Country = Country(i % Countries) });
        }

        var random = new Random(13);
        for (var i = 0; i < Draws; i++)
        {
            // Rep k covers country k % 10.
            _pullers[i] = BenchmarkWorkload.RepId(random.Next(Reps));
        }

        _spare = new Lead("spare") { Country = Country(0) };
        for (var i = 0; i < 4 * Draws; i++)
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
        var rep = _pullers[_next++ & (Draws - 1)];
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

    private static string Country(int k) => Codes[k];
}
