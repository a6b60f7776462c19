using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Weighted;

/// <summary>
/// Smooth weighted round-robin per group of peers. A group is what the lead-dependent steps (team, territory) leave,
/// identified by <see cref="RouteContext.SegmentKey"/>; each group gets its own schedule and cursor, set up on the
/// group's first lead (in work bounded by the group's size, not by Σw), so that leads for one territory never advance another territory's rotation. Reps excluded
/// for the moment (inactive, at capacity) are skipped and lose those turns: when they return they resume their normal
/// share, with no catch-up burst.
/// </summary>
internal sealed class WeightedSelector : CompiledSelector
{
    private readonly WeightedScheduleTable _schedules = new();
    private readonly Dictionary<ulong, WeightedSchedule> _inherited;

    /// <param name="name">The step name.</param>
    /// <param name="previous">The selector at the same place in the previous snapshot: its groups continue their rotation here.</param>
    public WeightedSelector(string name, WeightedSelector? previous)
        : base(name)
    {
        _inherited = [];
        if (previous is not null)
        {
            foreach (var (key, schedule) in previous._inherited)
            {
                _inherited[key] = schedule;
            }

            foreach (var schedule in previous._schedules.All())
            {
                _inherited[schedule.Key] = schedule;
            }
        }
    }

    public override RoutingReason EmptyReason => RoutingReason.NoPositiveWeight;

    public override int Propose(ref RouteContext context, out long token)
    {
        token = 0;
        var schedule = ScheduleFor(ref context);
        var period = schedule.Period;
        if (period == 0)
        {
            return -1;
        }

        var slot = 0;
        for (var probe = 0; probe < period; probe++)
        {
            // A preview reads the slots the next route would take, without taking them.
            var position = context.Preview ? schedule.Peek(context.PreviewProbes++, out slot) : schedule.Take(out slot);
            if (context.Candidates.Contains(position))
            {
                context.Trace?.Picked(position, Why(schedule, slot));
                return position;
            }
        }

        // Concurrent routes took the slots between ours: finish the period from where we are without taking more.
        if (schedule.Window is not null)
        {
            return FirstMember(schedule, ref context);
        }

        var positions = schedule.Positions;
        for (var i = 1; i <= period; i++)
        {
            var p = positions[(slot + i) % period];
            if (context.Candidates.Contains(p))
            {
                return p;
            }
        }

        return -1;
    }

    public override bool Claim(ref RouteContext context, int position, long token) => true;

    /// <summary>A long period is not kept whole: the first candidate in group order stands in for the rest of it.</summary>
    private static int FirstMember(WeightedSchedule schedule, ref RouteContext context)
    {
        foreach (var member in schedule.MemberPositions)
        {
            if (context.Candidates.Contains(member))
            {
                return member;
            }
        }

        return -1;
    }

    public override DropReason? WhyNotCandidate(int position, ref RouteContext context) =>
        context.Snapshot.Roster.Reps[position].Weight == 0 ? DropReason.ZeroWeight : null;

    // Out of line, so the route path has no interpolated string (and no frame to zero for one).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Why(WeightedSchedule schedule, int slot) =>
        $"slot {slot + 1} of the {schedule.Period}-slot weighted schedule of its group ({schedule.MemberIds.Length} reps with weight > 0)";

    private WeightedSchedule ScheduleFor(ref RouteContext context)
    {
        var key = context.SegmentKey;
        var schedule = _schedules.Find(key);
        if (schedule is null)
        {
            // A group's first lead: build its schedule (allocates, once per group), continuing the previous
            // snapshot's rotation for the group if it is unchanged.
            schedule = Build(key, context.StaticGroup(), context.Snapshot, _inherited.GetValueOrDefault(key));
            schedule = _schedules.Add(schedule);
        }

        return schedule;
    }

    private static WeightedSchedule Build(ulong key, List<int> group, EngineSnapshot snapshot, WeightedSchedule? previous)
    {
        var roster = snapshot.Roster;
        var positions = new List<int>();
        var weights = new List<int>();
        foreach (var p in group)
        {
            var weight = roster.Reps[p].Weight;
            if (weight > 0)
            {
                positions.Add(p);
                weights.Add(weight);
            }
        }

        return new WeightedSchedule(key, [.. positions], [.. weights], snapshot.RepIds, previous);
    }
}
