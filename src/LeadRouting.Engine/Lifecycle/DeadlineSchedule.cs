namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// Pending response deadlines, earliest first. Entries are never removed early: an accepted, released or re-routed
/// assignment leaves a stale entry behind, recognised by its assignment version when it comes up. Used under the desk's lock.
/// </summary>
internal sealed class DeadlineSchedule
{
    private readonly PriorityQueue<(HeldLead Lead, long Version), DateTimeOffset> _entries = new();

    public void Add(HeldLead lead, DateTimeOffset deadline) => _entries.Enqueue((lead, lead.AssignmentVersion), deadline);

    /// <summary>The next assignment still waiting for an answer whose deadline is at or before <paramref name="now"/>.</summary>
    public bool TryTakeOverdue(DateTimeOffset now, out HeldLead lead)
    {
        while (_entries.TryPeek(out var entry, out var deadline) && deadline <= now)
        {
            _entries.Dequeue();
            if (entry.Lead.State == LeadState.Assigned && !entry.Lead.Accepted && entry.Lead.AssignmentVersion == entry.Version)
            {
                lead = entry.Lead;
                return true;
            }
        }

        lead = null!;
        return false;
    }
}
