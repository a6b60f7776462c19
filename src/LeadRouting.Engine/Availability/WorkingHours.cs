namespace LeadRouting.Engine;

/// <summary>
/// One weekly shift of a rep, in the time zone of their <see cref="RepSchedule"/>: from <see cref="Start"/> (inclusive) to
/// <see cref="End"/> (exclusive) on <see cref="Day"/>. An <see cref="End"/> at or before <see cref="Start"/> runs past
/// midnight into the next day (<c>22:00–06:00</c> is a night shift; <c>00:00–00:00</c> is the whole day).
/// </summary>
/// <remarks>
/// Local times are converted with the time zone's rules for that date: a shift that starts in an hour skipped by a
/// daylight-saving change starts when the clocks resume; an ambiguous time is taken as standard time.
/// </remarks>
public sealed class WorkingHours
{
    /// <summary>Creates a shift.</summary>
    /// <param name="day">The day the shift starts on.</param>
    /// <param name="start">Local start time, inclusive.</param>
    /// <param name="end">Local end time, exclusive; at or before <paramref name="start"/> means the next day.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public WorkingHours(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "WorkingHours.Day must be a day of the week.");
        }

        Day = day;
        Start = start;
        End = end;
    }

    /// <summary>The day the shift starts on.</summary>
    public DayOfWeek Day { get; }

    /// <summary>Local start time, inclusive.</summary>
    public TimeOnly Start { get; }

    /// <summary>Local end time, exclusive; at or before <see cref="Start"/> it falls on the next day.</summary>
    public TimeOnly End { get; }

    /// <summary>The same hours Monday to Friday.</summary>
    /// <param name="start">Local start time, inclusive.</param>
    /// <param name="end">Local end time, exclusive.</param>
    /// <returns>Five shifts, Monday first.</returns>
    public static IReadOnlyList<WorkingHours> Weekdays(TimeOnly start, TimeOnly end) =>
    [
        new(DayOfWeek.Monday, start, end),
        new(DayOfWeek.Tuesday, start, end),
        new(DayOfWeek.Wednesday, start, end),
        new(DayOfWeek.Thursday, start, end),
        new(DayOfWeek.Friday, start, end),
    ];

    /// <inheritdoc />
    public override string ToString() => $"{Day} {Start:HH\\:mm}-{End:HH\\:mm}";
}
