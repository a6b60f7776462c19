namespace LeadRouting.Engine.Internal;

/// <summary>
/// Today's day number in the configured time zone, from the injected <see cref="TimeProvider"/>. The answer is cached
/// for a window that ends at the next local midnight (or in at most 15 minutes, so an offset change is picked up), so
/// the time-zone conversion runs a few times an hour, not per route.
/// </summary>
/// <remarks>
/// With <see cref="TimeProvider.System"/> the window is checked against <see cref="Environment.TickCount64"/> (a coarse
/// monotonic clock, much cheaper to read) rather than the wall clock, so the day
/// changes within a few milliseconds of midnight. Any other provider (a test's fake clock) is asked on every call, so
/// moving it moves the day at once.
/// </remarks>
internal sealed class DayClock
{
    private static readonly long RecheckTicks = TimeSpan.FromMinutes(15).Ticks;

    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly bool _system;
    private Window? _window;

    public DayClock(TimeProvider time, TimeZoneInfo zone)
    {
        _time = time;
        _zone = zone;
        _system = ReferenceEquals(time, TimeProvider.System);
    }

    public TimeZoneInfo Zone => _zone;

    public int Today()
    {
        var w = Volatile.Read(ref _window);
        if (_system)
        {
            if (w is not null && Environment.TickCount64 < w.EndTickCount)
            {
                return w.Day;
            }

            return Recompute(_time.GetUtcNow());
        }

        var now = _time.GetUtcNow();
        var ticks = now.UtcTicks;
        return w is not null && ticks >= w.StartTicks && ticks < w.EndTicks ? w.Day : Recompute(now);
    }

    private int Recompute(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var day = DateOnly.FromDateTime(local.DateTime).DayNumber;
        var valid = Math.Min(TimeSpan.TicksPerDay - local.TimeOfDay.Ticks, RecheckTicks);
        var w = new Window(
            StartTicks: ticks - local.TimeOfDay.Ticks,
            EndTicks: ticks + valid,
            EndTickCount: Environment.TickCount64 + (valid / TimeSpan.TicksPerMillisecond),
            Day: day);
        Volatile.Write(ref _window, w);
        return day;
    }

    private sealed record Window(long StartTicks, long EndTicks, long EndTickCount, int Day);
}
