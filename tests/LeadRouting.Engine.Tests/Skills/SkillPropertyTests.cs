using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Skills;

/// <summary>
/// The skills filter's invariant: a lead that needs a skill never reaches a rep without it, and is assigned exactly when
/// some active rep with room has it (a lead without a value: when any active rep with room exists).
/// </summary>
public class SkillPropertyTests
{
    private static readonly string[] Languages = ["de", "fr", "es"];

    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void A_lead_reaches_only_reps_with_its_skill_and_is_assigned_whenever_one_is_free(Scenario s)
    {
        var reps = s.Reps.Select((r, i) => new Rep(Build.RepId(i)) { Skills = [.. Skills(r.SkillBits)], MaxOpenLeads = r.Cap, IsActive = r.Active }).ToArray();
        var engine = Build.Engine(reps, new RoutingPipelineBuilder().AddSkills().AddCapacity().AddRoundRobin().Build());
        var open = new int[reps.Length];
        for (var l = 0; l < s.Leads.Length; l++)
        {
            var language = s.Leads[l] < 0 ? null : Languages[s.Leads[l]];
            var fits = Enumerable.Range(0, reps.Length)
                .Where(i => s.Reps[i].Active && open[i] < (s.Reps[i].Cap ?? int.MaxValue) && (language is null || Skills(s.Reps[i].SkillBits).Contains(language)))
                .ToArray();
            var d = engine.Route(new Lead("l" + l) { Language = language?.ToUpperInvariant() });
            Assert.True(d.IsAssigned == (fits.Length > 0), $"lead {l} ({language ?? "none"}): {d}, while reps that fit were {Fmt.List(fits.Select(Build.RepId))}");
            if (d.IsAssigned)
            {
                var i = Build.RepIndex(d.RepId);
                Assert.True(fits.Contains(i), $"lead {l} ({language ?? "none"}) went to {d.RepId}, who does not fit");
                open[i]++;
            }
        }
    }

    private static IEnumerable<string> Skills(int bits) => Languages.Where((_, b) => (bits & (1 << b)) != 0);

    public sealed record RepSpec(int SkillBits, int? Cap, bool Active)
    {
        public override string ToString() => $"{Fmt.List(Skills(SkillBits))} cap {Fmt.Cap(Cap)}{(Active ? string.Empty : " off")}";
    }

    public sealed record Scenario(RepSpec[] Reps, int[] Leads)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(Generator, Shrink, s => s.Reps.Length > 0);

        private static Gen<Scenario> Generator =>
            from n in Gen.Choose(1, 5)
            from reps in Gen.ArrayOf(
                from bits in Gen.Choose(0, 7)
                from cap in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 3).Select(c => (int?)c)))
                from active in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
                select new RepSpec(bits, cap, active),
                n)
            from count in Gen.Choose(1, 20)
            from leads in Gen.ArrayOf(Gen.Choose(-1, 2), count)
            select new Scenario(reps, leads);

        private static IEnumerable<Scenario> Shrink(Scenario s) =>
            Support.Shrink.Array(s.Reps, r =>
                    Support.Shrink.Bits(r.SkillBits).Select(b => r with { SkillBits = b })
                        .Concat(Support.Shrink.Cap(r.Cap).Select(c => r with { Cap = c }))
                        .Concat(Support.Shrink.Bool(r.Active, true).Select(a => r with { Active = a })),
                    minLength: 1)
                .Select(reps => s with { Reps = reps })
                .Concat(Support.Shrink.Array(s.Leads, l => Support.Shrink.Toward(l, -1), minLength: 1).Select(leads => s with { Leads = leads }));

        public override string ToString() => $"reps {Fmt.List(Reps)}; leads {Fmt.List(Leads.Select(l => l < 0 ? "-" : Languages[l]))}";
    }
}
