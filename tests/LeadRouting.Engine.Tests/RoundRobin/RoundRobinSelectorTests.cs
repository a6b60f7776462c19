namespace LeadRouting.Engine.Tests.RoundRobin;

public class RoundRobinSelectorTests
{
    private static readonly RoutingPipeline RoundRobin = new RoutingPipelineBuilder().AddRoundRobin().Build();

    [Fact]
    public void Leads_rotate_through_the_reps_in_roster_order()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);

        Assert.Equal(["a", "b", "c", "a", "b", "c"], Route(engine, 6));
    }

    [Fact]
    public void Weights_are_ignored()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { Weight = 10 }, new Rep("b") { Weight = 0 }]), RoundRobin);

        Assert.Equal(["a", "b", "a", "b"], Route(engine, 4));
    }

    [Fact]
    public void The_decision_names_the_selector_step_and_reason_Selected()
    {
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin(new RoundRobinStrategyOptions { Name = "Rotate" }).Build();
        var engine = new RoutingEngine(new Roster([new Rep("a")]), pipeline);

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Assigned, decision.Outcome);
        Assert.Equal("Rotate", decision.StepName);
        Assert.Equal(RoutingReason.Selected, decision.Reason);
        Assert.False(decision.UsedFallback);
    }

    [Fact]
    public void A_joiner_gets_the_next_lead_and_then_takes_its_place_in_the_rotation_rather_than_being_flooded()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);
        Route(engine, 6);

        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("b"), new Rep("c"), new Rep("d")]));

        Assert.Equal(["d", "a", "b", "c", "d", "a", "b", "c"], Route(engine, 8));
    }

    [Fact]
    public void A_returner_gets_one_lead_and_then_its_normal_turn_rather_than_a_catch_up_burst()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);
        Route(engine, 3);

        engine.SetActive("a", false);
        Assert.Equal(["b", "c", "b", "c", "b", "c"], Route(engine, 6));
        engine.SetActive("a", true);

        Assert.Equal(["a", "b", "c", "a", "b", "c"], Route(engine, 6));
    }

    [Fact]
    public void A_rep_inactive_from_the_start_is_never_picked_until_switched_on()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b") { IsActive = false }, new Rep("c")]), RoundRobin);

        Assert.Equal(["a", "c", "a", "c"], Route(engine, 4));
        engine.SetActive("b", true);
        Assert.Equal(["b", "a", "c", "b"], Route(engine, 4));
    }

    [Fact]
    public void Two_reps_eligible_for_the_same_leads_alternate_even_when_a_third_is_eligible_only_for_some()
    {
        // a and b cover all of DE; c covers only DE-BY. The DE-BY leads go to c alone (most specific), the others
        // alternate between a and b regardless of how many BY leads come in between.
        var roster = new Roster(
        [
            new Rep("a") { Territories = [Territory.ForCountry("DE")] },
            new Rep("b") { Territories = [Territory.ForCountry("DE")] },
            new Rep("c") { Territories = [Territory.ForRegion("DE", "BY")] },
        ]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build());
        string Berlin() => engine.Route(new Lead("be") { Country = "DE", Region = "BE" }).RepId ?? "(unassigned)";
        string Munich() => engine.Route(new Lead("by") { Country = "DE", Region = "BY" }).RepId ?? "(unassigned)";

        var picks = new[] { Berlin(), Munich(), Munich(), Berlin(), Munich(), Berlin(), Berlin() };

        Assert.Equal(["a", "c", "c", "b", "c", "a", "b"], picks);
    }

    [Fact]
    public void Rotation_ties_between_reps_never_assigned_go_to_roster_order()
    {
        var engine = new RoutingEngine(new Roster([new Rep("z"), new Rep("m"), new Rep("a")]), RoundRobin);

        Assert.Equal(["z", "m", "a"], Route(engine, 3));
    }

    private static string[] Route(RoutingEngine engine, int count)
    {
        var picks = new string[count];
        for (var i = 0; i < count; i++)
        {
            picks[i] = engine.Route(new Lead($"l{i}")).RepId ?? "(unassigned)";
        }

        return picks;
    }
}
