namespace LeadRouting.Engine.Tests.Skills;

public class SkillFilterTests
{
    private static readonly Rep[] Reps =
    [
        new Rep("ana") { Skills = ["de", "en"] },
        new Rep("ben") { Skills = ["EN", "lang:fr", "payroll"] },
        new Rep("cleo") { Skills = [" De "] },
    ];

    [Fact]
    public void A_lead_in_a_language_goes_only_to_reps_with_that_skill_whatever_the_case_and_spaces()
    {
        var engine = Engine(new RoutingPipelineBuilder().AddSkills().AddRoundRobin().Build());

        var picks = Enumerable.Range(0, 4).Select(i => engine.Route(new Lead("l" + i) { Language = i % 2 == 0 ? "de" : " DE " }).RepId);

        Assert.Equal(["ana", "cleo", "ana", "cleo"], picks);
    }

    [Fact]
    public void A_lead_without_a_value_needs_no_skill()
    {
        var engine = Engine(new RoutingPipelineBuilder().AddSkills().AddRoundRobin().Build());

        Assert.Equal(["ana", "ben", "cleo"], Enumerable.Range(0, 3).Select(i => engine.Route(new Lead("l" + i) { Language = i == 1 ? "  " : null }).RepId));
    }

    [Fact]
    public void When_nobody_has_the_skill_the_lead_goes_to_the_fallback_with_NoSkillMatch()
    {
        var roster = new Roster(Reps, [new Team("desk", ["ben"])]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddSkills().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("desk")).Build());
        var unassigned = new RoutingEngine(roster, new RoutingPipelineBuilder().AddSkills(new SkillStrategyOptions { Name = "Language" }).AddRoundRobin().Build());

        var viaFallback = engine.Route(new Lead("l") { Language = "es" });
        var nobody = unassigned.Route(new Lead("l") { Language = "es" });

        Assert.Equal(("ben", true, RoutingReason.NoSkillMatch), (viaFallback.RepId, viaFallback.UsedFallback, viaFallback.Reason));
        Assert.Equal((RoutingOutcome.Unassigned, "Language", RoutingReason.NoSkillMatch), (nobody.Outcome, nobody.StepName, nobody.Reason));
    }

    [Fact]
    public void Product_interest_and_attributes_can_require_skills_and_a_prefix_keeps_kinds_of_skill_apart()
    {
        var product = Engine(new RoutingPipelineBuilder().AddSkills(new SkillStrategyOptions { Field = SkillLeadField.ProductInterest }).AddRoundRobin().Build());
        var attribute = Engine(new RoutingPipelineBuilder()
            .AddSkills(new SkillStrategyOptions { Field = SkillLeadField.Attribute, AttributeKey = "lang", SkillPrefix = "lang:" })
            .AddRoundRobin().Build());

        Assert.Equal("ben", product.Route(new Lead("1") { ProductInterest = "Payroll" }).RepId);
        Assert.Equal("ben", attribute.Route(new Lead("2") { Attributes = new Dictionary<string, string> { ["lang"] = "fr" } }).RepId);
        Assert.False(attribute.Route(new Lead("3") { Attributes = new Dictionary<string, string> { ["lang"] = "de" } }).IsAssigned); // "de" has no "lang:" prefix
    }

    [Fact]
    public void Two_skill_steps_compose_with_territory_and_capacity()
    {
        var reps = new[]
        {
            new Rep("de-payroll") { Skills = ["de", "payroll"], Territories = [Territory.ForCountry("DE")], MaxOpenLeads = 1 },
            new Rep("de-crm") { Skills = ["de", "crm"], Territories = [Territory.ForCountry("DE")] },
            new Rep("at-payroll") { Skills = ["de", "payroll"], Territories = [Territory.ForCountry("AT")] },
        };
        var engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder()
            .AddTerritory()
            .AddSkills(new SkillStrategyOptions { Name = "Language" })
            .AddSkills(new SkillStrategyOptions { Name = "Product", Field = SkillLeadField.ProductInterest })
            .AddCapacity()
            .AddRoundRobin()
            .Build());

        var first = engine.Route(new Lead("1") { Country = "DE", Language = "de", ProductInterest = "payroll" });
        var second = engine.Route(new Lead("2") { Country = "DE", Language = "de", ProductInterest = "payroll" });

        Assert.Equal("de-payroll", first.RepId);
        Assert.Equal((RoutingOutcome.Unassigned, RoutingReason.AllAtCapacity), (second.Outcome, second.Reason));
    }

    [Fact]
    public void Each_skill_is_its_own_group_of_peers_for_the_weighted_selector()
    {
        var reps = new[] { new Rep("a") { Weight = 2, Skills = ["de", "fr"] }, new Rep("b") { Skills = ["de"] }, new Rep("c") { Skills = ["fr"] } };
        var engine = new RoutingEngine(new Roster(reps), new RoutingPipelineBuilder().AddSkills().AddWeighted().Build());

        var german = Enumerable.Range(0, 3).Select(i => engine.Route(new Lead("de" + i) { Language = "de" }).RepId).ToList();
        var french = Enumerable.Range(0, 3).Select(i => engine.Route(new Lead("fr" + i) { Language = "fr" }).RepId).ToList();

        Assert.Equal(2, german.Count(r => r == "a"));
        Assert.Equal(1, german.Count(r => r == "b"));
        Assert.Equal(2, french.Count(r => r == "a"));
        Assert.Equal(1, french.Count(r => r == "c"));
    }

    [Fact]
    public void Filtering_by_skill_allocates_nothing()
    {
        var engine = Engine(new RoutingPipelineBuilder().AddSkills().AddCapacity().AddRoundRobin().Build());
        var lead = new Lead("l") { Language = " de " };
        for (var i = 0; i < 1000; i++)
        {
            engine.Route(lead);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            engine.Route(lead);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Bad_options_fail_when_the_step_is_added_naming_the_field()
    {
        Assert.Contains("SkillStrategyOptions.Name must not be empty", Fails(new SkillStrategyOptions { Name = " " }));
        Assert.Contains("SkillStrategyOptions.Field has no meaning: 7", Fails(new SkillStrategyOptions { Field = (SkillLeadField)7 }));
        Assert.Contains("SkillStrategyOptions.AttributeKey must name the attribute", Fails(new SkillStrategyOptions { Field = SkillLeadField.Attribute }));
        Assert.Contains("SkillStrategyOptions.AttributeKey is only read when Field is Attribute", Fails(new SkillStrategyOptions { AttributeKey = "x" }));
        Assert.Contains("SkillStrategyOptions.SkillPrefix must not be null", Fails(new SkillStrategyOptions { SkillPrefix = null! }));

        static string Fails(SkillStrategyOptions options) =>
            Assert.Throws<ArgumentException>(() => new RoutingPipelineBuilder().AddSkills(options)).Message;
    }

    private static RoutingEngine Engine(RoutingPipeline pipeline) => new(new Roster(Reps), pipeline);

    [Fact]
    public void An_explanation_names_the_reps_without_the_skill()
    {
        var roster = new Roster([new Rep("de") { Skills = ["de"] }, new Rep("en") { Skills = ["en"] }]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddSkills(new SkillStrategyOptions { Field = SkillLeadField.Language }).AddRoundRobin().Build());

        var explanation = engine.Explain(new Lead("l") { Language = "DE" });

        Assert.Equal("de", explanation.Decision.RepId);
        Assert.Equal([new RepDrop("en", DropReason.MissingSkill)], explanation.Steps[1].Dropped);
    }
}
