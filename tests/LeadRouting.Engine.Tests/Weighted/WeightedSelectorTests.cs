namespace LeadRouting.Engine.Tests.Weighted;

public class WeightedSelectorTests
{
    private static readonly RoutingPipeline Weighted = new RoutingPipelineBuilder().AddWeighted().Build();

    [Fact]
    public void Weights_5_1_1_interleave_smoothly_rather_than_in_a_burst()
    {
        var roster = new Roster([new Rep("a") { Weight = 5 }, new Rep("b") { Weight = 1 }, new Rep("c") { Weight = 1 }]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddWeighted().Build());

        var picks = Enumerable.Range(0, 14).Select(i => engine.Route(new Lead($"l{i}")).RepId);

        Assert.Equal("a a b a c a a a a b a c a a".Split(' '), picks);
    }

    [Fact]
    public void Weights_70_and_30_split_100_leads_exactly_70_30()
    {
        var engine = new RoutingEngine(new Roster([new Rep("senior") { Weight = 70 }, new Rep("junior") { Weight = 30 }]), Weighted);

        var counts = Route(engine, 100).CountBy(id => id).ToDictionary();

        Assert.Equal(70, counts["senior"]);
        Assert.Equal(30, counts["junior"]);
    }

    [Fact]
    public void Weights_70_and_30_stay_within_one_lead_of_the_exact_share_after_every_lead()
    {
        var engine = new RoutingEngine(new Roster([new Rep("senior") { Weight = 70 }, new Rep("junior") { Weight = 30 }]), Weighted);

        var senior = 0;
        var picks = Route(engine, 100);
        for (var n = 1; n <= picks.Length; n++)
        {
            senior += picks[n - 1] == "senior" ? 1 : 0;
            Assert.InRange(senior - (n * 0.7), -1.0, 1.0);
        }
    }

    [Fact]
    public void A_rep_of_weight_zero_is_never_picked()
    {
        var engine = new RoutingEngine(new Roster([new Rep("idle") { Weight = 0 }, new Rep("a"), new Rep("b") { Weight = 2 }]), Weighted);

        var picks = Route(engine, 30);

        Assert.DoesNotContain("idle", picks);
        Assert.Equal(10, picks.Count(id => id == "a"));
        Assert.Equal(20, picks.Count(id => id == "b"));
    }

    [Fact]
    public void Candidates_all_of_weight_zero_leave_the_lead_unassigned_with_NoPositiveWeight()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { Weight = 0 }, new Rep("b") { Weight = 0 }]), Weighted);

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Null(decision.RepId);
        Assert.Equal(RoutingReason.NoPositiveWeight, decision.Reason);
        Assert.Equal("Weighted", decision.StepName);
    }

    [Fact]
    public void A_territory_whose_only_owner_has_weight_zero_is_unassigned_with_NoPositiveWeight_while_others_route()
    {
        var roster = new Roster(
        [
            new Rep("de") { Territories = [Territory.ForCountry("DE")] },
            new Rep("fr") { Weight = 0, Territories = [Territory.ForCountry("FR")] },
        ]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddWeighted().Build());

        Assert.Equal(RoutingReason.NoPositiveWeight, engine.Route(new Lead("paris") { Country = "FR" }).Reason);
        Assert.Equal("de", engine.Route(new Lead("berlin") { Country = "DE" }).RepId);
    }

    [Fact]
    public void Two_territories_keep_separate_rotations_that_do_not_disturb_each_other()
    {
        var roster = new Roster(
        [
            new Rep("de1") { Territories = [Territory.ForCountry("DE")] },
            new Rep("de2") { Territories = [Territory.ForCountry("DE")] },
            new Rep("fr1") { Territories = [Territory.ForCountry("FR")] },
            new Rep("fr2") { Weight = 2, Territories = [Territory.ForCountry("FR")] },
        ]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddTerritory().AddWeighted().Build());
        string To(string country) => engine.Route(new Lead("l") { Country = country }).RepId ?? "(unassigned)";

        // German leads alternate de1 de2 however many French leads arrive in between, and vice versa.
        var picks = new[] { To("DE"), To("FR"), To("FR"), To("FR"), To("DE"), To("FR"), To("DE"), To("DE"), To("FR"), To("FR") };

        Assert.Equal(["de1", "fr2", "fr1", "fr2", "de2", "fr2", "de1", "de2", "fr1", "fr2"], picks);
    }

    [Fact]
    public void An_inactive_rep_loses_its_turns_and_on_return_gets_its_normal_share_without_a_burst()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), Weighted);
        Route(engine, 2);

        engine.SetActive("a", false);
        Assert.Equal(["b", "b", "b", "b"], Route(engine, 4));
        engine.SetActive("a", true);

        Assert.Equal(["a", "b", "a", "b", "a", "b"], Route(engine, 6));
    }

    [Fact]
    public void Replacing_the_roster_with_the_same_reps_continues_the_weighted_sequence_rather_than_restarting_it()
    {
        // ReplaceRoster promises remaining reps keep their rotation turn. Restarting the weighted schedule at every
        // replacement would hand the first slot of the period to the same rep after each hot reload.
        var roster = new Roster([new Rep("a") { Weight = 5 }, new Rep("b") { Weight = 1 }, new Rep("c") { Weight = 1 }]);
        var engine = new RoutingEngine(roster, Weighted);
        var before = Route(engine, 3);

        engine.ReplaceRoster(new Roster([new Rep("a") { Weight = 5 }, new Rep("b") { Weight = 1 }, new Rep("c") { Weight = 1 }]));

        Assert.Equal(["a", "a", "b"], before);
        Assert.Equal(["a", "c", "a", "a"], Route(engine, 4));
    }

    [Fact]
    public void The_same_roster_and_lead_sequence_give_the_same_decisions_on_a_fresh_engine()
    {
        var roster = new Roster([new Rep("a") { Weight = 3 }, new Rep("b") { Weight = 2 }, new Rep("c") { Weight = 4 }]);

        var first = Route(new RoutingEngine(roster, Weighted), 50);
        var second = Route(new RoutingEngine(roster, Weighted), 50);

        Assert.Equal(first, second);
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

    [Fact]
    public void When_the_only_positive_weight_rep_is_full_the_reason_is_AllAtCapacity_not_NoPositiveWeight()
    {
        var roster = new Roster([new Rep("full") { MaxOpenLeads = 1 }, new Rep("shadow") { Weight = 0 }]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddWeighted().Build());

        Assert.Equal("full", engine.Route(new Lead("first")).RepId);
        var second = engine.Route(new Lead("second"));

        Assert.Equal(RoutingOutcome.Unassigned, second.Outcome);
        Assert.Equal(RoutingReason.AllAtCapacity, second.Reason);
    }
}
