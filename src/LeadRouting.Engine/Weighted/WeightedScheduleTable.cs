namespace LeadRouting.Engine.Weighted;

/// <summary>
/// The schedules of one weighted selector, by group key: an open-addressing table read without locks and written under a
/// lock, once per group. A slot holds the key beside the schedule, so a probe compares keys without touching the schedule
/// (a hit reads one slot, then only the schedule's hot block). A resize publishes a new array whole.
/// </summary>
/// <remarks>
/// Any key is valid, 0 included: a slot is empty when its schedule is null. Within a slot the writer stores the key, then
/// publishes the schedule with a release write; a reader acquires the schedule first and reads the key only if it is
/// not null, so it never pairs a schedule with a key from before it was written.
/// </remarks>
internal sealed class WeightedScheduleTable
{
    private readonly Lock _writeLock = new();
    private Entry[] _slots = new Entry[16];
    private int _count;

    public WeightedSchedule? Find(ulong key)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = (int)key & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref slots[i];
            var s = Volatile.Read(ref entry.Schedule);
            if (s is null || entry.Key == key)
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
                var bigger = new Entry[_slots.Length * 2];
                foreach (var entry in _slots)
                {
                    if (entry.Schedule is { } s)
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
        var slots = Volatile.Read(ref _slots);
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i].Schedule) is { } s)
            {
                yield return s;
            }
        }
    }

    private static void Insert(Entry[] slots, WeightedSchedule schedule)
    {
        var mask = slots.Length - 1;
        var i = (int)schedule.Key & mask;
        while (slots[i].Schedule is not null)
        {
            i = (i + 1) & mask;
        }

        slots[i].Key = schedule.Key;
        Volatile.Write(ref slots[i].Schedule, schedule);
    }

    /// <summary>One slot: the group key, and its schedule (null when the slot is empty).</summary>
    private struct Entry
    {
        public ulong Key;
        public WeightedSchedule? Schedule;
    }
}
