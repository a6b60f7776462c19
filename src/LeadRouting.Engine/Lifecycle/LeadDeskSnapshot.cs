namespace LeadRouting.Engine;

/// <summary>
/// Everything a <see cref="LeadDesk"/> holds, read at one moment under its lock, with the counts that make the
/// conservation law checkable: <see cref="Entered"/> = assigned + queued + <see cref="Returned"/>.
/// </summary>
public sealed class LeadDeskSnapshot
{
    internal LeadDeskSnapshot(
        DateTimeOffset takenAt,
        IReadOnlyList<LeadPlacement> assigned,
        IReadOnlyList<LeadPlacement> queued,
        long entered,
        IReadOnlyDictionary<LeadReturnReason, long> returnedByReason)
    {
        TakenAt = takenAt;
        Assigned = assigned;
        Queued = queued;
        Entered = entered;
        ReturnedByReason = returnedByReason;
        foreach (var count in returnedByReason.Values)
        {
            Returned += count;
        }
    }

    /// <summary>The desk's time when the snapshot was taken.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The leads assigned to reps, in the order they entered the desk.</summary>
    public IReadOnlyList<LeadPlacement> Assigned { get; }

    /// <summary>The waiting leads, in the order they will be offered (highest priority, then oldest, first).</summary>
    public IReadOnlyList<LeadPlacement> Queued { get; }

    /// <summary>How many leads have entered the desk (a lead submitted again after it was returned counts again).</summary>
    public long Entered { get; }

    /// <summary>How many leads the desk has handed back, whatever the reason.</summary>
    public long Returned { get; }

    /// <summary>How many leads the desk has handed back, by reason (every reason but <see cref="LeadReturnReason.None"/> is listed).</summary>
    public IReadOnlyDictionary<LeadReturnReason, long> ReturnedByReason { get; }

    /// <summary>How many leads <paramref name="repId"/> holds.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns>The count; 0 for an unknown rep.</returns>
    public int AssignedTo(string repId)
    {
        ArgumentNullException.ThrowIfNull(repId);
        var n = 0;
        foreach (var p in Assigned)
        {
            n += p.RepId == repId ? 1 : 0;
        }

        return n;
    }
}
