using LeadRouting.Engine.RoundRobin;
using LeadRouting.Engine.Weighted;

namespace LeadRouting.Engine.Internal;

/// <summary>How a <see cref="WordPlan"/> route ended.</summary>
internal enum WordRouteEnd
{
    /// <summary>The plan cannot make this route (a step would hand off, disqualify or leave nobody; a group has no schedule yet): nothing was taken, so the general route makes it from the start.</summary>
    Declined,

    /// <summary>A rep was reserved.</summary>
    Assigned,

    /// <summary>Turns were taken but nobody could be reserved: the general route's end of a selection (fallback) finishes it.</summary>
    NoneSelected,

    /// <summary>The snapshot is being replaced: route again on the next one, as a general route would.</summary>
    Restart,
}

/// <summary>
/// A straight-line route for the common shape: a roster of at most 64 reps, a pipeline whose steps only narrow to fixed
/// masks (score bands to teams, territories), optionally ending in a plain capacity check, and a weighted or rotation
/// selector. It makes the decisions of the general route (<c>RoutingEngine.Run</c>), which stays the reference and makes
/// every route the plan declines, and every preview, explanation or route with exclusions; a property test routes the
/// same operations through both (<c>PipelinePropertyTests</c>).
/// </summary>
/// <remarks>
/// Why a second path: the general route's fixed machinery (a route context of two stack candidate sets, a step loop with
/// a result per step, a selection through several frames) cost about as much as the whole route of a router written for
/// one pipeline. Measured with the benchmark project's <c>--paired 10</c>: 84 ns route + release through the general route,
/// 50 ns through the plan's first version, against the 37 ns of the floor router.
/// </remarks>
internal sealed class WordPlan
{
    private readonly CompiledStep[] _steps;
    private readonly WeightedSelector? _weighted;

    private WordPlan(CompiledPipeline pipeline, CompiledStep[] steps)
    {
        Pipeline = pipeline;
        _steps = steps;
        _weighted = pipeline.Selector as WeightedSelector;
        SelectorName = pipeline.Selector.Name;
        DefersCapacity = pipeline.DefersCapacity;
    }

    /// <summary>The pipeline planned (the snapshot's root).</summary>
    public CompiledPipeline Pipeline { get; }

    /// <summary>The selector's step name, for the decision.</summary>
    public string SelectorName { get; }

    /// <summary>The plan for <paramref name="pipeline"/> over a roster of <paramref name="words"/> words, or null when it has none.</summary>
    public static WordPlan? For(CompiledPipeline pipeline, int words)
    {
        if (words != 1 || pipeline.Selector is not (WeightedSelector or RoundRobinSelector))
        {
            return null;
        }

        // A final plain capacity check is deferred to the selection, as the general route defers it (see
        // CompiledPipeline.DefersCapacity); any other capacity step (least-loaded, or before another step) declines.
        var steps = pipeline.DefersCapacity ? pipeline.Steps[..^1] : pipeline.Steps;
        foreach (var step in steps)
        {
            if (!step.NarrowsWord)
            {
                return null;
            }
        }

        return new WordPlan(pipeline, steps);
    }

    /// <summary>Routes <paramref name="route"/>; on <see cref="WordRouteEnd.Assigned"/>, <paramref name="position"/> is the rep reserved.</summary>
    public WordRouteEnd Route(ref WordRoute route, out int position)
    {
        position = -1;
        if (route.Candidates == 0)
        {
            return WordRouteEnd.Declined;
        }

        foreach (var step in _steps)
        {
            if (!step.TryNarrowWord(ref route))
            {
                return WordRouteEnd.Declined;
            }
        }

        return _weighted is not null ? SelectWeighted(ref route, _weighted, out position) : SelectRotation(ref route, out position);
    }

    /// <summary>As the general selection (<c>RoutingEngine.TrySelect</c>) with the weighted selector, whose claim always succeeds.</summary>
    private WordRouteEnd SelectWeighted(ref WordRoute route, WeightedSelector selector, out int position)
    {
        // A group's first lead builds its schedule on the general route; a schedule without slots takes nothing.
        var schedule = selector.ScheduleOf(route.SegmentKey);
        if (schedule is null || schedule.Period == 0)
        {
            position = -1;
            return WordRouteEnd.Declined;
        }

        while (true)
        {
            position = WeightedSelector.ProposeWord(schedule, route.Candidates);
            if (position < 0)
            {
                return WordRouteEnd.NoneSelected;
            }

            if (TryReserve(ref route, position))
            {
                return WordRouteEnd.Assigned;
            }
        }
    }

    /// <summary>As the general selection with the rotation selector: a turn is claimed before the reservation.</summary>
    private WordRouteEnd SelectRotation(ref WordRoute route, out int position)
    {
        var snapshot = route.Snapshot;
        while (true)
        {
            position = RoundRobinSelector.LeastRecentlyAssigned(snapshot, route.Candidates, out var turn);
            if (snapshot.IsRetired)
            {
                return WordRouteEnd.Restart;
            }

            if (position < 0)
            {
                return WordRouteEnd.NoneSelected;
            }

            if (DefersCapacity && snapshot.IsAtCapacity(position, ref route.Day))
            {
                route.Remove(position);
                continue;
            }

            if (!RoundRobinSelector.TryTakeTurn(snapshot, position, turn))
            {
                route.LostRaces++;
                continue;
            }

            if (Reserve(ref route, position))
            {
                return WordRouteEnd.Assigned;
            }
        }
    }

    /// <summary>Whether the pipeline's capacity check is left to the selection (see <see cref="CompiledPipeline.DefersCapacity"/>).</summary>
    public bool DefersCapacity { get; }

    /// <summary>
    /// The weighted selection's steps after a proposal: the general route checks a deferred capacity first and drops a
    /// full rep (no race); then reserves, and a reservation that fails is a race lost to a concurrent route. The weighted
    /// selector's claim takes nothing, so nothing happens between the check and the reservation: the plan reserves
    /// straight away, and when that fails it checks the caps, and a rep found full is dropped as the check would have
    /// dropped it (the check, linearised at the moment the reservation saw the rep full). Otherwise (a counter at its
    /// ceiling) it is the general route's lost reservation. False: propose again.
    /// </summary>
    private bool TryReserve(ref WordRoute route, int position)
    {
        if (route.Snapshot.TryReserve(position, ref route.Day))
        {
            return true;
        }

        if (DefersCapacity && route.Snapshot.IsAtCapacity(position, ref route.Day))
        {
            route.Remove(position);
            return false;
        }

        LostReservation(ref route, position);
        return false;
    }

    /// <summary>Reserves the rep's slot; when full, drops it as the general selection does (a lost race after a capacity check).</summary>
    private bool Reserve(ref WordRoute route, int position)
    {
        if (route.Snapshot.TryReserve(position, ref route.Day))
        {
            return true;
        }

        LostReservation(ref route, position);
        return false;
    }

    private void LostReservation(ref WordRoute route, int position)
    {
        if (DefersCapacity)
        {
            route.LostRaces++;
        }

        route.Remove(position);
        route.LostToCapacity = true;
    }
}
