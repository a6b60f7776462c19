namespace LeadRouting.Engine;

/// <summary>What made a lead move, in a <see cref="LeadMovedEventArgs"/>.</summary>
public enum LeadMoveCause
{
    /// <summary>The host submitted it (<see cref="LeadDesk.Submit"/>).</summary>
    Submitted = 0,

    /// <summary>Its rep accepted it (<see cref="LeadDesk.TryAccept"/>); it stays with them, with no deadline.</summary>
    Accepted = 1,

    /// <summary>Its rep rejected it (<see cref="LeadDesk.TryReject"/>); it was re-routed, queued or returned.</summary>
    Rejected = 2,

    /// <summary>Its rep did not accept it by the deadline (<see cref="LeadDesk.ExpireOverdue()"/>); it was re-routed, queued or returned.</summary>
    Expired = 3,

    /// <summary>It left the queue because capacity freed up (a release, a rep back, a new day) and the pipeline placed it.</summary>
    OfferedFromQueue = 4,

    /// <summary>A rep pulled it from the queue (<see cref="LeadDesk.TryPull"/>).</summary>
    Pulled = 5,

    /// <summary>The host completed it (<see cref="LeadDesk.TryComplete"/>).</summary>
    Completed = 6,

    /// <summary>The host withdrew it (<see cref="LeadDesk.TryWithdraw"/>).</summary>
    Withdrawn = 7,

    /// <summary>It was waiting, and a lead ranked above it took its place in the full queue.</summary>
    QueueOverflow = 8,

    /// <summary>
    /// It was waiting, and a roster or pipeline change (<see cref="LeadDesk.ReplaceRoster"/>, <see cref="LeadDesk.Reconfigure"/>)
    /// left nobody who could ever take it: it was returned.
    /// </summary>
    RosterChanged = 9,
}
