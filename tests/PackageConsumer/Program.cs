using System.Reflection;
using LeadRouting.Engine;

// The README's ten-line example, compiled against the package (not the project), plus the checks that it is the
// package that was built now. Exits non-zero on any difference.
var expectedVersion = args.Length > 0 ? args[0] : null;
var failures = new List<string>();

var roster = new Roster(
    [new Rep("ana") { Weight = 2, MaxOpenLeads = 20, Territories = [Territory.ForCountry("DE")] },
     new Rep("ben") { MaxLeadsPerDay = 30, Territories = [Territory.ForPostalPrefix("GB", "SW1"), Territory.ForCountry("GB")] }],
    [new Team("emea", ["ana", "ben"])]);
var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted()
    .WithFallback(RoutingFallback.ToTeam("emea")).Build();
var engine = new RoutingEngine(roster, pipeline);

RoutingDecision d = engine.Route(new Lead("L-1") { Country = "gb", PostalCode = "SW1A 1AA" });
Console.WriteLine(d);
Expect(d.IsAssigned && d.RepId == "ben" && d.TeamId == "emea" && d.Reason == RoutingReason.Selected, $"L-1 to ben by Weighted, got: {d}");
Expect(d.ToString() == "Assigned to ben (team emea) by Weighted", $"the README's printed decision, got: {d}");

var german = engine.Route(new Lead("L-2") { Country = "DE" });
Console.WriteLine(german);
Expect(german.RepId == "ana", $"L-2 (DE) to ana, got: {german}");

var nowhere = engine.Route(new Lead("L-3") { Country = "FR" });
Console.WriteLine(nowhere);
Expect(nowhere.IsAssigned && nowhere.UsedFallback, $"L-3 (FR) to the emea fallback, got: {nowhere}");
Expect(engine.Release("ben"), "ben's open lead can be released");

var assembly = typeof(RoutingEngine).Assembly;
var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
Console.WriteLine($"LeadRouting.Engine {informational} from {assembly.Location}");
if (expectedVersion is not null)
{
    // The informational version is "<package version>+<commit>" when built from git.
    Expect(informational == expectedVersion || informational.StartsWith(expectedVersion + "+", StringComparison.Ordinal),
        $"the assembly of package version {expectedVersion}, got {informational}");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"FAIL: expected {failure}");
}

Console.WriteLine(failures.Count == 0 ? "package consumer: OK" : $"package consumer: {failures.Count} failure(s)");
return failures.Count == 0 ? 0 : 1;

void Expect(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}
