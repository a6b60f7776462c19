using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Tests.Internal;

/// <summary>
/// Finding a rep by id: by the identity of the string a decision handed out (one probe), else by value. Both paths must
/// give the same answer, so a host holding a copy of the id (read back from a database) is served the same.
/// </summary>
public class RepLookupTests
{
    private static Roster RosterOf(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => new Rep($"rep-{i}"))]);

    [Fact]
    public void The_roster_finds_every_rep_by_its_own_id_instance_and_by_an_equal_copy()
    {
        var roster = RosterOf(1_000);
        for (var i = 0; i < roster.Reps.Length; i++)
        {
            var id = roster.Reps[i].Id;
            var copy = new string(id.AsSpan());
            Assert.False(ReferenceEquals(id, copy));

            Assert.True(roster.TryGetPosition(id, out var byIdentity));
            Assert.True(roster.TryGetPosition(copy, out var byValue));
            Assert.Equal(i, byIdentity);
            Assert.Equal(i, byValue);
        }

        Assert.False(roster.TryGetPosition("rep-1000", out _));
        Assert.False(roster.TryGetPosition("REP-1", out _));
    }

    [Fact]
    public void The_identity_index_answers_only_for_the_instances_it_was_built_from()
    {
        string[] ids = ["a", new string('b', 1), "c"];
        var index = new IdentityIndex(ids);

        Assert.True(index.TryGetPosition(ids[1], out var position));
        Assert.Equal(1, position);
        Assert.False(index.TryGetPosition(new string('b', 1), out _));
        Assert.False(index.TryGetPosition("d", out _));
    }

    [Fact]
    public void Release_and_exclusion_work_with_a_copy_of_the_id_as_with_the_decisions_own_string()
    {
        var engine = new RoutingEngine(RosterOf(3), new RoutingPipelineBuilder().AddRoundRobin().Build());
        var first = engine.Route(new Lead("l-1"));
        Assert.True(first.IsAssigned);

        var copy = new string(first.RepId.AsSpan());
        Assert.True(engine.TryGetStatus(copy, out var status));
        Assert.Equal(1, status.OpenLeads);
        Assert.True(engine.Release(copy));
        Assert.False(engine.Release(first.RepId));

        // Excluding a copy of every other rep's id leaves only the first.
        var others = engine.Roster.Reps.Select(r => new string(r.Id.AsSpan())).Where(id => id != first.RepId).ToArray();
        Assert.Equal(first.RepId, engine.Route(new Lead("l-2"), others).RepId);
    }
}

/// <summary>The engine's internal 16-byte decision keeps every field of the public one.</summary>
public class VerdictTests
{
    [Fact]
    public void Every_outcome_reason_and_position_survives_the_packing()
    {
        foreach (var reason in Enum.GetValues<RoutingReason>())
        {
            Assert.InRange((int)reason, 0, byte.MaxValue);
            foreach (var position in new[] { 0, 1, 4_095, int.MaxValue })
            {
                foreach (var fallback in new[] { false, true })
                {
                    var assigned = Verdict.Assigned(position, "Step", reason, fallback);
                    Assert.Equal((RoutingOutcome.Assigned, position, reason, fallback, "Step"), (assigned.Outcome, assigned.Position, assigned.Reason, assigned.UsedFallback, assigned.StepName));
                }
            }

            var unassigned = Verdict.Unassigned("U", reason, usedFallback: true);
            Assert.Equal((RoutingOutcome.Unassigned, -1, reason, true), (unassigned.Outcome, unassigned.Position, unassigned.Reason, unassigned.UsedFallback));
            var disqualified = Verdict.Disqualified("D", reason);
            Assert.Equal((RoutingOutcome.Disqualified, -1, reason, false), (disqualified.Outcome, disqualified.Position, disqualified.Reason, disqualified.UsedFallback));
        }

        Assert.All(Enum.GetValues<RoutingOutcome>(), o => Assert.InRange((int)o, 0, byte.MaxValue));
    }
}
