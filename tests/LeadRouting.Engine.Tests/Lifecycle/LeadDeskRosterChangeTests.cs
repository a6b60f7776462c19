namespace LeadRouting.Engine.Tests.Lifecycle;

/// <summary>
/// A queued lead waits only while someone could still take it: when a roster or pipeline change removes every rep who
/// could, it is returned at the change, not left waiting for ever (issue 13, item 10).
/// </summary>
public class LeadDeskRosterChangeTests
{
    private static readonly RoutingPipeline TerritoryCapacity = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();

    [Fact]
    public void A_queued_lead_whose_only_taker_leaves_the_roster_is_returned_at_the_change()
    {
        var de = new Rep("A") { Territories = [Territory.ForCountry("DE")] };
        var fr = new Rep("B") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("FR")] };
        var (desk, _) = LeadDeskTests.Desk([de, fr], TerritoryCapacity);
        var moves = new List<LeadMovedEventArgs>();
        desk.LeadMoved += (_, e) => moves.Add(e);
        Assert.Equal("B", desk.Submit(new Lead("F1") { Country = "FR" }).RepId);
        Assert.Equal(LeadState.Queued, desk.Submit(new Lead("F2") { Country = "FR" }).State); // waits for B's room

        desk.ReplaceRoster(new Roster([de]));

        Assert.False(desk.TryGetPlacement("F2", out var stillHeld), $"F2 still waits though nobody could take it: {stillHeld}");
        var returned = Assert.Single(moves, m => m.Placement.Lead.Id == "F2" && m.Cause == LeadMoveCause.RosterChanged);
        Assert.Equal((LeadState.Returned, LeadReturnReason.Unassigned), (returned.Placement.State, returned.Placement.ReturnReason));
        Assert.Empty(desk.GetSnapshot().Queued);
    }

    [Fact]
    public void A_queued_lead_that_a_rep_left_could_still_take_keeps_waiting()
    {
        var de = new Rep("A") { Territories = [Territory.ForCountry("DE")] };
        var fr1 = new Rep("B") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("FR")] };
        var fr2 = new Rep("C") { MaxOpenLeads = 0, Territories = [Territory.ForCountry("FR")] };
        var (desk, _) = LeadDeskTests.Desk([de, fr1, fr2], TerritoryCapacity);
        Assert.Equal("B", desk.Submit(new Lead("F1") { Country = "FR" }).RepId);
        Assert.Equal(LeadState.Queued, desk.Submit(new Lead("F2") { Country = "FR" }).State);

        desk.ReplaceRoster(new Roster([de, fr2])); // B leaves; C could take it once their cap is raised

        Assert.True(desk.TryGetPlacement("F2", out var placement));
        Assert.Equal(LeadState.Queued, placement.State);
    }

    [Fact]
    public void A_queued_lead_the_new_pipeline_disqualifies_is_returned_at_the_change()
    {
        var rep = new Rep("A") { MaxOpenLeads = 1 };
        var (desk, _) = LeadDeskTests.Desk([rep]);
        desk.Submit(new Lead("L1") { Score = 10 });
        Assert.Equal(LeadState.Queued, desk.Submit(new Lead("L2") { Score = 10 }).State);
        var strict = new RoutingPipelineBuilder()
            .AddScoreThreshold(new ScoreThresholdStrategyOptions { Bands = { new ScoreBand(50, RoutingTarget.To(new RoutingPipelineBuilder().AddRoundRobin().Build())) } })
            .AddCapacity().AddRoundRobin().Build();

        desk.Reconfigure(new Roster([rep]), strict);

        Assert.False(desk.TryGetPlacement("L2", out _));
        Assert.Equal(1, desk.GetSnapshot().ReturnedByReason[LeadReturnReason.Disqualified]);
    }
}
