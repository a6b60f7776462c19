using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadRouting.Engine.Internal;
using LeadRouting.Engine.Tests.Support;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>
/// The candidate set of a route against a plain set model, at roster sizes on both sides of the eager limit (small rosters
/// keep bits from the start; larger ones keep narrowings pending until a step iterates): after every operation it holds
/// exactly the active reps, minus the excluded ones, intersected with every mask, minus the removed ones.
/// </summary>
public class CandidateSetTests
{
    /// <summary>One step of a scenario: narrow to a mask, remove a rep, or start again from the active reps.</summary>
    public sealed record Op(int Kind, int[] Positions)
    {
        public const int Narrow = 0;
        public const int Remove = 1;
        public const int Reset = 2;
        public const int NarrowByHead = 3;

        public override string ToString() => Kind switch
        {
            Narrow => $"Narrow{Fmt.List(Positions)}",
            NarrowByHead => $"NarrowByHead{Fmt.List(Positions)}",
            Remove => $"Remove({Positions[0]})",
            _ => "Reset",
        };
    }

    /// <summary>A roster size, its active reps, the reps the route excludes, the operations and a mask to probe with.</summary>
    public sealed record Scenario(int Reps, int[] Active, int[] Excluded, Op[] Ops, int[] Probe)
    {
        public static Arbitrary<Scenario> Arbitrary => PropertyRunner.Arbitrary(Scenarios, Shrinks);

        public override string ToString() =>
            $"reps {Reps}, active {Fmt.List(Active)}, excluded {Fmt.List(Excluded)}, ops {Fmt.List(Ops)}, probe {Fmt.List(Probe)}";
    }

    [Property(Arbitrary = [typeof(Scenario)], MaxTest = 500)]
    public void The_set_matches_a_model_after_every_narrowing_removal_and_reset_at_small_and_large_rosters(Scenario scenario)
    {
        var words = (scenario.Reps + 63) / 64;
        var active = new ulong[words];
        foreach (var p in scenario.Active)
        {
            active[p >> 6] |= 1UL << p;
        }

        var bits = new ulong[words];
        var set = default(CandidateSet);
        // Pending-mask storage as a route lends it: only to rosters that keep masks pending.
        set.Initialize(active, bits, CandidateSet.KeepsMasksPending(words) ? new RepMask[CandidateSet.MaxPendingMasks] : []);
        var excluded = scenario.Excluded.ToHashSet();
        if (scenario.Excluded.Length > 0)
        {
            set.Exclude(scenario.Excluded);
        }

        var model = scenario.Active.ToHashSet();
        model.ExceptWith(excluded);
        var probe = new RepMask(scenario.Probe);
        AssertSame(ref set, model, probe, scenario.Reps, "after start");
        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            var op = scenario.Ops[i];
            switch (op.Kind)
            {
                case Op.Narrow:
                    set.Narrow(new RepMask(op.Positions));
                    model.IntersectWith(op.Positions);
                    break;
                case Op.NarrowByHead:
                    set.Narrow(new MaskHead(new RepMask(op.Positions)));
                    model.IntersectWith(op.Positions);
                    break;
                case Op.Remove:
                    set.Remove(op.Positions[0]);
                    model.Remove(op.Positions[0]);
                    break;
                default:
                    set.Reset();
                    model = scenario.Active.ToHashSet();
                    model.ExceptWith(excluded);
                    break;
            }

            AssertSame(ref set, model, probe, scenario.Reps, $"after op {i} ({op})");
        }
    }

    private static void AssertSame(ref CandidateSet set, HashSet<int> model, RepMask probe, int reps, string when)
    {
        Assert.True(set.IsEmpty() == (model.Count == 0), $"{when}: IsEmpty {set.IsEmpty()}, model has {model.Count}");
        for (var p = 0; p < reps; p++)
        {
            Assert.True(set.Contains(p) == model.Contains(p), $"{when}: Contains({p}) is {set.Contains(p)}");
        }

        var expectIntersects = model.Any(probe.Contains);
        Assert.True(set.Intersects(probe) == expectIntersects, $"{when}: Intersects(probe) is {!expectIntersects}");
        Assert.True(set.Intersects(new MaskHead(probe)) == expectIntersects, $"{when}: Intersects(head of probe) is {!expectIntersects}");

        // Enumerating materialises a lazy set; a copy keeps the original's pending state for the next operation.
        var copy = set;
        var listed = new List<int>();
        foreach (var p in copy)
        {
            listed.Add(p);
        }

        Assert.Equal(model.Order(), listed);
    }

    private static Gen<int[]> Positions(int reps) =>
        Gen.OneOf(
            Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, reps - 1), n)), // a few owners
            Gen.Choose(0, reps - 1).SelectMany(a => Gen.Choose(a, reps - 1).Select(b => Enumerable.Range(a, b - a + 1).ToArray())), // a run (a team)
            Gen.Choose(1, 4).SelectMany(k => Gen.Choose(0, k - 1).Select(r => Enumerable.Range(0, reps).Where(p => p % k == r).ToArray()))); // spread out

    private static Gen<Scenario> Scenarios =>
        Gen.Frequency((3, Gen.Choose(1, 256)), (2, Gen.Choose(257, 700)))
            .SelectMany(reps =>
                Positions(reps).SelectMany(active =>
                Gen.Frequency((3, Gen.Constant(Array.Empty<int>())), (1, Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, reps - 1), n)))).SelectMany(excluded =>
                Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Operation(reps), n)).SelectMany(ops =>
                Positions(reps).Select(probe => new Scenario(reps, active, excluded, ops, probe))))));

    /// <summary>One to five positions in one 64-rep word (the common territory mask).</summary>
    private static Gen<int[]> OneWord(int reps) =>
        Gen.Choose(0, (reps - 1) >> 6).SelectMany(w => Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(w * 64, Math.Min(reps - 1, (w * 64) + 63)), n)));

    private static Gen<Op> Operation(int reps) =>
        Gen.Frequency(
            (5, Positions(reps).Select(p => new Op(Op.Narrow, p))),
            (3, Positions(reps).Select(p => new Op(Op.NarrowByHead, p))),
            (2, OneWord(reps).Select(p => new Op(Op.NarrowByHead, p))),
            (3, Gen.Choose(0, reps - 1).Select(p => new Op(Op.Remove, [p]))),
            (1, Gen.Constant(new Op(Op.Reset, []))));

    private static IEnumerable<Scenario> Shrinks(Scenario s)
    {
        foreach (var ops in Shrink.Array(s.Ops, _ => []))
        {
            yield return s with { Ops = ops };
        }

        foreach (var excluded in Shrink.Array(s.Excluded, _ => []))
        {
            yield return s with { Excluded = excluded };
        }

        foreach (var active in Shrink.Array(s.Active, _ => []))
        {
            yield return s with { Active = active };
        }

        foreach (var probe in Shrink.Array(s.Probe, _ => []))
        {
            yield return s with { Probe = probe };
        }
    }
}
