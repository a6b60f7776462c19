using System.Runtime.Intrinsics;
using LeadRouting.Engine.RoundRobin;
using LeadRouting.Engine.ScoreThreshold;
using LeadRouting.Engine.Territories;
using LeadRouting.Engine.Weighted;

namespace LeadRouting.Engine.Internal;

/// <summary>How a <see cref="RoutePlan"/> route ended.</summary>
internal enum PlannedRouteEnd
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
/// A straight-line route for the common shape: a roster of at most <see cref="MaxReps"/> reps, a pipeline whose steps
/// only narrow to fixed masks (score bands to teams, territories), optionally ending in a plain capacity check, and a
/// weighted or rotation selector. The candidates are one 256-bit vector, each step one intersection. It makes the
/// decisions of the general route (<c>RoutingEngine.Run</c>), which stays the reference and makes every route the plan
/// declines, and every preview, explanation or route with exclusions; a property test routes the same operations
/// through both (<c>PipelinePropertyTests</c>). Built per snapshot, so a roster or pipeline change gets its own.
/// </summary>
/// <remarks>
/// Why a second path: the general route's fixed machinery (a route context of two stack candidate sets, a step loop with
/// a result per step, a selection through several frames) cost about as much as the whole route of a router written for
/// one pipeline; the plan saves most of it (figures in docs/performance-notes.md).
/// </remarks>
internal sealed class RoutePlan
{
    /// <summary>The largest roster a plan routes: its candidates fit one 256-bit vector.</summary>
    public const int MaxReps = 256;

    private readonly CompiledStep[] _steps;
    private readonly WeightedSelector? _weighted;

    private RoutePlan(CompiledPipeline pipeline, CompiledStep[] steps)
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

    /// <summary>The plan for <paramref name="pipeline"/> over a roster of <paramref name="words"/> 64-rep words, or null when it has none.</summary>
    public static RoutePlan? For(CompiledPipeline pipeline, int words)
    {
        if (words > MaxReps / 64 || !Vector256.IsHardwareAccelerated || pipeline.Selector is not (WeightedSelector or RoundRobinSelector))
        {
            return null;
        }

        // A final plain capacity check is deferred to the selection, as the general route defers it (see
        // CompiledPipeline.DefersCapacity); a pipeline with any other capacity step (least-loaded, or followed by another
        // step), a skill filter or a territory branch has no plan.
        var steps = pipeline.DefersCapacity ? pipeline.Steps[..^1] : pipeline.Steps;
        foreach (var step in steps)
        {
            if (!step.Plannable)
            {
                return null;
            }
        }

        return new RoutePlan(pipeline, steps);
    }

    /// <summary>Routes <paramref name="route"/>; on <see cref="PlannedRouteEnd.Assigned"/>, <paramref name="position"/> is the rep reserved.</summary>
    public PlannedRouteEnd Route(ref PlannedRoute route, out int position)
    {
        position = -1;
        if (route.IsEmpty)
        {
            return PlannedRouteEnd.Declined;
        }

        foreach (var step in _steps)
        {
            // The built-in steps by type (sealed classes: direct calls), so a route's speed does not depend on which
            // step type a process's profile happened to guess at one shared virtual call site.
            var narrowed = step switch
            {
                ScoreThresholdStep score => score.TryNarrowPlanned(ref route),
                TerritoryFilterStep territory => territory.TryNarrowPlanned(ref route),
                _ => step.TryNarrowPlanned(ref route),
            };
            if (!narrowed)
            {
                return PlannedRouteEnd.Declined;
            }
        }

        return _weighted is not null ? SelectWeighted(ref route, _weighted, out position) : SelectRotation(ref route, out position);
    }

    /// <summary>As the general selection (<c>RoutingEngine.TrySelect</c>) with the weighted selector, whose claim always succeeds.</summary>
    private PlannedRouteEnd SelectWeighted(ref PlannedRoute route, WeightedSelector selector, out int position)
    {
        // A group's first lead builds its schedule on the general route; a schedule without slots takes nothing.
        var schedule = selector.ScheduleOf(route.SegmentKey);
        if (schedule is null || schedule.Period == 0)
        {
            position = -1;
            return PlannedRouteEnd.Declined;
        }

        while (true)
        {
            position = WeightedSelector.ProposePlanned(schedule, route.Candidates);
            if (position < 0)
            {
                return PlannedRouteEnd.NoneSelected;
            }

            if (TryReserve(ref route, position))
            {
                return PlannedRouteEnd.Assigned;
            }
        }
    }

    /// <summary>As the general selection with the rotation selector: a turn is claimed before the reservation.</summary>
    private PlannedRouteEnd SelectRotation(ref PlannedRoute route, out int position)
    {
        var snapshot = route.Snapshot;
        while (true)
        {
            position = RoundRobinSelector.LeastRecentlyAssigned(snapshot, route.Candidates, out var turn);
            if (snapshot.IsRetired)
            {
                return PlannedRouteEnd.Restart;
            }

            if (position < 0)
            {
                return PlannedRouteEnd.NoneSelected;
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
                return PlannedRouteEnd.Assigned;
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
    private bool TryReserve(ref PlannedRoute route, int position)
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
    private bool Reserve(ref PlannedRoute route, int position)
    {
        if (route.Snapshot.TryReserve(position, ref route.Day))
        {
            return true;
        }

        LostReservation(ref route, position);
        return false;
    }

    private void LostReservation(ref PlannedRoute route, int position)
    {
        if (DefersCapacity)
        {
            route.LostRaces++;
        }

        route.Remove(position);
        route.LostToCapacity = true;
    }
}
