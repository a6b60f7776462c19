namespace LeadRouting.Engine;

/// <summary>One routing decision, as handed to an <see cref="IRoutingDecisionSink"/>.</summary>
/// <param name="LeadId">The lead routed.</param>
/// <param name="Decision">The decision: outcome, rep, team, deciding step and reason.</param>
/// <param name="Timestamp">When the lead was routed, from <see cref="RoutingEngineOptions.TimeProvider"/>.</param>
/// <param name="ConfigurationVersion">The configuration routed with: 1 for the engine's first, one more at every roster or pipeline replacement.</param>
/// <param name="EngineName">The engine's <see cref="RoutingEngineOptions.Name"/>.</param>
public readonly record struct RoutingDecisionEvent(
    string LeadId,
    RoutingDecision Decision,
    DateTimeOffset Timestamp,
    long ConfigurationVersion,
    string EngineName);
