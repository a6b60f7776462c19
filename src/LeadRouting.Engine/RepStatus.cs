namespace LeadRouting.Engine;

/// <summary>A rep's live counters, as read at one moment.</summary>
/// <param name="RepId">The rep.</param>
/// <param name="IsActive">Whether the rep currently receives leads.</param>
/// <param name="OpenLeads">Leads assigned and not yet released.</param>
/// <param name="LeadsToday">Leads received today (day boundary in <see cref="RoutingEngineOptions.DayBoundaryTimeZone"/>); counted only for reps with a daily cap, otherwise 0.</param>
public readonly record struct RepStatus(string RepId, bool IsActive, long OpenLeads, int LeadsToday);
