namespace LeadRouting.Engine;

/// <summary>A rep left out at one step of a <see cref="RoutingExplanation"/>, and why.</summary>
/// <param name="RepId">The rep.</param>
/// <param name="Reason">Why the step left them out.</param>
public readonly record struct RepDrop(string RepId, DropReason Reason);
