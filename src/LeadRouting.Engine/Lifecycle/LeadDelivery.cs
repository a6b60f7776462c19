namespace LeadRouting.Engine;

/// <summary>How a <see cref="LeadDesk"/> gets leads to reps.</summary>
public enum LeadDelivery
{
    /// <summary>
    /// The desk assigns each lead as it arrives, and a lead that waited as soon as a rep has room; reps accept or reject.
    /// <see cref="LeadDesk.TryPull"/> still works, but finds only what capacity changes the desk did not see have made eligible.
    /// </summary>
    Push = 0,

    /// <summary>
    /// Every lead waits in the queue until a rep pulls it (<see cref="LeadDesk.TryPull"/>), which assigns and accepts it; a
    /// rejected lead goes back to the queue. Nothing is pushed, except by an explicit <see cref="LeadDesk.OfferQueuedLeads"/>.
    /// </summary>
    Pull = 1,
}
