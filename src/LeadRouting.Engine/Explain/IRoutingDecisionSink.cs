namespace LeadRouting.Engine;

/// <summary>
/// Receives routing decisions, e.g. to write an audit log. Register in <see cref="RoutingEngineOptions.DecisionSinks"/>.
/// Called on one background task, one event at a time, in routing order; an exception is caught, counted and ignored.
/// </summary>
public interface IRoutingDecisionSink
{
    /// <summary>Handles one decision.</summary>
    /// <param name="decisionEvent">The decision and its context.</param>
    void OnDecision(RoutingDecisionEvent decisionEvent);
}
