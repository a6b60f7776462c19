namespace LeadRouting.Engine.Tests;

/// <summary>The README's ten-line example, verbatim, so the front door never lies.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_assigns_the_london_lead_to_ben_by_the_weighted_selector()
    {
        var roster = new Roster(
            [new Rep("ana") { Weight = 2, MaxOpenLeads = 20, Territories = [Territory.ForCountry("DE")] },
             new Rep("ben") { MaxLeadsPerDay = 30, Territories = [Territory.ForPostalPrefix("GB", "SW1"), Territory.ForCountry("GB")] }],
            [new Team("emea", ["ana", "ben"])]);
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted()
            .WithFallback(RoutingFallback.ToTeam("emea")).Build();
        var engine = new RoutingEngine(roster, pipeline);

        RoutingDecision d = engine.Route(new Lead("L-1") { Country = "gb", PostalCode = "SW1A 1AA" });

        Assert.Equal("Assigned to ben (team emea) by Weighted", d.ToString());
        Assert.True(engine.Release("ben"));
    }
}
