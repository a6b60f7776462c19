using System.Globalization;
using LeadRouting.Engine;

namespace LeadRouting.Quickstart;

/// <summary>Prints where the leads went: a few example decisions, then per rep, per team, and what was not routed normally.</summary>
internal static class DistributionReport
{
    public static void Print(RoutingEngine engine, IReadOnlyList<RoutedLead> routed, int seed)
    {
        var roster = engine.Roster;
        var assigned = routed.Count(r => r.Decision.IsAssigned);
        var byFallback = routed.Count(r => r.Decision.IsAssigned && r.Decision.UsedFallback);
        Line($"LeadRouting.Engine quickstart: {routed.Count:N0} leads, {roster.Reps.Length} reps, {roster.Teams.Length} teams, seed {seed}");
        Line($"Pipeline: {engine.Pipeline}"); // the pipeline names its own fallback
        var unassigned = routed.Count(r => r.Decision.Outcome == RoutingOutcome.Unassigned);
        var disqualified = routed.Count(r => r.Decision.Outcome == RoutingOutcome.Disqualified);
        Line($"Assigned {assigned:N0} ({assigned - byFallback:N0} by the pipeline, {byFallback:N0} by the fallback), unassigned {unassigned:N0}, disqualified {disqualified:N0}");

        Console.WriteLine();
        Line($"Example decisions");
        Example(routed, r => r.Decision.IsAssigned && !r.Decision.UsedFallback && r.Lead.Score >= 80 && r.Lead.PostalCode is { } postal && postal.StartsWith("EC", StringComparison.Ordinal));
        Example(routed, r => r.Decision.IsAssigned && r.Decision.UsedFallback && r.Decision.Reason == RoutingReason.NoTerritoryMatch);
        Example(routed, r => !r.Decision.IsAssigned);

        Console.WriteLine();
        Line($"Leads per rep");
        Line($"  {"Rep",-12} {"Team",-12} {"Weight",6} {"Max open",8} {"Max/day",8} {"Assigned",8} {"Open now",8}  Note");
        foreach (var rep in roster.Reps)
        {
            engine.TryGetStatus(rep.Id, out var status);
            var count = routed.Count(r => r.Decision.RepId == rep.Id);
            var note = !status.IsActive ? "away" : status.LeadsToday >= rep.MaxLeadsPerDay ? "daily cap reached" : string.Empty;
            Line($"  {rep.Id,-12} {TeamOf(roster, rep.Id),-12} {rep.Weight,6} {rep.MaxOpenLeads,8} {rep.MaxLeadsPerDay,8} {count,8} {status.OpenLeads,8}  {note}");
        }

        Console.WriteLine();
        Line($"Leads per team");
        Line($"  {"Team",-12} {"Reps",4} {"Assigned",8} {"Share",6} {"By fallback",11}");
        foreach (var team in roster.Teams)
        {
            var leads = routed.Where(r => r.Decision.IsAssigned && r.Decision.TeamId == team.Id).ToList();
            Line($"  {team.Id,-12} {team.MemberIds.Count,4} {leads.Count,8} {(double)leads.Count / assigned,6:P0} {leads.Count(r => r.Decision.UsedFallback),11}");
        }

        Console.WriteLine();
        Line($"Not placed by the pipeline itself, by reason");
        Line($"  {"Outcome",-12} {"Fallback",-8} {"Step",-10} {"Reason",-17} {"Leads",5}");
        var groups = routed
            .Where(r => !r.Decision.IsAssigned || r.Decision.UsedFallback)
            .GroupBy(r => (r.Decision.Outcome, r.Decision.UsedFallback, r.Decision.StepName, r.Decision.Reason))
            .OrderBy(g => g.Key.Outcome).ThenByDescending(g => g.Count());
        foreach (var g in groups)
        {
            var (outcome, usedFallback, step, reason) = g.Key;
            Line($"  {outcome,-12} {(usedFallback ? "yes" : "no"),-8} {step,-10} {reason,-17} {g.Count(),5}");
        }
    }

    private static void Example(IReadOnlyList<RoutedLead> routed, Func<RoutedLead, bool> which)
    {
        foreach (var r in routed)
        {
            if (which(r))
            {
                var lead = r.Lead;
                Line($"  {lead.Id} score {lead.Score,3} country '{lead.Country}' region '{lead.Region}' postal '{lead.PostalCode}'");
                Line($"    -> {r.Decision}");
                return;
            }
        }
    }

    private static string TeamOf(Roster roster, string repId)
    {
        foreach (var team in roster.Teams)
        {
            if (team.MemberIds.Contains(repId))
            {
                return team.Id;
            }
        }

        return "-";
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
