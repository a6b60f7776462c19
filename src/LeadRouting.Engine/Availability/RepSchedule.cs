namespace LeadRouting.Engine;

/// <summary>
/// When a rep takes leads: weekly working hours in the rep's own time zone, minus out-of-office periods. Set per rep on a
/// <see cref="LeadDesk"/> (<see cref="LeadDeskOptions.Schedules"/>, <see cref="LeadDesk.SetSchedule"/>), which switches the
/// rep off for routing outside it, independently of <see cref="RoutingEngine.SetActive"/>. Immutable once built.
/// </summary>
public sealed class RepSchedule
{
    /// <summary>The time zone <see cref="WeeklyHours"/> are read in. Default <see cref="TimeZoneInfo.Utc"/>.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The shifts of a week. Default: none, meaning working hours do not limit the rep (only <see cref="OutOfOffice"/> does).
    /// </summary>
    public IReadOnlyList<WorkingHours> WeeklyHours { get; init; } = [];

    /// <summary>Periods the rep is away, whatever their working hours. Default: none.</summary>
    public IReadOnlyList<OutOfOfficePeriod> OutOfOffice { get; init; } = [];

    /// <summary>Whether the schedule lets the rep take leads at <paramref name="instant"/>.</summary>
    /// <param name="instant">The moment to check.</param>
    /// <returns><see langword="true"/> inside working hours (or when there are none) and outside every out-of-office period.</returns>
    public bool IsAvailableAt(DateTimeOffset instant) => Availability.ScheduleEvaluator.IsAvailable(this, instant, out _);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(WeeklyHours.Count == 0 ? "always" : string.Join(", ", WeeklyHours))} ({TimeZone.Id}){(OutOfOffice.Count == 0 ? string.Empty : $", {OutOfOffice.Count} out-of-office period(s)")}";
}
