using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Territories;

/// <summary>
/// DESIGN §4, territory: a lead never goes to a rep whose territories do not cover it, and the most specific covering
/// rule with an owner among the candidates decides (longest postal prefix, then region, then country), compared with a
/// naive reference model (<see cref="TerritoryModel"/>) over codes garbled by case, spaces and dashes. Some reps are
/// inactive, so "an owner among the candidates" matters; a lead is Unassigned (NoTerritoryMatch or MissingTerritory)
/// exactly when the model finds no covering rule among the active reps (NoActiveRep when nobody is active at all).
/// </summary>
public class TerritoryPropertyTests
{
    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void The_chosen_rep_owns_the_most_specific_covering_rule_and_unassigned_means_no_rule_covers(Scenario s)
    {
        var reps = s.Reps.Select((t, i) => new Rep(Build.RepId(i)) { Territories = [.. t.Select(x => x.ToTerritory())] });
        var engine = Build.Engine(reps, new RoutingPipelineBuilder().AddTerritory().AddRoundRobin().Build());
        for (var i = 0; i < s.Reps.Length; i++)
        {
            engine.SetActive(Build.RepId(i), !s.IsInactive(i));
        }

        var step = 0;
        foreach (var lead in s.Leads)
        {
            step++;
            var d = engine.Route(lead.ToLead("l" + step));
            var owners = TerritoryModel.Owners(s.Reps, i => !s.IsInactive(i), lead);
            if (Enumerable.Range(0, s.Reps.Length).All(s.IsInactive))
            {
                Assert.True(d.Outcome == RoutingOutcome.Unassigned && d.Reason == RoutingReason.NoActiveRep, $"lead {step} ({lead}): nobody is active, but {d}");
                continue;
            }

            if (owners.Count == 0)
            {
                Assert.True(
                    d.Outcome == RoutingOutcome.Unassigned && d.Reason is RoutingReason.NoTerritoryMatch or RoutingReason.MissingTerritory,
                    $"lead {step} ({lead}): no active rep's rule covers it, but {d}");
                continue;
            }

            Assert.True(d.IsAssigned, $"lead {step} ({lead}): the model's owners are {Fmt.List(owners.Order().Select(Build.RepId))}, but {d}");
            var chosen = Build.RepIndex(d.RepId);
            Assert.True(TerritoryModel.Covers(s.Reps[chosen], lead), $"lead {step} ({lead}) went to {d.RepId}, whose territories {Fmt.List(s.Reps[chosen])} do not cover it");
            Assert.True(owners.Contains(chosen), $"lead {step} ({lead}) went to {d.RepId} ({Fmt.List(s.Reps[chosen])}); the most specific covering rule belongs to {Fmt.List(owners.Order().Select(Build.RepId))}");
        }
    }

    public sealed record Scenario(TerritorySpec[][] Reps, int InactiveMask, LeadSpec[] Leads)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(
            from reps in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(TerritorySpec.ListGenerator, n))
            from inactive in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 255)))
            from leads in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(LeadSpec.Generator, n))
            select new Scenario(reps, inactive, leads),
            s => s.Shrink());

        public bool IsInactive(int i) => (InactiveMask & (1 << i)) != 0;

        public IEnumerable<Scenario> Shrink() =>
            Support.Shrink.Array(Leads, l => l.Shrink(), minLength: 1).Select(x => this with { Leads = x })
                .Concat(Support.Shrink.Array(Reps, r => Support.Shrink.Array(r, t => t.Shrink()), minLength: 1).Select(x => this with { Reps = x }))
                .Concat(Support.Shrink.Bits(InactiveMask).Select(x => this with { InactiveMask = x }));

        public override string ToString() =>
            $"reps {Fmt.List(Reps.Select((t, i) => $"r{i}{(IsInactive(i) ? " (inactive)" : string.Empty)}: {Fmt.List(t)}"))}; leads {Fmt.List(Leads)}";
    }
}
