namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// The desk's record of moves: numbers every move, and collects the moves of the call holding the desk's lock (only when
/// somebody listens) for the desk to raise after the lock is released. Used under the desk's lock.
/// </summary>
internal sealed class LeadJournal
{
    private long _sequence;

    // The moves of the current call; null when nobody listens.
    private List<LeadMovedEventArgs>? _moves;

    /// <summary>Starts a call: its moves are collected when <paramref name="listening"/>.</summary>
    public void Begin(bool listening) => _moves = listening ? [] : null;

    /// <summary>Ends a call and hands over its moves (null when nobody listened).</summary>
    public List<LeadMovedEventArgs>? End()
    {
        var moves = _moves;
        _moves = null;
        return moves;
    }

    /// <summary>Numbers a move of <paramref name="held"/> and keeps it for raising; returns the lead's placement.</summary>
    public LeadPlacement Record(LeadMoveCause cause, HeldLead held, LeadState? previousState, string? previousRep, string? note, LeadReturnReason reason = LeadReturnReason.None)
    {
        var placement = held.ToPlacement(reason);
        _sequence++;
        _moves?.Add(new LeadMovedEventArgs(_sequence, cause, placement, previousState, previousRep, note));
        return placement;
    }
}
