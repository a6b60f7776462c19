namespace LeadRouting.Engine.Lifecycle;

/// <summary>Where a lead goes next, decided (every route made) before anything in the desk changes.</summary>
/// <param name="Decision">The decision to record; null to keep the lead's last one (a lead queued for a pull is not routed yet).</param>
/// <param name="State">Assigned (to the decision's rep), queued or returned.</param>
/// <param name="Reason">Why it is returned.</param>
internal readonly record struct Destination(RoutingDecision? Decision, LeadState State, LeadReturnReason Reason = LeadReturnReason.None);
