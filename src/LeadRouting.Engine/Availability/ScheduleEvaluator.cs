namespace LeadRouting.Engine.Availability;

/// <summary>Evaluates a <see cref="RepSchedule"/> at an instant, and says when the answer may next change.</summary>
internal static class ScheduleEvaluator
{
    /// <summary>The longest a computed answer is trusted, so changes of time-zone rules are picked up within a day.</summary>
    private static readonly TimeSpan MaxValidity = TimeSpan.FromDays(1);

    /// <summary>A schedule's fields, checked for what the type system cannot rule out (nulls in init-only lists).</summary>
    public static string? Error(RepSchedule schedule, string path)
    {
        if (schedule.TimeZone is null)
        {
            return $"{path}.TimeZone must not be null.";
        }

        if (schedule.WeeklyHours is null)
        {
            return $"{path}.WeeklyHours must not be null.";
        }

        for (var i = 0; i < schedule.WeeklyHours.Count; i++)
        {
            if (schedule.WeeklyHours[i] is null)
            {
                return $"{path}.WeeklyHours[{i}] is null.";
            }
        }

        if (schedule.OutOfOffice is null)
        {
            return $"{path}.OutOfOffice must not be null.";
        }

        for (var i = 0; i < schedule.OutOfOffice.Count; i++)
        {
            if (schedule.OutOfOffice[i] is null)
            {
                return $"{path}.OutOfOffice[{i}] is null.";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the rep is available at <paramref name="now"/>; <paramref name="nextChange"/> is the first instant after
    /// it at which the answer may differ (a shift or period boundary), at most a day later.
    /// </summary>
    public static bool IsAvailable(RepSchedule schedule, DateTimeOffset now, out DateTimeOffset nextChange)
    {
        var next = now + MaxValidity;
        var away = false;
        foreach (var period in schedule.OutOfOffice)
        {
            if (period.Start <= now && now < period.End)
            {
                away = true;
                next = Min(next, period.End);
            }
            else if (period.Start > now)
            {
                next = Min(next, period.Start);
            }
        }

        var working = schedule.WeeklyHours.Count == 0;
        if (!working)
        {
            var zone = schedule.TimeZone;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

            // From yesterday (a night shift may still run) to a week ahead (the next shift of a weekly schedule).
            for (var d = today.AddDays(-1); d <= today.AddDays(7); d = d.AddDays(1))
            {
                foreach (var shift in schedule.WeeklyHours)
                {
                    if (shift.Day != d.DayOfWeek)
                    {
                        continue;
                    }

                    var start = ToInstant(d.ToDateTime(shift.Start), zone);
                    var end = ToInstant((shift.End <= shift.Start ? d.AddDays(1) : d).ToDateTime(shift.End), zone);
                    if (start <= now && now < end)
                    {
                        working = true;
                        next = Min(next, end);
                    }
                    else if (start > now)
                    {
                        next = Min(next, start);
                    }
                }
            }
        }

        nextChange = next;
        return working && !away;
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        // A local time the clocks skip (spring forward) does not exist: move to the first minute that does.
        for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
