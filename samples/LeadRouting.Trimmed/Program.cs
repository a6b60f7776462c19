using LeadRouting.Engine;

// Every strategy, in a trimmed self-contained app: a score tier sends big deals to a nested pipeline (territory branch,
// then round-robin) and the rest through territory, capacity (daily caps end at Berlin midnight) and weighted.
// Then the same through the hosting package (HostedRouting.cs). Prints each decision; exits 1 if any differs from what
// the strategies promise.
var expect = new Expectations();

var roster = new Roster(
    [
        new Rep("ana") { Weight = 2, MaxOpenLeads = 5, Territories = [Territory.ForCountry("DE")] },
        new Rep("ben") { MaxLeadsPerDay = 1, Territories = [Territory.ForPostalPrefix("GB", "SW1"), Territory.ForCountry("GB")] },
        new Rep("cleo") { Territories = [Territory.ForRegion("US", "CA")] },
        new Rep("dev") { Territories = [Territory.ForCountry("US")] },
        new Rep("eve") { Territories = [Territory.ForCountry("US")] },
    ],
    [new Team("emea", ["ana", "ben"]), new Team("americas", ["cleo", "dev", "eve"])]);

var enterprise = new RoutingPipelineBuilder()
    .AddTerritoryBranch(new TerritoryBranchStrategyOptions
    {
        Routes = { new TerritoryRoute(Territory.ForCountry("US"), RoutingTarget.Team("americas")) },
    })
    .AddRoundRobin()
    .Build();

var pipeline = new RoutingPipelineBuilder()
    .AddScoreThreshold(new ScoreThresholdStrategyOptions
    {
        Measure = LeadMeasure.DealValue,
        Bands = { new ScoreBand(0, RoutingTarget.Team("emea")), new ScoreBand(100_000, RoutingTarget.To(enterprise)) },
    })
    .AddTerritory()
    .AddCapacity(new CapacityStrategyOptions { PreferLeastLoaded = true })
    .AddWeighted()
    .WithFallback(RoutingFallback.Unassigned)
    .Build();

var engine = new RoutingEngine(roster, pipeline, new RoutingEngineOptions
{
    DayBoundaryTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
});

expect.Route(engine.Route, new Lead("L-1") { DealValue = 5_000, Country = "de" }, "ana");
expect.Route(engine.Route, new Lead("L-2") { DealValue = 5_000, Country = "GB", PostalCode = "SW1A 1AA" }, "ben");
expect.Route(engine.Route, new Lead("L-3") { DealValue = 5_000, Country = "GB", PostalCode = "SW1A 2AA" }, null); // ben's daily cap is 1
expect.Route(engine.Route, new Lead("L-4") { DealValue = 250_000, Country = "US", Region = "NY" }, "cleo"); // round-robin: oldest turn first
expect.Route(engine.Route, new Lead("L-5") { DealValue = 250_000, Country = "US", Region = "TX" }, "dev");
expect.Route(engine.Route, new Lead("L-6") { DealValue = 250_000, Country = "US", Region = "CA" }, "eve");
expect.Route(engine.Route, new Lead("L-7") { Country = "DE" }, null); // no deal value: the score tier cannot place it

await HostedRouting.RunAsync(expect);

Console.WriteLine(expect.Failures == 0 ? "trimmed sample: OK" : $"trimmed sample: {expect.Failures} failure(s)");
return expect.Failures == 0 ? 0 : 1;
