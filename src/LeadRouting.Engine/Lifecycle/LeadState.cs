namespace LeadRouting.Engine;

/// <summary>Where a lead that entered a <see cref="LeadDesk"/> is. Every such lead is in exactly one of these at any moment.</summary>
public enum LeadState
{
    /// <summary>Held by one rep (<see cref="LeadPlacement.RepId"/>), accepted or waiting to be.</summary>
    Assigned = 0,

    /// <summary>Waiting in the desk's queue for a rep with room.</summary>
    Queued = 1,

    /// <summary>Handed back to the host with an outcome (<see cref="LeadPlacement.ReturnReason"/>); the desk no longer holds it.</summary>
    Returned = 2,
}
