namespace LeadRouting.Engine;

/// <summary>One move of one lead in a <see cref="LeadDesk"/>: where it was, where it is now, and why.</summary>
public sealed class LeadMovedEventArgs : EventArgs
{
    internal LeadMovedEventArgs(long sequence, LeadMoveCause cause, LeadPlacement placement, LeadState? previousState, string? previousRepId, string? note)
    {
        Sequence = sequence;
        Cause = cause;
        Placement = placement;
        PreviousState = previousState;
        PreviousRepId = previousRepId;
        Note = note;
    }

    /// <summary>
    /// The move's number, from 1, one desk-wide sequence: moves made by calls on different threads may be raised out of
    /// order, and sorting by this number gives the order in which they happened.
    /// </summary>
    public long Sequence { get; }

    /// <summary>What made the lead move.</summary>
    public LeadMoveCause Cause { get; }

    /// <summary>Where the lead is now.</summary>
    public LeadPlacement Placement { get; }

    /// <summary>Where it was before; <see langword="null"/> for <see cref="LeadMoveCause.Submitted"/>.</summary>
    public LeadState? PreviousState { get; }

    /// <summary>The rep it was assigned to before, if it was.</summary>
    public string? PreviousRepId { get; }

    /// <summary>The rep's reason for a <see cref="LeadMoveCause.Rejected"/> move, as given; otherwise <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Sequence} {Cause}: {Placement}{(PreviousRepId is null ? string.Empty : $" (was with {PreviousRepId})")}{(Note is null ? string.Empty : $" \"{Note}\"")}";
}
