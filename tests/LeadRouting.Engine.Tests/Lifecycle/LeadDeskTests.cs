using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Lifecycle;

public class LeadDeskTests
{
    private static readonly RoutingPipeline CapacityRoundRobin = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build();

    [Fact]
    public void A_submitted_lead_is_assigned_with_the_deadline_of_its_team_and_accepting_clears_it()
    {
        var (desk, clock) = Desk(
            [new Rep("a"), new Rep("b")],
            teams: [new Team("sales", ["a"])],
            configure: o =>
            {
                o.ResponseDeadline = TimeSpan.FromMinutes(30);
                o.TeamResponseDeadlines["sales"] = TimeSpan.FromMinutes(5);
            });

        var first = desk.Submit(new Lead("1"));
        var second = desk.Submit(new Lead("2"));

        Assert.Equal((LeadState.Assigned, "a", "sales"), (first.State, first.RepId, first.TeamId));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(5), first.Deadline);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(30), second.Deadline);
        Assert.False(desk.TryAccept("1", "b"));
        Assert.True(desk.TryAccept("1", "a"));
        Assert.True(desk.TryGetPlacement("1", out var accepted));
        Assert.True(accepted.IsAccepted);
        Assert.Null(accepted.Deadline);
    }

    [Fact]
    public void Without_a_deadline_an_assignment_waits_for_an_answer_indefinitely()
    {
        var (desk, clock) = Desk([new Rep("a")]);

        Assert.Null(desk.Submit(new Lead("1")).Deadline);
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, desk.ExpireOverdue());
        Assert.True(desk.TryGetPlacement("1", out var placement));
        Assert.Equal("a", placement.RepId);
    }

    [Fact]
    public void A_rejected_lead_goes_straight_to_the_next_rep_never_back_to_one_that_rejected_it()
    {
        var (desk, _) = Desk([new Rep("a"), new Rep("b"), new Rep("c")]);
        Assert.Equal("a", desk.Submit(new Lead("1")).RepId);

        Assert.True(desk.TryReject("1", "a", "not my segment", out var toB));
        Assert.True(desk.TryReject("1", "b", null, out var toC));

        Assert.Equal("b", toB.RepId);
        Assert.Equal("c", toC.RepId);
        Assert.Equal(["a", "b"], toC.ExcludedRepIds);
        Assert.True(desk.Engine.TryGetStatus("a", out var a));
        Assert.Equal(0, a.OpenLeads);
        Assert.False(desk.TryReject("1", "a", null, out _));
    }

    [Fact]
    public void After_MaxReroutes_the_next_rejection_returns_the_lead_with_RerouteLimitReached()
    {
        var moves = new List<LeadMovedEventArgs>();
        var (desk, _) = Desk([new Rep("a"), new Rep("b"), new Rep("c")], configure: o => o.MaxReroutes = 1);
        desk.LeadMoved += (_, e) => moves.Add(e);
        desk.Submit(new Lead("1"));

        Assert.True(desk.TryReject("1", "a", null, out var rerouted));
        Assert.True(desk.TryReject("1", "b", "too busy", out var returned));

        Assert.Equal("b", rerouted.RepId);
        Assert.Equal((LeadState.Returned, LeadReturnReason.RerouteLimitReached), (returned.State, returned.ReturnReason));
        Assert.False(desk.TryGetPlacement("1", out _));
        Assert.Equal(
            ["Submitted Assigned a", "Rejected Assigned b", "Rejected Returned -"],
            moves.Select(m => $"{m.Cause} {m.Placement.State} {m.Placement.RepId ?? "-"}"));
        Assert.Equal(("b", "too busy"), (moves[^1].PreviousRepId, moves[^1].Note));
        Assert.Equal([1L, 2, 3], moves.Select(m => m.Sequence));
    }

    [Fact]
    public void A_rejected_lead_nobody_else_can_take_waits_in_the_queue_and_is_never_offered_back_to_the_rejecter()
    {
        var (desk, _) = Desk([new Rep("a"), new Rep("b") { MaxOpenLeads = 1 }]);
        desk.Submit(new Lead("1")); // a
        desk.Submit(new Lead("2")); // b, now full

        Assert.True(desk.TryReject("1", "a", null, out var placement));
        Assert.Equal(LeadState.Queued, placement.State);
        Assert.Equal(0, desk.OfferQueuedLeads()); // a has room, but rejected it

        Assert.True(desk.TryComplete("2"));
        Assert.True(desk.TryGetPlacement("1", out var now));
        Assert.Equal("b", now.RepId);
    }

    [Fact]
    public void When_everyone_is_full_leads_wait_and_flow_out_highest_priority_then_oldest_as_slots_free()
    {
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 1 }], configure: o => o.PriorityScoreBands.Add(80));
        desk.Submit(new Lead("first"));
        desk.Submit(new Lead("cold-old") { Score = 10 });
        desk.Submit(new Lead("hot") { Score = 90 });
        desk.Submit(new Lead("cold-new") { Score = 20 });
        desk.Submit(new Lead("vip"), priority: 5);

        Assert.Equal(["vip", "hot", "cold-old", "cold-new"], desk.GetSnapshot().Queued.Select(p => p.Lead.Id));
        var order = new List<string>();
        var current = "first";
        for (var i = 0; i < 4; i++)
        {
            Assert.True(desk.TryComplete(current));
            current = desk.GetSnapshot().Assigned.Single().Lead.Id;
            order.Add(current);
        }

        Assert.Equal(["vip", "hot", "cold-old", "cold-new"], order);
        Assert.Equal(0, desk.QueueLength);
    }

    [Fact]
    public void A_rep_switched_back_on_is_offered_the_queue_at_once()
    {
        var (desk, _) = Desk([new Rep("a")]);
        desk.SetActive("a", false);
        Assert.Equal(LeadState.Queued, desk.Submit(new Lead("1")).State);
        Assert.Equal(RoutingReason.NoActiveRep, desk.GetSnapshot().Queued[0].Decision.Reason);

        Assert.True(desk.SetActive("a", true));

        Assert.True(desk.TryGetPlacement("1", out var placement));
        Assert.Equal("a", placement.RepId);
        Assert.False(desk.SetActive("ghost", true));
    }

    [Fact]
    public void Queued_leads_flow_out_at_the_first_call_after_the_daily_cap_resets()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 23, 50, 0, TimeSpan.Zero));
        var (desk, _) = Desk([new Rep("a") { MaxLeadsPerDay = 1 }], clock: clock);
        desk.Submit(new Lead("1"));
        Assert.Equal(LeadState.Queued, desk.Submit(new Lead("2")).State);
        desk.TryComplete("1");
        Assert.Equal(1, desk.QueueLength); // open slot free, daily cap still reached

        clock.Advance(TimeSpan.FromMinutes(15)); // 00:05 the next day
        desk.ExpireOverdue();

        Assert.True(desk.TryGetPlacement("2", out var placement));
        Assert.Equal("a", placement.RepId);
    }

    [Fact]
    public void A_full_queue_returns_whichever_lead_ranks_last_with_QueueFull()
    {
        var moves = new List<LeadMovedEventArgs>();
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 0 }], configure: o => o.QueueCapacity = 2);
        desk.LeadMoved += (_, e) => moves.Add(e);
        desk.Submit(new Lead("1"), priority: 1);
        desk.Submit(new Lead("2"), priority: 1);

        var low = desk.Submit(new Lead("3"), priority: 0);
        var high = desk.Submit(new Lead("4"), priority: 2);

        Assert.Equal((LeadState.Returned, LeadReturnReason.QueueFull), (low.State, low.ReturnReason));
        Assert.Equal(LeadState.Queued, high.State);
        Assert.Equal(["4", "1"], desk.GetSnapshot().Queued.Select(p => p.Lead.Id));
        var bumped = moves[^1];
        Assert.Equal((LeadMoveCause.QueueOverflow, "2", LeadReturnReason.QueueFull), (bumped.Cause, bumped.Placement.Lead.Id, bumped.Placement.ReturnReason));
    }

    [Fact]
    public void With_the_queue_off_or_data_missing_a_lead_nobody_can_take_is_returned_unassigned()
    {
        var (off, _) = Desk([new Rep("a") { MaxOpenLeads = 0 }], configure: o => o.QueueCapacity = 0);
        var threshold = new RoutingPipelineBuilder()
            .AddScoreThreshold(new ScoreThresholdStrategyOptions { Bands = { new ScoreBand(50, RoutingTarget.Team("t")) } })
            .AddRoundRobin().Build();
        var (scored, _) = Desk([new Rep("a")], threshold, teams: [new Team("t", ["a"])]);

        var full = off.Submit(new Lead("1"));
        var unscored = scored.Submit(new Lead("2"));
        var low = scored.Submit(new Lead("3") { Score = 10 });

        Assert.Equal((LeadReturnReason.Unassigned, RoutingReason.AllAtCapacity), (full.ReturnReason, full.Decision.Reason));
        Assert.Equal((LeadReturnReason.Unassigned, RoutingReason.MissingMeasure), (unscored.ReturnReason, unscored.Decision.Reason));
        Assert.Equal((LeadReturnReason.Disqualified, RoutingReason.BelowThreshold), (low.ReturnReason, low.Decision.Reason));
        Assert.Equal(3, off.GetSnapshot().Returned + scored.GetSnapshot().Returned);
    }

    [Fact]
    public void An_unanswered_assignment_is_taken_back_after_its_deadline_and_goes_to_another_rep()
    {
        var (desk, clock) = Desk([new Rep("a"), new Rep("b")], configure: o => o.ResponseDeadline = TimeSpan.FromMinutes(10));
        desk.Submit(new Lead("1")); // a
        desk.Submit(new Lead("2")); // b
        desk.TryAccept("2", "b");

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, desk.ExpireOverdue());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, desk.ExpireOverdue());

        Assert.True(desk.TryGetPlacement("1", out var moved));
        Assert.Equal("b", moved.RepId);
        Assert.Equal(["a"], moved.ExcludedRepIds);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(10), moved.Deadline);
        Assert.False(desk.TryAccept("1", "a")); // too late
        Assert.True(desk.Engine.TryGetStatus("a", out var a));
        Assert.Equal(0, a.OpenLeads);
    }

    [Fact]
    public void Expiry_counts_as_a_reroute()
    {
        var (desk, clock) = Desk([new Rep("a"), new Rep("b")], configure: o =>
        {
            o.ResponseDeadline = TimeSpan.FromMinutes(1);
            o.MaxReroutes = 1;
        });
        desk.Submit(new Lead("1"));
        clock.Advance(TimeSpan.FromMinutes(1));
        desk.ExpireOverdue();
        clock.Advance(TimeSpan.FromMinutes(1));
        desk.ExpireOverdue();

        var snapshot = desk.GetSnapshot();
        Assert.Empty(snapshot.Assigned);
        Assert.Equal(1, snapshot.ReturnedByReason[LeadReturnReason.RerouteLimitReached]);
    }

    [Fact]
    public void Completing_or_withdrawing_frees_the_slot_and_returns_the_lead()
    {
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 1 }]);
        desk.Submit(new Lead("1"));
        desk.Submit(new Lead("2")); // queued
        desk.Submit(new Lead("3")); // queued

        Assert.True(desk.TryWithdraw("3"));
        Assert.False(desk.TryComplete("2")); // queued leads are withdrawn, not completed
        Assert.True(desk.TryComplete("1"));
        Assert.True(desk.TryWithdraw("2"));

        var snapshot = desk.GetSnapshot();
        Assert.Equal((3L, 3L, 0, 0), (snapshot.Entered, snapshot.Returned, snapshot.Assigned.Count, snapshot.Queued.Count));
        Assert.Equal((1L, 2L), (snapshot.ReturnedByReason[LeadReturnReason.Completed], snapshot.ReturnedByReason[LeadReturnReason.Withdrawn]));
        Assert.True(desk.Engine.TryGetStatus("a", out var a));
        Assert.Equal(0, a.OpenLeads);
        Assert.False(desk.TryWithdraw("1"));
    }

    [Fact]
    public void Submitting_a_lead_the_desk_holds_again_changes_nothing()
    {
        var moves = 0;
        var (desk, _) = Desk([new Rep("a"), new Rep("b")]);
        desk.LeadMoved += (_, _) => moves++;

        var first = desk.Submit(new Lead("1"));
        var again = desk.Submit(new Lead("1"));

        Assert.Equal(("a", "a"), (first.RepId, again.RepId));
        Assert.Equal((1, 1L), (moves, desk.GetSnapshot().Entered));
    }

    [Fact]
    public void With_pull_delivery_every_lead_waits_until_a_rep_pulls_it_and_nothing_is_pushed_when_capacity_frees()
    {
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")], configure: o => o.Delivery = LeadDelivery.Pull);

        Assert.All(["1", "2", "3"], id => Assert.Equal(LeadState.Queued, desk.Submit(new Lead(id)).State));
        Assert.True(desk.TryPull("a", out var first));
        Assert.False(desk.TryPull("a", out _)); // full
        Assert.True(desk.TryComplete("1"));
        Assert.Equal(2, desk.QueueLength); // a has room again, but nothing is pushed
        Assert.True(desk.TryPull("b", out var second));

        Assert.Equal(("1", "a", true), (first.Lead.Id, first.RepId, first.IsAccepted));
        Assert.Equal(("2", "b"), (second.Lead.Id, second.RepId));
        Assert.Equal(["3"], desk.GetSnapshot().Queued.Select(p => p.Lead.Id));
    }

    [Fact]
    public void A_rep_pulls_the_first_queued_lead_they_are_eligible_for_by_territory_skills_and_caps()
    {
        var reps = new[]
        {
            new Rep("de") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("DE")] },
            new Rep("fr") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("FR")], Skills = ["fr"] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddSkills().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline, configure: o => o.Delivery = LeadDelivery.Pull);
        desk.Submit(new Lead("de-1") { Country = "DE" });
        var spanish = desk.Submit(new Lead("fr-spanish") { Country = "FR", Language = "es" });
        desk.Submit(new Lead("fr-1") { Country = "FR", Language = "fr" });
        desk.Submit(new Lead("fr-2") { Country = "FR" });

        Assert.True(desk.TryPull("fr", out var fr));
        Assert.False(desk.TryPull("fr", out _)); // full now
        Assert.True(desk.TryPull("de", out var de));

        Assert.Equal(("fr-1", "de-1"), (fr.Lead.Id, de.Lead.Id));
        Assert.Equal(["fr-2"], desk.GetSnapshot().Queued.Select(p => p.Lead.Id));

        // Nobody speaks Spanish, so nobody could ever pull it (issue 13, item 10): returned at once, not queued.
        Assert.Equal((LeadState.Returned, LeadReturnReason.Unassigned, RoutingReason.NoSkillMatch), (spanish.State, spanish.ReturnReason, spanish.Decision.Reason));
    }

    [Fact]
    public void With_pull_delivery_a_rejected_lead_goes_back_to_the_queue_and_the_rejecter_never_pulls_it_again()
    {
        var (desk, _) = Desk([new Rep("a"), new Rep("b")], configure: o => o.Delivery = LeadDelivery.Pull);
        desk.Submit(new Lead("1"));
        desk.TryPull("a", out _);

        Assert.True(desk.TryReject("1", "a", "not mine", out var back));
        Assert.Equal(LeadState.Queued, back.State);
        Assert.False(desk.TryPull("a", out _));
        Assert.True(desk.TryPull("b", out var pulled));
        Assert.Equal("1", pulled.Lead.Id);
    }

    [Fact]
    public void With_pull_delivery_a_lead_the_pipeline_refuses_is_returned_when_a_pull_meets_it_and_an_explicit_offer_pushes_the_rest()
    {
        var threshold = new RoutingPipelineBuilder()
            .AddScoreThreshold(new ScoreThresholdStrategyOptions { Bands = { new ScoreBand(50, RoutingTarget.Team("t")) } })
            .AddRoundRobin().Build();
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b")], threshold, [new Team("t", ["a"])], o => o.Delivery = LeadDelivery.Pull);
        desk.Submit(new Lead("low") { Score = 10 });
        desk.Submit(new Lead("hot-1") { Score = 90 });
        desk.Submit(new Lead("hot-2") { Score = 90 });

        Assert.False(desk.TryPull("b", out _)); // b is not in the band's team
        Assert.Equal(1, desk.GetSnapshot().ReturnedByReason[LeadReturnReason.Disqualified]);
        Assert.Equal(1, desk.OfferQueuedLeads());

        var snapshot = desk.GetSnapshot();
        Assert.Equal(("hot-1", "a", false), (snapshot.Assigned[0].Lead.Id, snapshot.Assigned[0].RepId, snapshot.Assigned[0].IsAccepted));
        Assert.Equal(["hot-2"], snapshot.Queued.Select(p => p.Lead.Id));
    }

    [Fact]
    public void Replacing_the_roster_through_the_desk_offers_the_queue()
    {
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 0 }]);
        desk.Submit(new Lead("1"));

        desk.ReplaceRoster(new Roster([new Rep("a") { MaxOpenLeads = 1 }]));

        Assert.True(desk.TryGetPlacement("1", out var placement));
        Assert.Equal("a", placement.RepId);
    }

    [Fact]
    public void With_push_delivery_a_pull_finds_only_what_capacity_changes_the_desk_did_not_see_made_eligible()
    {
        var (desk, _) = Desk(
            [new Rep("a") { MaxOpenLeads = 1 }, new Rep("b") { MaxOpenLeads = 1 }],
            configure: o => o.ResponseDeadline = TimeSpan.FromMinutes(5));
        desk.Submit(new Lead("1")); // a
        desk.Submit(new Lead("2")); // b
        desk.Submit(new Lead("3")); // queued
        desk.TryReject("1", "a", null, out _); // 1 queued behind nothing: it is older than 3, but excludes a
        Assert.True(desk.TryGetPlacement("3", out var three));
        Assert.Equal("a", three.RepId); // a's freed slot went to the first lead a may take

        desk.Engine.Release("b"); // behind the desk's back: only an explicit offer or a pull notices
        Assert.True(desk.TryPull("b", out var pulled));

        Assert.Equal(("1", "b", true), (pulled.Lead.Id, pulled.RepId, pulled.IsAccepted));
        Assert.Null(pulled.Deadline);
        Assert.False(desk.TryPull("b", out _));
        Assert.False(desk.TryPull("ghost", out _));
    }

    [Fact]
    public void Reps_pulling_at_once_never_receive_the_same_lead()
    {
        const int Reps = 8;
        const int Leads = 2_000;
        var (desk, _) = Desk(Roster(cap: Leads), configure: o =>
        {
            o.Delivery = LeadDelivery.Pull;
            o.QueueCapacity = Leads;
        });
        for (var i = 0; i < Leads; i++)
        {
            desk.Submit(new Lead("l" + i));
        }

        var pulled = new List<string>[Reps];
        var crashes = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var barrier = new Barrier(Reps);
        var threads = Enumerable.Range(0, Reps).Select(t => new Thread(() => LeadDeskPropertyTests.Catching(crashes, () =>
        {
            pulled[t] = [];
            barrier.SignalAndWait();
            while (desk.TryPull("r" + t, out var p))
            {
                pulled[t].Add(p.Lead.Id);
            }
        }))).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        Assert.Empty(crashes);
        var all = pulled.SelectMany(p => p).ToList();
        Assert.Equal(Leads, all.Count);
        Assert.Equal(Leads, all.Distinct().Count());
        var snapshot = desk.GetSnapshot();
        Assert.Empty(snapshot.Queued);
        for (var t = 0; t < Reps; t++)
        {
            Assert.True(desk.Engine.TryGetStatus("r" + t, out var status));
            Assert.Equal(pulled[t].Count, status.OpenLeads);
            Assert.Equal(pulled[t].Count, snapshot.AssignedTo("r" + t));
        }

        static Rep[] Roster(int cap) => [.. Enumerable.Range(0, Reps).Select(i => new Rep("r" + i) { MaxOpenLeads = cap })];
    }

    [Fact]
    public void Events_are_raised_after_the_call_and_say_where_each_lead_went()
    {
        var (desk, _) = Desk([new Rep("a") { MaxOpenLeads = 1 }, new Rep("b") { MaxOpenLeads = 1 }]);
        var log = new List<string>();
        desk.LeadMoved += (sender, e) =>
        {
            Assert.Same(desk, sender);
            log.Add(e.ToString());
        };

        desk.Submit(new Lead("1"));
        desk.Submit(new Lead("2"));
        desk.Submit(new Lead("3"));
        desk.TryReject("1", "a", "wrong region", out _);

        Assert.Equal(
            [
                "#1 Submitted: 1: assigned to a",
                "#2 Submitted: 2: assigned to b",
                "#3 Submitted: 3: queued (AllAtCapacity)",
                "#4 Rejected: 1: queued (AllAtCapacity) (was with a) \"wrong region\"",
                "#5 OfferedFromQueue: 3: assigned to a",
            ],
            log);
    }

    [Fact]
    public void Bad_options_fail_at_construction_naming_the_field()
    {
        var engine = new RoutingEngine(new Roster([new Rep("a")], [new Team("t", ["a"])]), CapacityRoundRobin);

        Assert.Contains("LeadDeskOptions.MaxReroutes must be between 0 and 32 (was 33)", Fails(o => o.MaxReroutes = 33));
        Assert.Contains("LeadDeskOptions.QueueCapacity must be between 0", Fails(o => o.QueueCapacity = -1));
        Assert.Contains("LeadDeskOptions.QueueCapacity must be positive with pull delivery", Fails(o =>
        {
            o.Delivery = LeadDelivery.Pull;
            o.QueueCapacity = 0;
        }));
        Assert.Contains("LeadDeskOptions.Delivery has no meaning: 5", Fails(o => o.Delivery = (LeadDelivery)5));
        Assert.Contains("LeadDeskOptions.ResponseDeadline must be positive", Fails(o => o.ResponseDeadline = TimeSpan.Zero));
        Assert.Contains("LeadDeskOptions.TeamResponseDeadlines['x']: unknown team 'x'", Fails(o => o.TeamResponseDeadlines["x"] = TimeSpan.FromMinutes(1)));
        Assert.Contains("LeadDeskOptions.TeamResponseDeadlines['t'] must be positive", Fails(o => o.TeamResponseDeadlines["t"] = TimeSpan.FromMinutes(-1)));
        Assert.Contains("LeadDeskOptions.PriorityScoreBands[1] (5) must be greater than PriorityScoreBands[0] (50)", Fails(o =>
        {
            o.PriorityScoreBands.Add(50);
            o.PriorityScoreBands.Add(5);
        }));
        Assert.Contains("LeadDeskOptions.PriorityScoreBands[0] must be a finite number", Fails(o => o.PriorityScoreBands.Add(double.NaN)));
        Assert.Contains("LeadDeskOptions.Schedules['zed']: unknown rep 'zed'", Fails(o => o.Schedules["zed"] = new RepSchedule()));
        Assert.Contains("LeadDeskOptions.Schedules['a'].WeeklyHours[0] is null", Fails(o => o.Schedules["a"] = new RepSchedule { WeeklyHours = [null!] }));
        Assert.Contains("LeadDeskOptions.TimeProvider must not be null", Fails(o => o.TimeProvider = null!));

        string Fails(Action<LeadDeskOptions> configure)
        {
            var options = new LeadDeskOptions();
            configure(options);
            return Assert.Throws<ArgumentException>(() => new LeadDesk(engine, options)).Message;
        }
    }

    // Issue 13, item 9: a route that throws (here through the host's clock, read for a daily cap) changes nothing.

    [Fact]
    public void A_submit_whose_route_throws_leaves_no_trace_of_the_lead_and_the_exception_reaches_the_caller()
    {
        var engineClock = new FailingClock(new FakeTimeProvider(TestClock.Start));
        var (desk, _) = Desk([new Rep("a") { MaxLeadsPerDay = 5 }], engineClock: engineClock);
        var moves = new List<LeadMovedEventArgs>();
        desk.LeadMoved += (_, e) => moves.Add(e);

        engineClock.Failing = true;
        Assert.Same(FailingClock.Failure, Assert.Throws<InvalidOperationException>(() => desk.Submit(new Lead("1"))));

        Assert.False(desk.TryGetPlacement("1", out var stuck), $"the lead stayed in the desk: {stuck}");
        Assert.False(desk.TryComplete("1"));
        Assert.False(desk.TryWithdraw("1"));
        var snapshot = desk.GetSnapshot();
        Assert.Equal((0L, 0, 0, 0L), (snapshot.Entered, snapshot.Assigned.Count, snapshot.Queued.Count, snapshot.Returned));
        Assert.Empty(moves);

        engineClock.Failing = false;
        Assert.Equal((LeadState.Assigned, "a"), (desk.Submit(new Lead("1")).State, desk.GetSnapshot().Assigned.Single().RepId));
    }

    [Fact]
    public void A_rejection_whose_reroute_throws_leaves_the_lead_with_the_rep_and_can_be_made_again()
    {
        var engineClock = new FailingClock(new FakeTimeProvider(TestClock.Start));
        var (desk, _) = Desk([new Rep("a"), new Rep("b") { MaxLeadsPerDay = 5 }], engineClock: engineClock);
        desk.Submit(new Lead("1")); // a

        engineClock.Failing = true;
        Assert.Throws<InvalidOperationException>(() => desk.TryReject("1", "a", null, out _));

        Assert.True(desk.TryGetPlacement("1", out var still));
        Assert.Equal((LeadState.Assigned, "a", 0), (still.State, still.RepId, still.ExcludedRepIds.Count));
        Assert.True(desk.Engine.TryGetStatus("a", out var a));
        Assert.Equal(1, a.OpenLeads);
        engineClock.Failing = false;
        Assert.True(desk.TryReject("1", "a", null, out var toB));
        Assert.Equal("b", toB.RepId);
    }

    [Fact]
    public void An_expiry_whose_reroute_throws_leaves_the_assignment_due_and_the_next_expiry_takes_it_back()
    {
        var engineClock = new FailingClock(new FakeTimeProvider(TestClock.Start));
        var (desk, clock) = Desk(
            [new Rep("a"), new Rep("b") { MaxLeadsPerDay = 5 }],
            configure: o => o.ResponseDeadline = TimeSpan.FromMinutes(10),
            engineClock: engineClock);
        desk.Submit(new Lead("1")); // a
        clock.Advance(TimeSpan.FromMinutes(11));

        engineClock.Failing = true;
        Assert.Throws<InvalidOperationException>(() => desk.ExpireOverdue());

        Assert.True(desk.TryGetPlacement("1", out var still));
        Assert.Equal((LeadState.Assigned, "a"), (still.State, still.RepId));
        engineClock.Failing = false;
        Assert.Equal(1, desk.ExpireOverdue());
        Assert.True(desk.TryGetPlacement("1", out var moved));
        Assert.Equal("b", moved.RepId);
        Assert.Equal(["a"], moved.ExcludedRepIds);
    }

    [Fact]
    public void A_call_whose_route_throws_raises_the_moves_it_made_and_the_next_call_offers_the_queue_again()
    {
        var engineClock = new FailingClock(new FakeTimeProvider(TestClock.Start));
        var reps = new[]
        {
            new Rep("de") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("DE")] },
            new Rep("fr") { MaxOpenLeads = 1, MaxLeadsPerDay = 5, Territories = [Territory.ForCountry("FR")] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline, engineClock: engineClock);
        var moves = new List<LeadMovedEventArgs>();
        desk.LeadMoved += (_, e) => moves.Add(e);
        desk.Submit(new Lead("de-1") { Country = "DE" });
        desk.Submit(new Lead("fr-1") { Country = "FR" });
        desk.Submit(new Lead("de-2") { Country = "DE" }); // queued
        desk.Submit(new Lead("fr-2") { Country = "FR" }); // queued
        desk.Engine.Release("de"); // behind the desk's back, so only an offer places the queue
        desk.Engine.Release("fr");
        moves.Clear();

        engineClock.Failing = true;
        Assert.Throws<InvalidOperationException>(() => desk.OfferQueuedLeads());

        Assert.Equal(["OfferedFromQueue de-2 de"], moves.Select(m => $"{m.Cause} {m.Placement.Lead.Id} {m.Placement.RepId}"));
        Assert.Equal(["fr-2"], desk.GetSnapshot().Queued.Select(p => p.Lead.Id));
        engineClock.Failing = false;
        Assert.True(desk.TryAccept("de-2", "de"));
        Assert.True(desk.TryGetPlacement("fr-2", out var placed));
        Assert.Equal("fr", placed.RepId);
    }

    // Issue 13, item 10: only what waits for something that can change is queued.

    [Fact]
    public void A_lead_rejected_by_every_rep_who_could_take_it_is_returned_and_leaves_the_queue_to_leads_that_wait_for_capacity()
    {
        var reps = new[]
        {
            new Rep("A") { Territories = [Territory.ForCountry("DE")] },
            new Rep("B") { Territories = [Territory.ForCountry("DE")] },
            new Rep("C") { MaxOpenLeads = 1, Territories = [Territory.ForCountry("FR")] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline, configure: o =>
        {
            o.MaxReroutes = 3;
            o.QueueCapacity = 2;
        });

        var d1 = RejectedByBoth("D1");
        var d2 = RejectedByBoth("D2");
        var f1 = desk.Submit(new Lead("F1") { Country = "FR" });
        var f2 = desk.Submit(new Lead("F2") { Country = "FR" });

        Assert.Equal((LeadState.Returned, LeadReturnReason.RejectedByAll), (d1.State, d1.ReturnReason));
        Assert.Equal((LeadState.Returned, LeadReturnReason.RejectedByAll), (d2.State, d2.ReturnReason));
        Assert.Equal(["A", "B"], d1.ExcludedRepIds);
        Assert.Equal(RoutingReason.AllExcluded, d1.Decision.Reason); // the engine says why too
        Assert.Equal("C", f1.RepId);
        Assert.Equal((LeadState.Queued, RoutingReason.AllAtCapacity), (f2.State, f2.Decision.Reason));
        Assert.Equal(2, desk.GetSnapshot().ReturnedByReason[LeadReturnReason.RejectedByAll]);
        Assert.True(desk.TryComplete("F1"));
        Assert.True(desk.TryGetPlacement("F2", out var placed));
        Assert.Equal("C", placed.RepId);

        LeadPlacement RejectedByBoth(string id)
        {
            Assert.Equal("A", desk.Submit(new Lead(id) { Country = "DE" }).RepId);
            Assert.True(desk.TryReject(id, "A", null, out var toB));
            Assert.Equal("B", toB.RepId);
            Assert.True(desk.TryReject(id, "B", null, out var placement));
            return placement;
        }
    }

    [Fact]
    public void A_rejected_lead_waits_for_a_rep_who_could_take_it_while_they_are_away_and_is_returned_once_they_reject_it_too()
    {
        var reps = new[]
        {
            new Rep("A") { Territories = [Territory.ForCountry("DE")] },
            new Rep("B") { Territories = [Territory.ForCountry("DE")] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline);
        desk.SetActive("B", false);
        desk.Submit(new Lead("1") { Country = "DE" }); // A

        Assert.True(desk.TryReject("1", "A", null, out var waiting));
        Assert.Equal((LeadState.Queued, RoutingReason.NoActiveRep), (waiting.State, waiting.Decision.Reason));
        desk.SetActive("B", true);
        Assert.True(desk.TryGetPlacement("1", out var withB));
        Assert.Equal("B", withB.RepId);
        Assert.True(desk.TryReject("1", "B", null, out var returned));
        Assert.Equal(LeadReturnReason.RejectedByAll, returned.ReturnReason);
    }

    [Fact]
    public void With_pull_delivery_a_lead_rejected_by_every_rep_who_could_take_it_is_returned_not_queued()
    {
        var reps = new[]
        {
            new Rep("A") { Territories = [Territory.ForCountry("DE")] },
            new Rep("C") { Territories = [Territory.ForCountry("FR")] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline, configure: o => o.Delivery = LeadDelivery.Pull);
        desk.Submit(new Lead("1") { Country = "DE" });
        Assert.True(desk.TryPull("A", out _));

        Assert.True(desk.TryReject("1", "A", null, out var returned));

        Assert.Equal((LeadState.Returned, LeadReturnReason.RejectedByAll), (returned.State, returned.ReturnReason));
        Assert.Equal(0, desk.QueueLength);
    }

    [Fact]
    public void A_lead_no_rep_could_ever_take_is_returned_unassigned_at_once_whoever_is_away_or_full()
    {
        var reps = new[]
        {
            new Rep("A") { MaxOpenLeads = 0, Territories = [Territory.ForCountry("DE")] },
            new Rep("C") { Territories = [Territory.ForCountry("FR")] },
        };
        var pipeline = new RoutingPipelineBuilder().AddTerritory().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = Desk(reps, pipeline);
        desk.SetActive("C", false);

        var japan = desk.Submit(new Lead("jp") { Country = "JP" });
        var germany = desk.Submit(new Lead("de") { Country = "DE" }); // A is full, for now
        var france = desk.Submit(new Lead("fr") { Country = "FR" }); // C is away, for now

        Assert.Equal((LeadState.Returned, LeadReturnReason.Unassigned, RoutingReason.NoTerritoryMatch), (japan.State, japan.ReturnReason, japan.Decision.Reason));
        Assert.Equal([LeadState.Queued, LeadState.Queued], new[] { germany.State, france.State });
    }

    internal static (LeadDesk Desk, FakeTimeProvider Clock) Desk(
        Rep[] reps,
        RoutingPipeline? pipeline = null,
        Team[]? teams = null,
        Action<LeadDeskOptions>? configure = null,
        FakeTimeProvider? clock = null,
        TimeProvider? engineClock = null)
    {
        clock ??= new FakeTimeProvider(TestClock.Start);
        var engine = new RoutingEngine(new Roster(reps, teams), pipeline ?? CapacityRoundRobin, new RoutingEngineOptions { TimeProvider = engineClock ?? clock });
        var options = new LeadDeskOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return (new LeadDesk(engine, options), clock);
    }

    /// <summary>A host's clock that can be made to throw: how a route fails with legitimate host input.</summary>
    internal sealed class FailingClock(TimeProvider inner) : TimeProvider
    {
        public static readonly InvalidOperationException Failure = new("the host's clock is down");

        public bool Failing { get; set; }

        public override DateTimeOffset GetUtcNow() => Failing ? throw Failure : inner.GetUtcNow();
    }
}
