using LeadRouting.Engine;
using LeadRouting.Quickstart;

// The quickstart: one roster, one pipeline, a day of generated leads, and where they went.
const int Seed = 20261102;
const int LeadCount = 2_400;

// Reps close leads as the day goes on; on average this many are open at once across the floor, so open caps bite.
const double OpenLeadsOnAverage = 300;

var clock = new FixedClock(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
var roster = SampleRoster.Create();

// Score picks the team; the reps' own territories narrow it to who covers the lead (the longest postal prefix wins);
// capacity drops reps at their open-lead or daily cap; the weighted selector shares the rest 2:1 senior to junior.
// Anything the pipeline cannot place (no territory match, everyone full, no country, no score) goes to the SDR desk.
var pipeline = new RoutingPipelineBuilder()
    .AddScoreThreshold(new ScoreThresholdStrategyOptions
    {
        Name = "ScoreTier",
        Bands =
        {
            new ScoreBand(50, RoutingTarget.Team(SampleRoster.MidMarket)),
            new ScoreBand(80, RoutingTarget.Team(SampleRoster.Enterprise)),
        },
        BelowLowest = RoutingTarget.Team(SampleRoster.Nurture),
    })
    .AddTerritory()
    .AddCapacity()
    .AddWeighted()
    .WithFallback(RoutingFallback.ToTeam(SampleRoster.Nurture))
    .Build();

var engine = new RoutingEngine(roster, pipeline, new RoutingEngineOptions { TimeProvider = clock });

var leads = new LeadGenerator(Seed);
var closing = new Random(Seed + 1);
var openLeads = new List<string>(); // the rep of every lead still open
var routed = new List<RoutedLead>(LeadCount);
for (var i = 0; i < LeadCount; i++)
{
    clock.Advance(TimeSpan.FromSeconds(15)); // 2,400 leads between 08:00 and 18:00 UTC: one day, one set of daily caps
    var lead = leads.Next(clock.GetUtcNow());
    var decision = engine.Route(lead);
    routed.Add(new RoutedLead(lead, decision));
    if (decision.IsAssigned)
    {
        openLeads.Add(decision.RepId!);
    }

    if (closing.NextDouble() * OpenLeadsOnAverage < openLeads.Count)
    {
        var closed = closing.Next(openLeads.Count);
        engine.Release(openLeads[closed]); // frees the rep's open-lead slot; the daily count stays
        openLeads[closed] = openLeads[^1];
        openLeads.RemoveAt(openLeads.Count - 1);
    }
}

DistributionReport.Print(engine, routed, Seed);

// "Why would this lead go to X and not Y?" Explain answers with the decision a route would make now, step by step,
// and changes nothing (no rotation turn, no capacity is taken).
Console.WriteLine();
Console.WriteLine("Why? Two leads explained (nothing is routed)");
foreach (var lead in new[]
{
    new Lead("L-EXPLAIN-1") { Score = 91, Country = "gb", PostalCode = "SW1A 2AA", ReceivedAt = clock.GetUtcNow() },
    new Lead("L-EXPLAIN-2") { Score = 62, Country = "FR", PostalCode = "75008", ReceivedAt = clock.GetUtcNow() },
})
{
    Console.Write(engine.Explain(lead).ToString().Replace("\n", "\n  ", StringComparison.Ordinal).TrimEnd().Insert(0, "  "));
    Console.WriteLine();
}

LifecycleDemo.Run();
