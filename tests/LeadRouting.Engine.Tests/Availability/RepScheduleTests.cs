using LeadRouting.Engine.Availability;

namespace LeadRouting.Engine.Tests.Availability;

public class RepScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Working_hours_are_read_in_the_reps_own_time_zone()
    {
        var schedule = new RepSchedule { TimeZone = NewYork, WeeklyHours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)) };

        // Monday 2 November 2026: New York is on EST (UTC-5), so 09:00-17:00 there is 14:00-22:00 UTC.
        Assert.False(schedule.IsAvailableAt(Utc(2026, 11, 2, 13, 59)));
        Assert.True(schedule.IsAvailableAt(Utc(2026, 11, 2, 14, 0)));
        Assert.True(schedule.IsAvailableAt(Utc(2026, 11, 2, 21, 59)));
        Assert.False(schedule.IsAvailableAt(Utc(2026, 11, 2, 22, 0)));
        Assert.False(schedule.IsAvailableAt(Utc(2026, 11, 7, 15, 0))); // Saturday
    }

    [Fact]
    public void A_shift_ending_at_or_before_its_start_runs_into_the_next_day()
    {
        var night = new RepSchedule { WeeklyHours = [new WorkingHours(DayOfWeek.Monday, new TimeOnly(22, 0), new TimeOnly(6, 0))] };
        var allDay = new RepSchedule { WeeklyHours = [new WorkingHours(DayOfWeek.Monday, TimeOnly.MinValue, TimeOnly.MinValue)] };

        Assert.False(night.IsAvailableAt(Utc(2026, 11, 2, 21, 59)));
        Assert.True(night.IsAvailableAt(Utc(2026, 11, 2, 23, 0)));
        Assert.True(night.IsAvailableAt(Utc(2026, 11, 3, 5, 59))); // Tuesday morning, still Monday's shift
        Assert.False(night.IsAvailableAt(Utc(2026, 11, 3, 6, 0)));
        Assert.True(allDay.IsAvailableAt(Utc(2026, 11, 2, 0, 0)));
        Assert.True(allDay.IsAvailableAt(Utc(2026, 11, 2, 23, 59)));
        Assert.False(allDay.IsAvailableAt(Utc(2026, 11, 3, 0, 0)));
    }

    [Fact]
    public void An_out_of_office_period_overrides_working_hours_start_inclusive_end_exclusive()
    {
        var leave = new OutOfOfficePeriod(Utc(2026, 11, 2, 12, 0), Utc(2026, 11, 4, 12, 0));
        var schedule = new RepSchedule { OutOfOffice = [leave] };

        Assert.True(schedule.IsAvailableAt(Utc(2026, 11, 2, 11, 59)));
        Assert.False(schedule.IsAvailableAt(Utc(2026, 11, 2, 12, 0)));
        Assert.False(schedule.IsAvailableAt(Utc(2026, 11, 4, 11, 59)));
        Assert.True(schedule.IsAvailableAt(Utc(2026, 11, 4, 12, 0)));
    }

    [Fact]
    public void A_shift_starting_in_an_hour_the_clocks_skip_starts_when_they_resume()
    {
        // Sunday 29 March 2026: Berlin goes from 02:00 CET straight to 03:00 CEST (01:00 UTC).
        var schedule = new RepSchedule { TimeZone = Berlin, WeeklyHours = [new WorkingHours(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(4, 0))] };

        Assert.False(schedule.IsAvailableAt(Utc(2026, 3, 29, 0, 59)));
        Assert.True(schedule.IsAvailableAt(Utc(2026, 3, 29, 1, 0)));
        Assert.False(schedule.IsAvailableAt(Utc(2026, 3, 29, 2, 0))); // 04:00 CEST
    }

    [Fact]
    public void The_evaluator_says_when_the_answer_next_changes()
    {
        var schedule = new RepSchedule
        {
            TimeZone = Berlin,
            WeeklyHours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)),
            OutOfOffice = [new OutOfOfficePeriod(Utc(2026, 11, 2, 10, 0), Utc(2026, 11, 2, 11, 0))],
        };

        Assert.True(ScheduleEvaluator.IsAvailable(schedule, Utc(2026, 11, 2, 8, 0), out var next)); // 09:00 CET
        Assert.Equal(Utc(2026, 11, 2, 10, 0), next);
        Assert.False(ScheduleEvaluator.IsAvailable(schedule, Utc(2026, 11, 2, 10, 30), out next));
        Assert.Equal(Utc(2026, 11, 2, 11, 0), next);
        Assert.False(ScheduleEvaluator.IsAvailable(schedule, Utc(2026, 11, 6, 17, 0), out next)); // Friday 18:00 CET
        Assert.Equal(Utc(2026, 11, 7, 17, 0), next); // nothing before Monday: look again within a day
    }

    [Fact]
    public void Shifts_and_periods_are_checked_when_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingHours((DayOfWeek)7, TimeOnly.MinValue, TimeOnly.MaxValue));
        var error = Assert.Throws<ArgumentException>(() => new OutOfOfficePeriod(Utc(2026, 11, 2, 12, 0), Utc(2026, 11, 2, 12, 0)));
        Assert.Contains("OutOfOfficePeriod.End", error.Message);
        Assert.Equal("Monday 09:00-17:00", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0))[0].ToString());
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
