using LeadRouting.Engine;

namespace LeadRouting.WebSample;

/// <summary>The JSON answer of <c>POST /leads/route</c>: the engine's decision for the lead.</summary>
public sealed record LeadRoutedResponse(
    string LeadId,
    RoutingOutcome Outcome,
    string? RepId,
    string? TeamId,
    string StepName,
    RoutingReason Reason,
    bool UsedFallback)
{
    public static LeadRoutedResponse From(string leadId, RoutingDecision d) =>
        new(leadId, d.Outcome, d.RepId, d.TeamId, d.StepName, d.Reason, d.UsedFallback);
}
