using LeadRouting.Engine.Tests.Lifecycle;

namespace LeadRouting.Engine.Tests.Availability;

/// <summary>
/// Schedules applied by a <see cref="LeadDesk"/>. The returning-rep rule: a rep who was away keeps the rotation turn they
/// had; with round-robin (least recently assigned) they get the next lead they are eligible for, once, and then rotate as
/// before; with the weighted selector they skip the turns that fell while away and resume their share. Either way, no
/// catch-up burst and no starvation. What waited in the queue flows to them at once, up to their caps.
/// </summary>
public class DeskAvailabilityTests
{
    private static readonly DateTimeOffset Monday0800 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rep_outside_working_hours_is_never_chosen_and_is_back_at_the_first_call_after_their_shift_starts()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var (desk, _) = LeadDeskTests.Desk(
            [new Rep("early"), new Rep("late")],
            clock: clock,
            configure: o => o.Schedules["late"] = new RepSchedule { WeeklyHours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)) });

        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal("early", desk.Submit(new Lead("a" + i)).RepId));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("late", desk.Submit(new Lead("b")).RepId);
        clock.Advance(TimeSpan.FromHours(8)); // 17:00
        Assert.Equal("early", desk.Submit(new Lead("c")).RepId);
        Assert.Equal("early", desk.Submit(new Lead("d")).RepId);
    }

    [Fact]
    public void Leads_waiting_for_the_only_rep_flow_to_them_when_their_shift_starts()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var (desk, _) = LeadDeskTests.Desk(
            [new Rep("solo") { MaxOpenLeads = 2 }],
            clock: clock,
            configure: o => o.Schedules["solo"] = new RepSchedule { WeeklyHours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)) });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LeadState.Queued, desk.Submit(new Lead("l" + i)).State);
        }

        clock.Advance(TimeSpan.FromHours(1));
        desk.RefreshAvailability();

        var snapshot = desk.GetSnapshot();
        Assert.Equal(["l0", "l1"], snapshot.Assigned.Select(p => p.Lead.Id));
        Assert.Equal(["l2"], snapshot.Queued.Select(p => p.Lead.Id));
    }

    [Fact]
    public void An_out_of_office_period_set_at_run_time_applies_at_once_and_removing_it_brings_the_rep_back()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var (desk, _) = LeadDeskTests.Desk([new Rep("a"), new Rep("b")], clock: clock);
        var leave = new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(Monday0800, Monday0800.AddDays(14))] };

        Assert.True(desk.SetSchedule("a", leave));
        Assert.Same(leave, desk.GetSchedule("a"));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal("b", desk.Submit(new Lead("x" + i)).RepId));
        Assert.True(desk.SetSchedule("a", null));

        Assert.Null(desk.GetSchedule("a"));
        Assert.Equal("a", desk.Submit(new Lead("y")).RepId);
        Assert.False(desk.SetSchedule("ghost", leave));
        Assert.Throws<ArgumentException>(() => desk.SetSchedule("a", new RepSchedule { TimeZone = null! }));
    }

    [Fact]
    public void Leads_a_rep_holds_stay_with_them_while_they_are_away()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var (desk, _) = LeadDeskTests.Desk([new Rep("a")], clock: clock);
        desk.Submit(new Lead("1"));

        desk.SetSchedule("a", new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(Monday0800, Monday0800.AddHours(1))] });

        Assert.True(desk.TryGetPlacement("1", out var placement));
        Assert.Equal("a", placement.RepId);
        Assert.True(desk.TryComplete("1"));
    }

    [Fact]
    public void Round_robin_a_returner_gets_one_lead_next_and_then_rotates_with_no_catch_up_burst()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var pipeline = new RoutingPipelineBuilder().AddCapacity().AddRoundRobin().Build();
        var (desk, _) = LeadDeskTests.Desk(
            [new Rep("a"), new Rep("b"), new Rep("c")],
            pipeline,
            clock: clock,
            configure: o => o.Schedules["c"] = new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(Monday0800.AddMinutes(10), Monday0800.AddHours(2))] });
        Assert.Equal(["a", "b", "c"], Route(desk, "before", 3));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["a", "b", "a", "b", "a", "b", "a", "b"], Route(desk, "away", 8));
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(["c", "a", "b", "c", "a", "b", "c", "a", "b"], Route(desk, "back", 9));
    }

    [Fact]
    public void Weighted_a_returner_resumes_their_share_without_a_catch_up_burst()
    {
        var clock = new FakeTimeProvider(Monday0800);
        var pipeline = new RoutingPipelineBuilder().AddCapacity().AddWeighted().Build();
        var (desk, _) = LeadDeskTests.Desk(
            [new Rep("a") { Weight = 2 }, new Rep("b")],
            pipeline,
            clock: clock,
            configure: o => o.Schedules["b"] = new RepSchedule { OutOfOffice = [new OutOfOfficePeriod(Monday0800.AddMinutes(10), Monday0800.AddHours(2))] });
        Route(desk, "before", 3);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.All(Route(desk, "away", 7), rep => Assert.Equal("a", rep));
        clock.Advance(TimeSpan.FromHours(2));
        var back = Route(desk, "back", 30);

        Assert.Equal(10, back.Count(r => r == "b"));
        Assert.DoesNotContain(back.Zip(back.Skip(1)), pair => pair is ("b", "b"));
    }

    private static List<string> Route(LeadDesk desk, string prefix, int count)
    {
        var reps = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var placement = desk.Submit(new Lead($"{prefix}-{i}"));
            reps.Add(placement.RepId!);
            desk.TryComplete(placement.Lead.Id); // keep capacity out of the picture
        }

        return reps;
    }
}
