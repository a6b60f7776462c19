namespace LeadRouting.Engine.Tests;

public class RosterTests
{
    [Fact]
    public void A_valid_roster_keeps_reps_and_teams_in_the_order_given()
    {
        var roster = new Roster(
            [new Rep("b"), new Rep("a")],
            [new Team("emea", ["a"]), new Team("amer", ["b", "a"])]);

        Assert.Equal(["b", "a"], roster.Reps.Select(r => r.Id));
        Assert.Equal(["emea", "amer"], roster.Teams.Select(t => t.Id));
        Assert.True(roster.TryGetRep("a", out var rep));
        Assert.Equal("a", rep.Id);
        Assert.True(roster.TryGetTeam("amer", out var team));
        Assert.Equal(["b", "a"], team.MemberIds);
        Assert.False(roster.TryGetRep("zz", out _));
        Assert.False(roster.TryGetTeam("zz", out _));
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var roster = new Roster(
        [
            new Rep("zero") { Weight = 0, MaxOpenLeads = 0, MaxLeadsPerDay = 0 },
            new Rep("max") { Weight = Rep.MaxWeight },
        ]);

        Assert.Equal(2, roster.Reps.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_rep_with_an_empty_id_is_rejected_by_its_position(string? id)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a"), new Rep(id!)]));

        Assert.Contains("reps[1].Id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_rep_is_rejected_by_its_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a"), null!]));

        Assert.Contains("reps[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_rep_id_is_rejected_naming_the_id_and_both_positions()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a"), new Rep("b"), new Rep("a")]));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reps[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reps[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rep_ids_are_case_sensitive_so_differently_cased_ids_are_different_reps()
    {
        var roster = new Roster([new Rep("a"), new Rep("A")]);

        Assert.Equal(2, roster.Reps.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Rep.MaxWeight + 1)]
    public void A_weight_outside_0_to_MaxWeight_is_rejected_naming_the_rep_and_the_weight(int weight)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("ok"), new Rep("heavy") { Weight = weight }]));

        Assert.Contains("'heavy'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Weight", ex.Message, StringComparison.Ordinal);
        Assert.Contains(weight.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_open_lead_cap_is_rejected_naming_the_rep_and_the_field()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a") { MaxOpenLeads = -1 }]));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxOpenLeads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_above_MaxCap_are_rejected_and_MaxCap_itself_is_accepted()
    {
        var open = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a") { MaxOpenLeads = Rep.MaxCap + 1 }]));
        var daily = Assert.Throws<ArgumentException>(() => new Roster([new Rep("b") { MaxLeadsPerDay = Rep.MaxCap + 1 }]));

        Assert.Contains("MaxOpenLeads", open.Message, StringComparison.Ordinal);
        Assert.Contains("MaxLeadsPerDay", daily.Message, StringComparison.Ordinal);
        Assert.Single(new Roster([new Rep("c") { MaxOpenLeads = Rep.MaxCap, MaxLeadsPerDay = Rep.MaxCap }]).Reps);
    }

    [Fact]
    public void A_negative_daily_cap_is_rejected_naming_the_rep_and_the_field()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a") { MaxLeadsPerDay = -5 }]));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxLeadsPerDay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_territory_entry_is_rejected_naming_the_rep_and_the_entry()
    {
        var rep = new Rep("a") { Territories = [Territory.ForCountry("DE"), null!] };

        var ex = Assert.Throws<ArgumentException>(() => new Roster([rep]));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Territories[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_naming_an_unknown_rep_is_rejected_naming_the_team_and_the_rep()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Roster([new Rep("a")], [new Team("emea", ["a", "ghost"])]));

        Assert.Contains("'emea'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MemberIds[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_team_id_is_rejected_naming_the_id()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new Roster([new Rep("a")], [new Team("emea", ["a"]), new Team("emea", [])]));

        Assert.Contains("'emea'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("teams[1]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void A_team_with_an_empty_id_is_rejected_by_its_position(string? id)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new Roster([new Rep("a")], [new Team("emea", ["a"]), new Team(id!, ["a"])]));

        Assert.Contains("teams[1].Id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_listing_a_member_twice_is_rejected_naming_the_team_and_the_rep()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new Roster([new Rep("a"), new Rep("b")], [new Team("emea", ["a", "b", "a"])]));

        Assert.Contains("'emea'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MemberIds[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rep_may_belong_to_several_teams()
    {
        var roster = new Roster([new Rep("a")], [new Team("emea", ["a"]), new Team("enterprise", ["a"])]);

        Assert.Equal(2, roster.Teams.Length);
    }
}
