using System.Diagnostics.CodeAnalysis;

namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// The leads the desk holds (assigned or queued), by id, and the counts of what entered and was returned. Used under the
/// desk's lock.
/// </summary>
internal sealed class LeadLedger
{
    private static readonly LeadReturnReason[] ReturnReasons = Enum.GetValues<LeadReturnReason>();

    private readonly Dictionary<string, HeldLead> _held = new(StringComparer.Ordinal);
    private readonly long[] _returned = new long[ReturnReasons.Length];
    private long _entered;
    private long _arrivals;

    /// <summary>The lead with that id, when the desk holds it.</summary>
    public bool TryGet(string leadId, [MaybeNullWhen(false)] out HeldLead held) => _held.TryGetValue(leadId, out held);

    /// <summary>Records a new lead, numbered by arrival.</summary>
    public HeldLead Enter(Lead lead, int priority)
    {
        _entered++;
        var held = new HeldLead(lead, priority, ++_arrivals);
        _held.Add(lead.Id, held);
        return held;
    }

    /// <summary>Forgets a lead returned to the host, counting it under <paramref name="reason"/>.</summary>
    public void Leave(HeldLead held, LeadReturnReason reason)
    {
        _held.Remove(held.Lead.Id);
        _returned[(int)reason]++;
    }

    /// <summary>Everything held (assigned leads by arrival, <paramref name="queue"/> in order) and the counts, read now.</summary>
    public LeadDeskSnapshot Snapshot(WaitingQueue queue, TimeProvider time)
    {
        var assigned = new List<LeadPlacement>(_held.Count);
        var byArrival = new List<HeldLead>(_held.Count);
        foreach (var held in _held.Values)
        {
            if (held.State == LeadState.Assigned)
            {
                byArrival.Add(held);
            }
        }

        byArrival.Sort(static (a, b) => a.Arrival.CompareTo(b.Arrival));
        foreach (var held in byArrival)
        {
            assigned.Add(held.ToPlacement());
        }

        var queued = new List<LeadPlacement>(queue.Count);
        foreach (var held in queue.InOrder())
        {
            queued.Add(held.ToPlacement());
        }

        var returned = new Dictionary<LeadReturnReason, long>();
        foreach (var reason in ReturnReasons)
        {
            if (reason != LeadReturnReason.None)
            {
                returned.Add(reason, _returned[(int)reason]);
            }
        }

        return new LeadDeskSnapshot(time.GetUtcNow(), assigned, queued, _entered, returned);
    }
}
