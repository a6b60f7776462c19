using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;
using static LeadRouting.Engine.Tests.PipelinePropertyTests;

namespace LeadRouting.Engine.Tests.Explain;

/// <summary>
/// Issue 5's properties over the random pipelines, rosters and operation streams of <see cref="PipelinePropertyTests"/>:
/// a preview names exactly what the next route does and changes nothing, and every reason an explanation gives for a
/// rep dropping out is true of that rep.
/// </summary>
public class ExplainPropertyTests
{
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void Preview_then_route_pick_the_same_rep_and_previews_change_no_counter(Scenario s)
    {
        Drive(s, (engine, lead, at) =>
        {
            var before = Statuses(engine);
            var first = engine.Preview(lead);
            var second = engine.Preview(lead);
            Assert.True(Statuses(engine).SequenceEqual(before), $"{at}: a preview changed counters");
            var routed = engine.Route(lead);
            Assert.True(first == second && first == routed, $"{at}: previews {first} / {second}, route {routed}");
            return routed;
        });
    }

    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void Every_reason_given_for_a_dropped_rep_is_true_and_the_pick_is_a_final_candidate(Scenario s)
    {
        Drive(s, (engine, lead, at) =>
        {
            var explanation = engine.Explain(lead);
            var statuses = Statuses(engine).ToDictionary(x => x.RepId);
            foreach (var step in explanation.Steps)
            {
                foreach (var drop in step.Dropped)
                {
                    var i = Support.Build.RepIndex(drop.RepId);
                    var rep = s.Reps[i];
                    var status = statuses[drop.RepId];
                    var why = $"{at}: step {step.Name} dropped {drop.RepId} as {drop.Reason} ({rep}, open {status.OpenLeads}, today {status.LeadsToday}, active {status.IsActive})";
                    var lastSpec = LastLead!;
                    var holds = drop.Reason switch
                    {
                        DropReason.Inactive => !status.IsActive,
                        DropReason.NotInTeam => BandTeam(s, LastScore) is { } team && !s.Members(team).Contains(i),
                        DropReason.NoRuleForLead => explanation.Decision.Reason is RoutingReason.MissingMeasure or RoutingReason.MissingTerritory,
                        DropReason.OutsideTerritory => !TerritoryModel.Covers(rep.Territories, lastSpec),
                        DropReason.LessSpecificTerritory => TerritoryModel.Covers(rep.Territories, lastSpec),
                        DropReason.AtOpenLeadCap => rep.MaxOpen is { } cap && status.OpenLeads >= cap,
                        DropReason.AtDailyCap => rep.MaxDaily is { } daily && status.LeadsToday >= daily,
                        DropReason.ZeroWeight => rep.Weight == 0,
                        DropReason.MoreLoaded => explanation.Decision.RepId is { } picked && status.OpenLeads > statuses[picked].OpenLeads,
                        DropReason.NotTheirTurn => status.IsActive,
                        _ => false,
                    };
                    Assert.True(holds, why);
                }
            }

            var routed = engine.Route(lead);
            Assert.True(routed == explanation.Decision, $"{at}: explained {explanation.Decision}, routed {routed}");
            if (routed.IsAssigned && !routed.UsedFallback)
            {
                var pick = explanation.Steps[^1];
                Assert.True(pick.Before.Contains(routed.RepId) && pick.After.SequenceEqual([routed.RepId]), $"{at}: {routed.RepId} is not the final candidate picked");
            }

            return routed;
        });
    }

    [ThreadStatic]
    private static LeadSpec? LastLead;

    [ThreadStatic]
    private static int? LastScore;

    /// <summary>The team the model's band sends a lead of <paramref name="score"/> to, or null when none.</summary>
    private static int? BandTeam(Scenario s, int? score)
    {
        var p = s.Pipeline;
        if (score is not { } value || !p.Filters.Contains(Filter.Threshold))
        {
            return null;
        }

        var minimums = p.Minimums;
        for (var band = minimums.Length - 1; band >= 0; band--)
        {
            if (value >= minimums[band])
            {
                return p.BandTeams[band];
            }
        }

        return p.BelowLowest ? 0 : null;
    }

    /// <summary>Runs a scenario's operations, handing each route to <paramref name="route"/> and keeping every rep's caps.</summary>
    private static void Drive(Scenario s, Func<RoutingEngine, Lead, string, RoutingDecision> route)
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var engine = Support.Build.Engine(s.RepObjects(), s.Build(), s.Teams(), time);
        var step = 0;
        foreach (var op in s.Ops)
        {
            step++;
            var at = $"step {step} ({op.Describe(s.Reps.Length)})";
            switch (op.Kind)
            {
                case OpKind.Release:
                    engine.Release(Support.Build.RepId(op.Rep % s.Reps.Length));
                    break;
                case OpKind.SetActive:
                    engine.SetActive(Support.Build.RepId(op.Rep % s.Reps.Length), op.Active);
                    break;
                case OpKind.Advance:
                    time.Advance(TimeSpan.FromHours(op.Hours));
                    break;
                default:
                    LastLead = op.Lead;
                    LastScore = op.Score;
                    route(engine, op.Lead.ToLead("l" + step, op.Score is { } sc ? sc : double.NaN), at);
                    break;
            }
        }
    }

    private static List<RepStatus> Statuses(RoutingEngine engine) =>
        [.. engine.Roster.Reps.Select(r => engine.TryGetStatus(r.Id, out var st) ? st : default)];
}
