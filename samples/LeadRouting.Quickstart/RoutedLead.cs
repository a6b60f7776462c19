using LeadRouting.Engine;

namespace LeadRouting.Quickstart;

/// <summary>A lead and what the engine decided for it.</summary>
internal readonly record struct RoutedLead(Lead Lead, RoutingDecision Decision);
