namespace LeadRouting.Engine.Availability;

/// <summary>
/// Keeps each scheduled rep's engine availability flag in line with their schedule. Recomputes only when the earliest
/// boundary of any schedule has passed (or when forced), so calling it on every desk operation costs one comparison.
/// Not thread-safe: the desk calls it under its lock.
/// </summary>
internal sealed class AvailabilityTracker
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public RepSchedule? ScheduleOf(string repId) => _entries.TryGetValue(repId, out var e) ? e.Schedule : null;

    /// <summary>Sets or (with null) removes a rep's schedule; takes effect at the next <see cref="Refresh"/>.</summary>
    public void Set(string repId, RepSchedule? schedule)
    {
        if (schedule is null)
        {
            if (_entries.TryGetValue(repId, out var e))
            {
                // Applied once more as "always available", then dropped.
                e.Schedule = null;
            }
        }
        else if (_entries.TryGetValue(repId, out var e))
        {
            e.Schedule = schedule;
        }
        else
        {
            _entries.Add(repId, new Entry { Schedule = schedule });
        }

        _nextCheck = DateTimeOffset.MinValue;
    }

    /// <summary>
    /// Applies every schedule at <paramref name="now"/> when a boundary has passed (or <paramref name="force"/>, which also
    /// re-applies flags the engine may have lost to a roster change). Returns whether some rep became available.
    /// </summary>
    public bool Refresh(RoutingEngine engine, DateTimeOffset now, bool force)
    {
        if (!force && now < _nextCheck)
        {
            return false;
        }

        var next = DateTimeOffset.MaxValue;
        var returned = false;
        List<string>? removed = null;
        foreach (var (repId, entry) in _entries)
        {
            bool available;
            if (entry.Schedule is null)
            {
                available = true;
                (removed ??= []).Add(repId);
            }
            else
            {
                available = ScheduleEvaluator.IsAvailable(entry.Schedule, now, out var change);
                next = change < next ? change : next;
            }

            if (force || entry.Applied != available)
            {
                // A rep not in the roster (yet) is tried again on the next forced refresh (the desk forces one on every roster change).
                var known = engine.SetAvailable(repId, available);
                returned |= known && available && entry.Applied != true;
                entry.Applied = known ? available : null;
            }
        }

        if (removed is not null)
        {
            foreach (var id in removed)
            {
                _entries.Remove(id);
            }
        }

        _nextCheck = next;
        return returned;
    }

    private sealed class Entry
    {
        public RepSchedule? Schedule { get; set; }

        /// <summary>The flag last given to the engine; null when never (or the rep was not in the roster).</summary>
        public bool? Applied { get; set; }
    }
}
