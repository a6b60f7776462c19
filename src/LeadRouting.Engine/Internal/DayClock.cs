namespace LeadRouting.Engine.Internal;

/// <summary>
/// Today's day number in the configured time zone, from the injected <see cref="TimeProvider"/>. The answer is cached
/// for a window that ends at the next local midnight (or in at most 15 minutes, so an offset change is picked up), so
/// the time-zone conversion runs a few times an hour, not per route.
/// </summary>
internal sealed class DayClock
{
    private static readonly long RecheckTicks = TimeSpan.FromMinutes(15).Ticks;

    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private Window? _window;

    public DayClock(TimeProvider time, TimeZoneInfo zone)
    {
        _time = time;
        _zone = zone;
    }

    public int Today()
    {
        var now = _time.GetUtcNow();
        var ticks = now.UtcTicks;
        var w = Volatile.Read(ref _window);
        if (w is not null && ticks >= w.StartTicks && ticks < w.EndTicks)
        {
            return w.Day;
        }

        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var day = DateOnly.FromDateTime(local.DateTime).DayNumber;
        var untilMidnight = TimeSpan.TicksPerDay - local.TimeOfDay.Ticks;
        var start = ticks - local.TimeOfDay.Ticks;
        w = new Window(start, ticks + Math.Min(untilMidnight, RecheckTicks), day);
        Volatile.Write(ref _window, w);
        return day;
    }

    private sealed record Window(long StartTicks, long EndTicks, int Day);
}
