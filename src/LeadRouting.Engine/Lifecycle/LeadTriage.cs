namespace LeadRouting.Engine.Lifecycle;

/// <summary>
/// Decides where a lead goes (to a rep, into the queue, back to the host) from a route's decision and previews of the
/// engine. Changes nothing: the desk decides first and moves the lead after, so a route that throws leaves no trace.
/// </summary>
internal static class LeadTriage
{
    /// <summary>
    /// Where a push route's decision sends a lead: to the rep; to the queue (of <paramref name="queueCapacity"/>) when
    /// nobody could take it now but someone not in <paramref name="excluded"/> could once back or with room; else back to
    /// the host. Changes nothing.
    /// </summary>
    public static Destination Judge(RoutingEngine engine, int queueCapacity, Lead lead, RoutingDecision decision, ReadOnlySpan<string> excluded) => decision.Outcome switch
    {
        RoutingOutcome.Assigned => new(decision, LeadState.Assigned),
        RoutingOutcome.Unassigned when queueCapacity > 0 && CanWait(decision.Reason) =>
            engine.PreviewEveryoneFree(lead, excluded).IsAssigned ? new(decision, LeadState.Queued) : new(decision, LeadState.Returned, NobodyEver(engine, lead, excluded)),
        _ => Settled(decision),
    };

    /// <summary>
    /// Where a lead goes that is not routed now (pull delivery routes only when a rep pulls; a queued lead after a roster
    /// change): to the queue, unless nobody (but <paramref name="excluded"/>) could ever take it, whoever were back or had
    /// room. Changes nothing.
    /// </summary>
    public static Destination WaitOrReturn(RoutingEngine engine, Lead lead, ReadOnlySpan<string> excluded)
    {
        var anyone = engine.PreviewEveryoneFree(lead, excluded);
        return anyone.Outcome switch
        {
            RoutingOutcome.Assigned => new(null, LeadState.Queued),
            RoutingOutcome.Unassigned when CanWait(anyone.Reason) => new(anyone, LeadState.Returned, NobodyEver(engine, lead, excluded)),
            _ => Settled(anyone),
        };
    }

    /// <summary>Where a decision sends a lead that may not (or need not) wait: to the rep, or back to the host.</summary>
    public static Destination Settled(RoutingDecision decision) => decision.Outcome switch
    {
        RoutingOutcome.Assigned => new(decision, LeadState.Assigned),
        RoutingOutcome.Disqualified => new(decision, LeadState.Returned, LeadReturnReason.Disqualified),
        _ => new(decision, LeadState.Returned, LeadReturnReason.Unassigned),
    };

    /// <summary>Whether a lead nobody could take may wait: not when the lead lacks data no change of capacity or availability can supply.</summary>
    public static bool CanWait(RoutingReason reason) =>
        reason is not (RoutingReason.MissingMeasure or RoutingReason.MissingTerritory or RoutingReason.BelowThreshold);

    /// <summary>Why a lead nobody but <paramref name="excluded"/> could ever take is returned: they rejected it, or nobody could at all.</summary>
    private static LeadReturnReason NobodyEver(RoutingEngine engine, Lead lead, ReadOnlySpan<string> excluded) =>
        !excluded.IsEmpty && engine.PreviewEveryoneFree(lead, []).IsAssigned ? LeadReturnReason.RejectedByAll : LeadReturnReason.Unassigned;
}
