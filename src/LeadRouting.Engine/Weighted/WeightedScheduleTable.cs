namespace LeadRouting.Engine.Weighted;

/// <summary>
/// The schedules of one weighted selector, by group key: an open-addressing table read without locks (one load and one
/// compare on a hit) and written under a lock, once per group. A resize publishes a new array whole.
/// </summary>
internal sealed class WeightedScheduleTable
{
    private readonly Lock _writeLock = new();
    private WeightedSchedule?[] _slots = new WeightedSchedule?[16];
    private int _count;

    public WeightedSchedule? Find(ulong key)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = (int)key & mask; ; i = (i + 1) & mask)
        {
            var s = Volatile.Read(ref slots[i]);
            if (s is null || s.Key == key)
            {
                return s;
            }
        }
    }

    /// <summary>Adds <paramref name="schedule"/> unless its group is there already; returns the one in the table.</summary>
    public WeightedSchedule Add(WeightedSchedule schedule)
    {
        lock (_writeLock)
        {
            if (Find(schedule.Key) is { } existing)
            {
                return existing;
            }

            // Keep the load at most one half, so probes stay short and a miss always meets an empty slot.
            if ((_count + 1) * 2 > _slots.Length)
            {
                var bigger = new WeightedSchedule?[_slots.Length * 2];
                foreach (var s in _slots)
                {
                    if (s is not null)
                    {
                        Insert(bigger, s);
                    }
                }

                Volatile.Write(ref _slots, bigger);
            }

            Insert(_slots, schedule);
            _count++;
            return schedule;
        }
    }

    /// <summary>Every schedule, for handing over to the next snapshot.</summary>
    public IEnumerable<WeightedSchedule> All()
    {
        foreach (var s in Volatile.Read(ref _slots))
        {
            if (s is not null)
            {
                yield return s;
            }
        }
    }

    private static void Insert(WeightedSchedule?[] slots, WeightedSchedule schedule)
    {
        var mask = slots.Length - 1;
        var i = (int)schedule.Key & mask;
        while (slots[i] is not null)
        {
            i = (i + 1) & mask;
        }

        Volatile.Write(ref slots[i], schedule);
    }
}
