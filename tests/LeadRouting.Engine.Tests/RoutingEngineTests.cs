using System.Collections.Concurrent;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests;

public class RoutingEngineTests
{
    private static readonly RoutingPipeline RoundRobin = new RoutingPipelineBuilder().AddRoundRobin().Build();

    [Fact]
    public void An_assigned_decision_names_the_rep_the_selector_step_and_reason_Selected()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a")]), RoundRobin);

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Assigned, decision.Outcome);
        Assert.True(decision.IsAssigned);
        Assert.Equal("a", decision.RepId);
        Assert.Null(decision.TeamId);
        Assert.Equal("RoundRobin", decision.StepName);
        Assert.Equal(RoutingReason.Selected, decision.Reason);
        Assert.False(decision.UsedFallback);
    }

    [Fact]
    public void Without_a_team_target_the_decision_names_the_reps_first_team_in_roster_order()
    {
        var roster = new Roster(
            [new Rep("a"), new Rep("b"), new Rep("loner")],
            [new Team("emea", ["b", "a"]), new Team("enterprise", ["a"]), new Team("smb", ["b"])]);
        var engine = new RoutingEngine(roster, RoundRobin);

        Assert.Equal("emea", engine.Route(new Lead("l")).TeamId);
        Assert.Equal("emea", engine.Route(new Lead("l")).TeamId);
        Assert.Null(engine.Route(new Lead("l")).TeamId);
    }

    [Fact]
    public void A_band_target_team_is_named_in_the_decision_even_when_the_rep_lists_another_team_first()
    {
        var roster = new Roster([new Rep("a")], [new Team("emea", ["a"]), new Team("enterprise", ["a"])]);
        var options = new ScoreThresholdStrategyOptions();
        options.Bands.Add(new ScoreBand(0, RoutingTarget.Team("enterprise")));
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().Build());

        Assert.Equal("enterprise", engine.Route(new Lead("l") { Score = 10 }).TeamId);
    }

    [Fact]
    public void With_no_active_rep_the_lead_is_unassigned_with_NoActiveRep()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { IsActive = false }, new Rep("b")]), RoundRobin);
        engine.SetActive("b", false);

        var decision = engine.Route(new Lead("l"));

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Null(decision.RepId);
        Assert.Equal(RoutingReason.NoActiveRep, decision.Reason);
        Assert.False(decision.UsedFallback);
    }

    [Fact]
    public void An_empty_roster_routes_every_lead_to_unassigned_with_NoActiveRep()
    {
        var engine = new RoutingEngine(new Roster([]), new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddWeighted().Build());

        var decision = engine.Route(new Lead("l") { Country = "DE" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Equal(RoutingReason.NoActiveRep, decision.Reason);
    }

    [Fact]
    public void SetActive_on_an_unknown_rep_returns_false_and_changes_nothing()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a")]), RoundRobin);

        Assert.False(engine.SetActive("ghost", false));
        Assert.True(engine.SetActive("a", true));
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);
    }

    [Fact]
    public void Release_of_an_unknown_rep_or_a_rep_with_nothing_open_returns_false_and_counts_never_go_negative()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }]), RoundRobin);

        Assert.False(engine.Release("ghost"));
        Assert.False(engine.Release("a"));
        Assert.False(engine.Release("a"));
        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(0, status.OpenLeads);

        // Had the extra releases gone below zero, a would now take two leads over a cap of one.
        Assert.True(engine.Route(new Lead("l1")).IsAssigned);
        Assert.False(engine.Route(new Lead("l2")).IsAssigned);
        Assert.True(engine.Release("a"));
        Assert.False(engine.Release("a"));
    }

    [Fact]
    public void TryGetStatus_reports_the_live_counters_and_false_for_an_unknown_rep()
    {
        var engine = new RoutingEngine(
            new Roster([new Rep("a") { MaxLeadsPerDay = 10 }, new Rep("b")]),
            RoundRobin,
            new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });
        engine.Route(new Lead("l1"));
        engine.Route(new Lead("l2"));
        engine.Route(new Lead("l3"));
        engine.Release("a");
        engine.SetActive("b", false);

        Assert.True(engine.TryGetStatus("a", out var a));
        Assert.Equal(new RepStatus("a", true, 1, 2), a);
        Assert.True(engine.TryGetStatus("b", out var b));
        Assert.Equal(new RepStatus("b", false, 1, 0), b);
        Assert.False(engine.TryGetStatus("ghost", out _));
    }

    [Fact]
    public void ReplaceRoster_keeps_the_open_lead_counts_of_reps_that_remain()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 2 }, new Rep("b")]), RoundRobin);
        Route(engine, 3); // a, b, a: a is full

        engine.ReplaceRoster(new Roster([new Rep("c"), new Rep("a") { MaxOpenLeads = 2 }]));

        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(2, status.OpenLeads);
        Assert.Equal(["c", "c", "c"], Route(engine, 3));
        Assert.True(engine.Release("a"));
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);
    }

    [Fact]
    public void ReplaceRoster_keeps_the_rotation_of_reps_that_remain_even_when_reordered()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);
        Assert.Equal(["a", "b"], Route(engine, 2));

        engine.ReplaceRoster(new Roster([new Rep("c"), new Rep("b"), new Rep("a")]));

        Assert.Equal(["c", "a", "b", "c"], Route(engine, 4));
    }

    [Fact]
    public void ReplaceRoster_never_routes_to_a_removed_rep_and_forgets_them_once_they_hold_nothing()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]), RoundRobin);
        Route(engine, 2);

        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("c")]));

        Assert.DoesNotContain("b", Route(engine, 10));
        Assert.False(engine.SetActive("b", true));
        Assert.False(engine.Roster.TryGetRep("b", out _));

        // b left holding a lead: its slot is still released (issue 13), and then b is forgotten at the next roster change.
        Assert.True(engine.Release("b"));
        Assert.False(engine.Release("b"));
        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("c")]));
        Assert.False(engine.TryGetStatus("b", out _));
    }

    [Fact]
    public void A_rep_removed_and_later_added_back_gets_their_counters_back()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")]), RoundRobin);
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);

        engine.ReplaceRoster(new Roster([new Rep("b")]));
        engine.ReplaceRoster(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")]));

        Assert.True(engine.TryGetStatus("a", out var status));
        Assert.Equal(1, status.OpenLeads);
        Assert.Equal(["b", "b"], Route(engine, 2));
    }

    [Fact]
    public void ReplaceRoster_keeps_the_active_flag_of_a_remaining_rep_whatever_the_new_roster_says()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a"), new Rep("b")]), RoundRobin);
        engine.SetActive("a", false);

        engine.ReplaceRoster(new Roster([new Rep("a") { IsActive = true }, new Rep("b"), new Rep("c") { IsActive = false }]));

        Assert.Equal(["b", "b"], Route(engine, 2));
        Assert.True(engine.TryGetStatus("c", out var c));
        Assert.False(c.IsActive);
    }

    [Fact]
    public void ReplaceRoster_with_a_roster_lacking_a_team_the_pipeline_names_throws_and_the_old_roster_keeps_routing()
    {
        var roster = new Roster([new Rep("a"), new Rep("b")], [new Team("smb", ["a", "b"])]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("smb")).Build());
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);

        var ex = Assert.Throws<ArgumentException>(() => engine.ReplaceRoster(new Roster([new Rep("c")])));

        Assert.Contains("'smb'", ex.Message, StringComparison.Ordinal);
        Assert.Same(roster, engine.Roster);
        Assert.Equal(["b", "a"], Route(engine, 2));
        Assert.False(engine.TryGetStatus("c", out _));
    }

    [Fact]
    public void A_rejected_roster_leaves_no_trace_of_its_new_reps()
    {
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("smb")).Build();
        var engine = new RoutingEngine(new Roster([new Rep("a")], [new Team("smb", ["a"])]), pipeline);
        Assert.Throws<ArgumentException>(() => engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("c") { IsActive = false }])));

        engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("c")], [new Team("smb", ["a"])]));

        // Had the rejected roster's state for c been kept, c would still be inactive.
        Assert.True(engine.TryGetStatus("c", out var c));
        Assert.True(c.IsActive);
        Assert.Equal(["a", "c"], Route(engine, 2));
    }

    [Fact]
    public void Fallback_to_a_rep_takes_a_lead_the_pipeline_could_not_place()
    {
        var engine = new RoutingEngine(Territorial(new Rep("de") { Territories = [Territory.ForCountry("DE")] }, new Rep("manager")), TerritoryWith(RoutingFallback.ToRep("manager")));

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Assigned, decision.Outcome);
        Assert.Equal("manager", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
        Assert.Equal("Territory", decision.StepName);
        Assert.Equal("de", engine.Route(new Lead("l") { Country = "DE" }).RepId);
    }

    [Fact]
    public void A_fallback_rep_outside_the_band_team_is_reported_with_their_own_team()
    {
        var roster = new Roster(
            [new Rep("ent") { IsActive = false }, new Rep("manager")],
            [new Team("enterprise", ["ent"]), new Team("management", ["manager"])]);
        var options = new ScoreThresholdStrategyOptions();
        options.Bands.Add(new ScoreBand(0, RoutingTarget.Team("enterprise")));
        var pipeline = new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().WithFallback(RoutingFallback.ToRep("manager")).Build();
        var engine = new RoutingEngine(roster, pipeline);

        var decision = engine.Route(new Lead("l") { Score = 90 });

        Assert.Equal("manager", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal("management", decision.TeamId);
    }

    [Fact]
    public void An_inactive_fallback_rep_leaves_the_lead_unassigned_with_UsedFallback()
    {
        var engine = new RoutingEngine(Territorial(new Rep("de") { Territories = [Territory.ForCountry("DE")] }, new Rep("manager")), TerritoryWith(RoutingFallback.ToRep("manager")));
        engine.SetActive("manager", false);

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.Null(decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
    }

    [Fact]
    public void A_full_fallback_rep_leaves_the_lead_unassigned_with_UsedFallback()
    {
        var engine = new RoutingEngine(Territorial(new Rep("manager") { MaxOpenLeads = 1 }), TerritoryWith(RoutingFallback.ToRep("manager")));

        Assert.Equal("manager", engine.Route(new Lead("l") { Country = "IT" }).RepId);
        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.True(decision.UsedFallback);
    }

    [Fact]
    public void Fallback_to_a_team_rotates_among_its_active_members_within_their_caps()
    {
        var roster = new Roster(
            [new Rep("de") { Territories = [Territory.ForCountry("DE")] }, new Rep("x") { IsActive = false }, new Rep("y") { MaxOpenLeads = 1 }, new Rep("z")],
            [new Team("overflow", ["x", "y", "z"])]);
        var engine = new RoutingEngine(roster, TerritoryWith(RoutingFallback.ToTeam("overflow")));

        var decisions = Enumerable.Range(0, 3).Select(_ => engine.Route(new Lead("l") { Country = "IT" })).ToArray();

        Assert.Equal(["y", "z", "z"], decisions.Select(d => d.RepId));
        Assert.All(decisions, d => Assert.Equal("overflow", d.TeamId));
        Assert.All(decisions, d => Assert.True(d.UsedFallback));
        Assert.All(decisions, d => Assert.Equal(RoutingReason.NoTerritoryMatch, d.Reason));
    }

    [Fact]
    public void Fallback_to_a_team_with_nobody_available_leaves_the_lead_unassigned_with_UsedFallback()
    {
        var roster = new Roster([new Rep("x") { IsActive = false }, new Rep("y") { MaxOpenLeads = 0 }], [new Team("overflow", ["x", "y"])]);
        var engine = new RoutingEngine(roster, TerritoryWith(RoutingFallback.ToTeam("overflow")));

        var decision = engine.Route(new Lead("l") { Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.True(decision.UsedFallback);
        Assert.Equal("overflow", decision.TeamId);
    }

    [Fact]
    public void A_nested_pipeline_without_a_fallback_uses_its_parents()
    {
        var engine = new RoutingEngine(NestedRoster(), Tiered(new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build()));

        var decision = engine.Route(new Lead("l") { Score = 90, Country = "IT" });

        Assert.Equal("manager", decision.RepId);
        Assert.True(decision.UsedFallback);
        Assert.Equal(RoutingReason.NoTerritoryMatch, decision.Reason);
        Assert.Equal("Territory", decision.StepName);
    }

    [Fact]
    public void A_nested_pipelines_own_fallback_overrides_its_parents()
    {
        var nested = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.ToRep("ent-lead")).Build();
        var engine = new RoutingEngine(NestedRoster(), Tiered(nested));

        Assert.Equal("ent-lead", engine.Route(new Lead("l") { Score = 90, Country = "IT" }).RepId);
    }

    [Fact]
    public void A_nested_pipeline_may_choose_to_leave_leads_unassigned_despite_its_parents_fallback()
    {
        var nested = new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(RoutingFallback.Unassigned).Build();
        var engine = new RoutingEngine(NestedRoster(), Tiered(nested));

        var decision = engine.Route(new Lead("l") { Score = 90, Country = "IT" });

        Assert.Equal(RoutingOutcome.Unassigned, decision.Outcome);
        Assert.False(decision.UsedFallback);
    }

    [Fact]
    public void The_options_reject_a_null_clock_or_time_zone()
    {
        var roster = new Roster([new Rep("a")]);

        Assert.Throws<ArgumentNullException>(() => new RoutingEngine(roster, RoundRobin, new RoutingEngineOptions { TimeProvider = null! }));
        Assert.Throws<ArgumentNullException>(() => new RoutingEngine(roster, RoundRobin, new RoutingEngineOptions { DayBoundaryTimeZone = null! }));
    }

    [Fact]
    public void Concurrent_routes_never_push_a_rep_over_a_cap_and_fill_every_slot()
    {
        const int Threads = 4, PerThread = 10_000, Reps = 10, Cap = 500;
        var reps = Enumerable.Range(0, Reps).Select(i => new Rep($"r{i}") { MaxOpenLeads = Cap, MaxLeadsPerDay = i % 2 == 0 ? Cap : null });
        var engine = new RoutingEngine(
            new Roster(reps),
            new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build(),
            new RoutingEngineOptions { TimeProvider = new FakeTimeProvider(TestClock.Start) });

        var perRep = new ConcurrentDictionary<string, int>();
        var (assigned, unassigned) = RouteConcurrently(engine, Threads, PerThread, d => perRep.AddOrUpdate(d.RepId!, 1, (_, n) => n + 1));

        Assert.Equal(Threads * PerThread, assigned + unassigned);
        Assert.Equal(Reps * Cap, assigned);
        Assert.All(perRep.Values, n => Assert.Equal(Cap, n));
        for (var i = 0; i < Reps; i++)
        {
            Assert.True(engine.TryGetStatus($"r{i}", out var status));
            Assert.Equal(Cap, status.OpenLeads);
        }
    }

    [Fact]
    public void Concurrent_routes_to_an_uncapped_rep_are_all_assigned()
    {
        // Routes racing for the same rotation turn must not make a route give up while the rep is free. One rep and
        // more threads than cores make those races frequent.
        var engine = new RoutingEngine(new Roster([new Rep("a")]), RoundRobin);

        var (assigned, unassigned) = RouteConcurrently(engine, 8, 50_000, _ => { });

        Assert.Equal(0, unassigned);
        Assert.Equal(400_000, assigned);
    }

    [Fact]
    public void Concurrent_weighted_routes_keep_the_exact_split()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { Weight = 7 }, new Rep("b") { Weight = 3 }]), new RoutingPipelineBuilder().AddWeighted().Build());

        var perRep = new ConcurrentDictionary<string, int>();
        var (assigned, _) = RouteConcurrently(engine, 4, 10_000, d => perRep.AddOrUpdate(d.RepId!, 1, (_, n) => n + 1));

        Assert.Equal(40_000, assigned);
        Assert.Equal(28_000, perRep["a"]);
        Assert.Equal(12_000, perRep["b"]);
    }

    private static (int Assigned, int Unassigned) RouteConcurrently(RoutingEngine engine, int threads, int perThread, Action<RoutingDecision> onAssigned)
    {
        var assigned = 0;
        var unassigned = 0;
        Concurrently.Run(threads, t =>
        {
            var lead = new Lead($"t{t}");
            for (var i = 0; i < perThread; i++)
            {
                var decision = engine.Route(lead);
                if (decision.IsAssigned)
                {
                    Interlocked.Increment(ref assigned);
                    onAssigned(decision);
                }
                else
                {
                    Interlocked.Increment(ref unassigned);
                }
            }
        });
        return (assigned, unassigned);
    }

    [Fact]
    public void Reconfigure_swaps_roster_and_pipeline_together_and_keeps_counters()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a") { MaxOpenLeads = 2 }, new Rep("b")]), new RoutingPipelineBuilder().AddRoundRobin().Build());
        Assert.Equal("a", engine.Route(new Lead("1")).RepId);

        var weighted = new RoutingPipelineBuilder().AddCapacity().AddWeighted().Build();
        engine.Reconfigure(new Roster([new Rep("a") { MaxOpenLeads = 1 }, new Rep("c")]), weighted);

        Assert.Same(weighted, engine.Pipeline);
        Assert.True(engine.TryGetStatus("a", out var a));
        Assert.Equal(1, a.OpenLeads);
        Assert.False(engine.TryGetStatus("b", out _));
        var next = engine.Route(new Lead("2"));
        Assert.Equal("c", next.RepId);
        Assert.Equal("Weighted", next.StepName);
    }

    [Fact]
    public void Reconfigure_with_a_pipeline_the_roster_cannot_bind_keeps_the_old_configuration()
    {
        var old = new RoutingPipelineBuilder().AddRoundRobin().Build();
        var engine = new RoutingEngine(new Roster([new Rep("a")]), old);
        var bad = new RoutingPipelineBuilder().AddRoundRobin().WithFallback(RoutingFallback.ToTeam("ghosts")).Build();

        var ex = Assert.Throws<ArgumentException>(() => engine.Reconfigure(new Roster([new Rep("a")]), bad));

        Assert.Contains("ghosts", ex.Message, StringComparison.Ordinal);
        Assert.Same(old, engine.Pipeline);
        Assert.Equal("a", engine.Route(new Lead("l")).RepId);
    }

    [Fact]
    public void Replacing_the_roster_while_threads_route_loses_no_lead_and_no_rotation_turn()
    {
        var roster = new Roster([new Rep("a"), new Rep("b"), new Rep("c")]);
        var engine = new RoutingEngine(roster, new RoutingPipelineBuilder().AddRoundRobin().Build());
        const int Threads = 4, PerThread = 20_000;
        var counts = new int[3];
        var unassigned = 0;
        using var start = new Barrier(Threads + 1);
        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                var d = engine.Route(new Lead("l"));
                if (d.IsAssigned)
                {
                    Interlocked.Increment(ref counts[d.RepId[0] - 'a']);
                }
                else
                {
                    Interlocked.Increment(ref unassigned);
                }
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        start.SignalAndWait();
        while (workers.Exists(t => t.IsAlive))
        {
            engine.ReplaceRoster(new Roster([new Rep("a"), new Rep("b"), new Rep("c")]));
        }

        workers.ForEach(t => t.Join());
        Assert.Equal(0, unassigned);
        Assert.Equal(Threads * PerThread, counts.Sum());

        // Every turn was handed over exactly, so rotation is still strict afterwards: one each, in turn order.
        var next = Enumerable.Range(0, 3).Select(_ => engine.Route(new Lead("after")).RepId).ToList();
        Assert.Equal(3, next.Distinct().Count());
        Assert.True(counts.Max() - counts.Min() <= Threads, $"counts {string.Join(",", counts)}");
    }

    [Fact]
    public void Reconfigure_with_a_time_zone_moves_the_daily_cap_midnight()
    {
        // 23:30 UTC on 2 November is 00:30 on 3 November in Berlin (UTC+1).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero));
        var roster = new Roster([new Rep("a") { MaxLeadsPerDay = 1 }]);
        var pipeline = new RoutingPipelineBuilder().AddRoundRobin().Build();
        var engine = new RoutingEngine(roster, pipeline, new RoutingEngineOptions { TimeProvider = time });
        Assert.True(engine.Route(new Lead("1")).IsAssigned);
        Assert.False(engine.Route(new Lead("2")).IsAssigned);

        engine.Reconfigure(roster, pipeline, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        // Already 3 November in Berlin: a new day, so the cap has room again; and it holds for that day.
        Assert.True(engine.Route(new Lead("3")).IsAssigned);
        Assert.False(engine.Route(new Lead("4")).IsAssigned);
        time.Advance(TimeSpan.FromHours(23)); // 23:30 in Berlin, still 3 November (a UTC boundary would have reset by now)
        Assert.False(engine.Route(new Lead("5")).IsAssigned);
        time.Advance(TimeSpan.FromHours(1)); // 00:30 on 4 November in Berlin
        Assert.True(engine.Route(new Lead("6")).IsAssigned);
    }

    private static Roster Territorial(params Rep[] reps) => new(reps);

    private static RoutingPipeline TerritoryWith(RoutingFallback fallback) =>
        new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().WithFallback(fallback).Build();

    private static Roster NestedRoster() => new(
        [new Rep("smb1"), new Rep("ent-de") { Territories = [Territory.ForCountry("DE")] }, new Rep("ent-lead"), new Rep("manager")],
        [new Team("smb", ["smb1"])]);

    private static RoutingPipeline Tiered(RoutingPipeline enterprise)
    {
        var options = new ScoreThresholdStrategyOptions();
        options.Bands.Add(new ScoreBand(0, RoutingTarget.Team("smb")));
        options.Bands.Add(new ScoreBand(50, RoutingTarget.To(enterprise)));
        return new RoutingPipelineBuilder().AddScoreThreshold(options).AddRoundRobin().WithFallback(RoutingFallback.ToRep("manager")).Build();
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
