namespace LeadRouting.Engine.Tests.Explain;

public class ExplainTests
{
    private static Roster Roster() => new(
        [
            new Rep("ana") { Territories = [Territory.ForPostalPrefix("GB", "SW1")], MaxOpenLeads = 1 },
            new Rep("ben") { Territories = [Territory.ForCountry("GB")] },
            new Rep("cho") { Territories = [Territory.ForPostalPrefix("GB", "SW1")] },
            new Rep("dev") { Territories = [Territory.ForCountry("DE")] },
            new Rep("eve") { Territories = [Territory.ForPostalPrefix("GB", "SW1")], IsActive = false },
            new Rep("fay") { Territories = [Territory.ForPostalPrefix("GB", "SW1")] },
        ],
        [new Team("emea", ["ana", "ben", "cho", "dev", "eve"]), new Team("other", ["fay"])]);

    private static RoutingPipeline Pipeline()
    {
        var bands = new ScoreThresholdStrategyOptions { Name = "Band" };
        bands.Bands.Add(new ScoreBand(50, RoutingTarget.Team("emea")));
        return new RoutingPipelineBuilder().AddScoreThreshold(bands).AddTerritory().AddCapacity().AddRoundRobin().Build();
    }

    [Fact]
    public void Every_rep_that_drops_out_is_named_with_its_reason_and_the_pick_is_explained()
    {
        var engine = new RoutingEngine(Roster(), Pipeline());
        engine.Route(new Lead("warm") { Score = 90, Country = "GB", PostalCode = "SW1A 1AA" }); // ana takes her only slot

        var explanation = engine.Explain(new Lead("l") { Score = 90, Country = "GB", PostalCode = "SW1A 2BB" });

        Assert.Equal("cho", explanation.Decision.RepId);
        Assert.Equal(["Roster", "Band", "Territory", "Capacity", "RoundRobin"], explanation.Steps.Select(s => s.Name));
        Assert.Equal([new RepDrop("eve", DropReason.Inactive)], explanation.Steps[0].Dropped);
        Assert.Equal([new RepDrop("fay", DropReason.NotInTeam)], explanation.Steps[1].Dropped);
        Assert.Equal([new RepDrop("ben", DropReason.LessSpecificTerritory), new RepDrop("dev", DropReason.OutsideTerritory)], explanation.Steps[2].Dropped);
        Assert.Equal([new RepDrop("ana", DropReason.AtOpenLeadCap)], explanation.Steps[3].Dropped);
        Assert.Equal(["cho"], explanation.Steps[4].After);
        Assert.Contains("GB:SW1", explanation.Steps[2].Note, StringComparison.Ordinal);
        Assert.Contains("band 0", explanation.Steps[1].Note, StringComparison.Ordinal);
        Assert.NotNull(explanation.PickedBecause);
    }

    [Fact]
    public void The_text_and_json_forms_carry_the_same_story()
    {
        var engine = new RoutingEngine(Roster(), Pipeline());

        var explanation = engine.Explain(new Lead("l-1") { Score = 90, Country = "GB", PostalCode = "SW1A" });
        var text = explanation.ToString();
        using var json = System.Text.Json.JsonDocument.Parse(explanation.ToJson());

        Assert.Contains("Lead l-1: Assigned to ana", text, StringComparison.Ordinal);
        Assert.Contains("LessSpecificTerritory: ben", text, StringComparison.Ordinal);
        Assert.Equal("ana", json.RootElement.GetProperty("decision").GetProperty("repId").GetString());
        var territory = json.RootElement.GetProperty("steps")[2];
        Assert.Equal("Territory", territory.GetProperty("name").GetString());
        Assert.Equal("OutsideTerritory", territory.GetProperty("dropped")[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_lead_that_falls_back_shows_the_step_that_emptied_the_set_and_the_fallback()
    {
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("other")).Build();
        var engine = new RoutingEngine(Roster(), pipeline);

        var explanation = engine.Explain(new Lead("fr") { Country = "FR" });

        Assert.Equal("fay", explanation.Decision.RepId);
        Assert.True(explanation.Decision.UsedFallback);
        Assert.Equal(["Roster", "Territory", "Fallback"], explanation.Steps.Select(s => s.Name));
        Assert.Empty(explanation.Steps[1].After);
        Assert.All(explanation.Steps[1].Dropped, d => Assert.Equal(DropReason.OutsideTerritory, d.Reason));
    }

    [Fact]
    public void Explaining_changes_nothing()
    {
        var engine = new RoutingEngine(Roster(), Pipeline());
        var lead = new Lead("l") { Score = 90, Country = "GB", PostalCode = "SW1A" };

        var first = engine.Explain(lead);
        var second = engine.Explain(lead);

        Assert.Equal(first.Decision, second.Decision);
        Assert.Equal(first.Decision, engine.Route(lead));
        Assert.True(engine.TryGetStatus("ana", out var ana));
        Assert.Equal(1, ana.OpenLeads);
    }
}
