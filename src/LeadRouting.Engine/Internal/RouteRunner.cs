using System.Buffers;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.RoundRobin;

namespace LeadRouting.Engine.Internal;

/// <summary>
/// The one route path, for every route an engine makes (routes, previews, explanations, routes with exclusions, routes
/// for one rep): the step loop, the selection with its propose, claim and reserve, the fallback and the explanation's
/// trace. Stateless: a route reads one <see cref="EngineSnapshot"/>; <see cref="RoutingEngine"/> is the facade that holds it.
/// </summary>
internal static class RouteRunner
{
    /// <summary>The step name of a decision made before any step ran (nobody active, everyone excluded).</summary>
    public const string RosterStepName = "Roster";

    private const int StackWords = 64;

    /// <summary>Exclusion lists up to this long (re-routes after rejections) are held on the stack; longer ones in a rented buffer.</summary>
    private const int ExcludedOnStack = 32;

    /// <summary>
    /// The one route path, scoped for the desk: a route whose candidates are restricted from the start to the rep at
    /// <paramref name="only"/> (<paramref name="excludedOnly"/> is that position when the rep is excluded, else -1), or,
    /// with <paramref name="only"/> -1, a preview that imagines every rep free (see <see cref="RouteContext.ImagineEveryoneFree"/>)
    /// without <paramref name="excluded"/>. Its candidate words come from a pool: a restricted route touches one of them.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Verdict RouteOnScoped(EngineSnapshot snapshot, Lead lead, int only, int excludedOnly, ReadOnlySpan<int> excluded, out bool restart, out int lostRaces, out int team)
    {
        var words = snapshot.Words;
        var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(2 * words, 8));
        try
        {
            scoped var context = new RouteContext(lead, snapshot, buffer.AsSpan(0, words), buffer.AsSpan(words, words), default, preview: only < 0, trace: null);
            if (only >= 0)
            {
                context.RestrictTo(only);
                if (excludedOnly >= 0)
                {
                    context.Exclude(new ReadOnlySpan<int>(in excludedOnly));
                }
            }
            else
            {
                context.ImagineEveryoneFree();
                context.Exclude(excluded);
            }

            var verdict = context.Candidates.IsEmpty()
                ? Fallback(ref context, snapshot.Root, RosterStepName, RoutingReason.NoActiveRep)
                : Run(ref context, snapshot.Root);
            restart = context.Restart;
            lostRaces = context.LostRaces;
            team = TeamIndex(ref context, verdict.Position);
            return verdict;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// One route on <paramref name="snapshot"/>. Rosters over 256 reps keep narrowings pending (see
    /// <see cref="CandidateSet"/>) and get mask storage in a frame of their own; smaller ones have none to zero.
    /// </summary>
    public static Verdict RouteOn(EngineSnapshot snapshot, Lead lead, ReadOnlySpan<string> excludedRepIds, bool preview, ExplanationBuilder? trace, out bool restart, out int lostRaces, out int team)
    {
        if (snapshot.Words > StackWords || excludedRepIds.Length > ExcludedOnStack)
        {
            return RouteOnRented(snapshot, lead, excludedRepIds, preview, trace, out restart, out lostRaces, out team);
        }

        return CandidateSet.KeepsMasksPending(snapshot.Words)
            ? RouteOnLarge(snapshot, lead, excludedRepIds, preview, trace, out restart, out lostRaces, out team)
            : RouteOnCore(snapshot, lead, excludedRepIds, preview, trace, default, default, default, out restart, out lostRaces, out team);
    }

    // The pending masks are references, so the JIT zeroes this storage on entry: here, not in every route's frame. On
    // the stack rather than per thread, so a route nested in this one (through a host's clock) has its own.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict RouteOnLarge(EngineSnapshot snapshot, Lead lead, ReadOnlySpan<string> excludedRepIds, bool preview, ExplanationBuilder? trace, out bool restart, out int lostRaces, out int team)
    {
        var storage = default(PendingStorage);
        return RouteOnCore(snapshot, lead, excludedRepIds, preview, trace, storage, default, default, out restart, out lostRaces, out team);
    }

    /// <summary>
    /// A route whose candidate words (over 4,096 reps) or exclusion list (over 32 ids) do not fit its stack buffers: they
    /// are rented for this route alone, so a route nested in it (through a host's clock) never shares them, and returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict RouteOnRented(EngineSnapshot snapshot, Lead lead, ReadOnlySpan<string> excludedRepIds, bool preview, ExplanationBuilder? trace, out bool restart, out int lostRaces, out int team)
    {
        var storage = default(PendingStorage);
        var words = snapshot.Words > StackWords ? ArrayPool<ulong>.Shared.Rent(snapshot.Words * 2) : null;
        var excluded = excludedRepIds.Length > ExcludedOnStack ? ArrayPool<int>.Shared.Rent(excludedRepIds.Length) : null;
        try
        {
            var pending = CandidateSet.KeepsMasksPending(snapshot.Words) ? (Span<RepMask>)storage : default;
            return RouteOnCore(snapshot, lead, excludedRepIds, preview, trace, pending, words, excluded, out restart, out lostRaces, out team);
        }
        finally
        {
            if (words is not null)
            {
                ArrayPool<ulong>.Shared.Return(words);
            }

            if (excluded is not null)
            {
                ArrayPool<int>.Shared.Return(excluded);
            }
        }
    }

    // SkipLocalsInit: the candidate words are always written before they are read, so zeroing them is wasted work.
    // Never inlined: the attribute only holds in this frame; inlined into a caller, the buffers were zeroed per route.
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict RouteOnCore(EngineSnapshot snapshot, Lead lead, ReadOnlySpan<string> excludedRepIds, bool preview, ExplanationBuilder? trace, Span<RepMask> pending, Span<ulong> rentedWords, Span<int> rentedExcluded, out bool restart, out int lostRaces, out int team)
    {
        var words = snapshot.Words;

        // Common roster sizes fit on the stack; larger ones come rented (RouteOnRented). A fixed buffer rather than a
        // stackalloc of the roster's size: a variable stackalloc kept this method out of tiered compilation (no
        // profile-guided code) and cost a stack probe per route.
        Unsafe.SkipInit(out StackScratch stack);
        Unsafe.SkipInit(out ExcludedScratch fixedExcluded); // likewise for an exclusion list
        var buffer = words <= StackWords ? ((Span<ulong>)stack)[..(words * 2)] : rentedWords[..(words * 2)];
        var context = new RouteContext(lead, snapshot, buffer[..words], buffer.Slice(words, words), pending, preview, trace);
        scoped Span<int> excluded = default;
        if (!excludedRepIds.IsEmpty)
        {
            excluded = excludedRepIds.Length <= ExcludedOnStack ? ((Span<int>)fixedExcluded)[..excludedRepIds.Length] : rentedExcluded[..excludedRepIds.Length];
            var n = 0;
            foreach (var id in excludedRepIds)
            {
                if (id is not null && snapshot.Roster.TryGetPosition(id, out var position))
                {
                    excluded[n++] = position;
                }
            }

            excluded = excluded[..n];
            context.Exclude(excluded);
        }

        if (trace is not null)
        {
            TraceRoster(ref context);
        }

        var verdict = context.Candidates.IsEmpty()
            ? Fallback(ref context, snapshot.Root, RosterStepName, RoutingReason.NoActiveRep)
            : Run(ref context, snapshot.Root);
        if (!excluded.IsEmpty && verdict.Outcome == RoutingOutcome.Unassigned && !context.Restart && OnlyExcludedRepsCouldTakeIt(snapshot, lead, excluded))
        {
            verdict = Verdict.Unassigned(verdict.StepName, RoutingReason.AllExcluded, verdict.UsedFallback);
        }

        restart = context.Restart;
        lostRaces = context.LostRaces;
        team = TeamIndex(ref context, verdict.Position);
        return verdict;
    }

    /// <summary>
    /// Whether the exclusions, not the rules, availability or caps, left the lead unassigned: with every rep imagined
    /// available and with room, the route would assign it without the exclusions but not with them. A lead that waits for
    /// a rep who is away or full keeps that reason. Two previews (nothing is taken), only for an unassigned route with exclusions.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool OnlyExcludedRepsCouldTakeIt(EngineSnapshot snapshot, Lead lead, ReadOnlySpan<int> excluded)
    {
        var withExclusions = RouteOnScoped(snapshot, lead, -1, -1, excluded, out var restart, out _, out _);
        if (withExclusions.IsAssigned || restart)
        {
            return false;
        }

        return RouteOnScoped(snapshot, lead, -1, -1, [], out restart, out _, out _).IsAssigned && !restart;
    }

    /// <summary>Pending-mask storage of both candidate sets of a route over more than 256 reps.</summary>
    [InlineArray(2 * CandidateSet.MaxPendingMasks)]
    private struct PendingStorage
    {
        private RepMask _element;
    }

    /// <summary>Positions of the reps a route must not get, up to <see cref="ExcludedOnStack"/> of them, on the stack.</summary>
    [InlineArray(ExcludedOnStack)]
    private struct ExcludedScratch
    {
        private int _element;
    }

    /// <summary>The candidate and spare words of a route over up to <see cref="StackWords"/> words (4,096 reps), on the stack.</summary>
    [InlineArray(StackWords * 2)]
    private struct StackScratch
    {
        private ulong _element;
    }

    [SkipLocalsInit] // steps inlined here (guarded devirtualisation) bring their stack scratch, e.g. a territory scan's keys
    private static Verdict Run(ref RouteContext context, CompiledPipeline pipeline)
    {
        while (true)
        {
            CompiledPipeline? next = null;
            var steps = pipeline.Steps;

            // A capacity check that only the selector follows is left to the selection, which checks the reps it
            // proposes, in the same order, instead of every candidate (see CompiledPipeline.DefersCapacity). A trace
            // runs it as a step, to name each full rep; a least-loaded preference reads every candidate anyway.
            var deferred = pipeline.DefersCapacity && context.Trace is null;
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                if (deferred && i == steps.Length - 1 && !context.PreferLeastLoaded)
                {
                    context.DeferredCapacity = true;
                    context.CapacityChecked = true;
                    break;
                }

                var before = context.Trace is null ? null : Positions(ref context.Candidates);
                var result = step.Apply(ref context);
                if (before is not null)
                {
                    TraceStep(ref context, step, result, before);
                }

                switch (result.Kind)
                {
                    case StepResultKind.ContinueNotEmpty:
                    case StepResultKind.Continue when !context.Candidates.IsEmpty():
                        continue;
                    case StepResultKind.Continue:
                        return Fallback(ref context, pipeline, step.Name, RoutingReason.NoEligibleRep);
                    case StepResultKind.NoCandidates:
                        return Fallback(ref context, pipeline, step.Name, result.Reason);
                    case StepResultKind.Disqualify:
                        return Verdict.Disqualified(step.Name, result.Reason);
                    default:
                        next = result.Next;
                        break;
                }

                break;
            }

            if (next is null)
            {
                return Select(ref context, pipeline);
            }

            pipeline = next;
        }
    }

    private static List<int> Positions(ref CandidateSet set)
    {
        var positions = new List<int>();
        foreach (var p in set)
        {
            positions.Add(p);
        }

        return positions;
    }

    private static void TraceRoster(ref RouteContext context)
    {
        var snapshot = context.Snapshot;
        var all = Enumerable.Range(0, snapshot.Count).ToList();
        var after = Positions(ref context.Candidates);
        var reasons = new Dictionary<int, DropReason>();
        foreach (var p in all.Except(after))
        {
            reasons[p] = context.Candidates.IsExcluded(p) ? DropReason.Excluded : DropReason.Inactive;
        }

        context.Trace!.Step(RosterStepName, snapshot, all, after, reasons);
    }

    private static void TraceStep(ref RouteContext context, CompiledStep step, StepResult result, List<int> before)
    {
        // A step that leaves nobody (or disqualifies) is shown dropping everyone it ruled out; a disqualification drops nobody.
        var after = result.Kind switch
        {
            StepResultKind.NoCandidates => [],
            StepResultKind.Disqualify => before,
            _ => Positions(ref context.Candidates),
        };
        var reasons = new Dictionary<int, DropReason>();
        foreach (var p in before.Except(after))
        {
            reasons[p] = step.WhyDropped(p, ref context);
        }

        context.Trace!.Step(step.Name, context.Snapshot, before, after, reasons);
    }

    private static void TraceSelection(ref RouteContext context, CompiledSelector selector, List<int> before, int picked)
    {
        var trace = context.Trace!;
        var states = context.Snapshot.States;
        var reasons = new Dictionary<int, DropReason>();
        foreach (var (p, reason) in trace.SelectionDrops)
        {
            reasons[p] = reason;
        }

        foreach (var p in before)
        {
            if (p == picked || reasons.ContainsKey(p))
            {
                continue;
            }

            reasons[p] = selector.WhyNotCandidate(p, ref context)
                ?? (context.PreferLeastLoaded && picked >= 0 && states[p].OpenLeads > states[picked].OpenLeads ? DropReason.MoreLoaded : DropReason.NotTheirTurn);
        }

        trace.Step(selector.Name, context.Snapshot, before, picked >= 0 ? [picked] : [], reasons);
    }

    /// <summary>Reserves the rep's slot, or in a preview checks that a reservation would succeed.</summary>
    private static bool Reserve(ref RouteContext context, int position)
    {
        var snapshot = context.Snapshot;
        var ok = context.Preview ? !snapshot.IsAtCapacity(position, ref context) : snapshot.TryReserve(position, ref context);
        if (!ok)
        {
            context.Trace?.SelectionDrops.Add((position, snapshot.CapacityReason(position)));
        }

        return ok;
    }

    private static Verdict Select(ref RouteContext context, CompiledPipeline pipeline) =>
        context.Trace is null ? SelectCore(ref context, pipeline, out _) : SelectTraced(ref context, pipeline);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict SelectTraced(ref RouteContext context, CompiledPipeline pipeline)
    {
        var before = Positions(ref context.Candidates);
        var decision = SelectCore(ref context, pipeline, out var picked);
        TraceSelection(ref context, pipeline.Selector, before, picked);
        return decision;
    }

    // The common case (a rep found, no least-loaded tiers) stays in this method; the rest is out of line, so a route
    // that assigns runs through as few calls and as small a frame as possible.
    private static Verdict SelectCore(ref RouteContext context, CompiledPipeline pipeline, out int picked)
    {
        var selector = pipeline.Selector;
        var lostToCapacity = false;
        var position = context.PreferLeastLoaded
            ? SelectLeastLoaded(ref context, selector, ref lostToCapacity)
            : TrySelect(ref context, selector, alsoDropFromSpare: false, ref lostToCapacity);
        picked = position;
        return position >= 0
            ? Verdict.Assigned(position, selector.Name, RoutingReason.Selected, usedFallback: false)
            : NoneSelected(ref context, pipeline, lostToCapacity);
    }

    /// <summary>
    /// Offers the selector the least-loaded reps first, then the next tier, and so on: a tier it cannot pick from
    /// (weight 0) or whose reps turn out full must not leave the lead unassigned while others have room. The tier is
    /// swapped in as the candidates; the rest waits in Spare.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SelectLeastLoaded(ref RouteContext context, CompiledSelector selector, ref bool lostToCapacity)
    {
        context.StartSpare();
        int position;
        do
        {
            LeastLoadedTier(ref context.Candidates, ref context.Spare, context.Snapshot.States);
            Swap(ref context.Candidates, ref context.Spare);
            position = TrySelect(ref context, selector, alsoDropFromSpare: true, ref lostToCapacity);
            Swap(ref context.Candidates, ref context.Spare);
            if (position >= 0 || context.Restart)
            {
                break;
            }

            // Full reps were dropped from both sets; what is left of the tier, the selector would not pick.
            context.Candidates.RemoveAll(ref context.Spare);
        }
        while (!context.Candidates.IsEmpty());

        return position;
    }

    /// <summary>The selection found nobody: route again (restart), or the pipeline's fallback with the reason.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Verdict NoneSelected(ref RouteContext context, CompiledPipeline pipeline, bool lostToCapacity)
    {
        if (context.Restart)
        {
            return default;
        }

        if (context.DeferredCapacity && AllAtCapacity(ref context))
        {
            // The capacity step, run first, would have found every candidate full.
            return Fallback(ref context, pipeline, pipeline.Steps[^1].Name, RoutingReason.AllAtCapacity);
        }

        // Reps dropped for being full explain the miss better than the weight-0 reps that may remain.
        var selector = pipeline.Selector;
        var reason = lostToCapacity ? RoutingReason.AllAtCapacity : selector.EmptyReason;
        return Fallback(ref context, pipeline, selector.Name, reason);
    }

    /// <summary>
    /// Proposes, claims and reserves until a rep is reserved (its position) or the selector has nobody left (-1). A rep
    /// found full is dropped from the candidates (and from the spare set too, when asked).
    /// </summary>
    private static int TrySelect(ref RouteContext context, CompiledSelector selector, bool alsoDropFromSpare, ref bool lostToCapacity)
    {
        while (true)
        {
            var position = selector.Propose(ref context, out var token);
            if (position < 0)
            {
                return -1;
            }

            if (context.DeferredCapacity && context.Snapshot.IsAtCapacity(position, ref context))
            {
                // What the capacity step would have dropped before the selector saw it: no turn taken, not a lost race.
                context.Candidates.Remove(position);
                continue;
            }

            if (!selector.Claim(ref context, position, token))
            {
                // A concurrent route took this turn first; the rep is still eligible, so read the turns again.
                context.LostRaces++;
                continue;
            }

            if (Reserve(ref context, position))
            {
                return position;
            }

            if (context.CapacityChecked)
            {
                context.LostRaces++;
            }

            context.Candidates.Remove(position);
            if (alsoDropFromSpare)
            {
                context.Spare.Remove(position);
            }

            lostToCapacity = true;
        }
    }

    /// <summary>
    /// After a deferred capacity check found no rep: whether the capacity step would have found none either, i.e. the
    /// candidates were all full (the full ones proposed are gone; the rest, those the selector never proposes, are read).
    /// </summary>
    private static bool AllAtCapacity(ref RouteContext context)
    {
        foreach (var p in context.Candidates)
        {
            if (!context.Snapshot.IsAtCapacity(p, ref context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fills <paramref name="tier"/> with the candidates holding the fewest open leads, reading each count once.</summary>
    private static void LeastLoadedTier(ref CandidateSet candidates, ref CandidateSet tier, RepState[] states)
    {
        candidates.Materialize();
        tier.ClearTo(candidates.Lo, candidates.Hi);
        var fewest = long.MaxValue;
        foreach (var p in candidates)
        {
            var open = states[p].OpenLeads;
            if (open < fewest)
            {
                fewest = open;
                tier.ClearTo(candidates.Lo, candidates.Hi);
            }

            if (open == fewest)
            {
                tier.Add(p);
            }
        }
    }

    private static void Swap(ref CandidateSet a, ref CandidateSet b)
    {
        var t = a;
        a = b;
        b = t;
    }

    private static Verdict Fallback(ref RouteContext context, CompiledPipeline pipeline, string stepName, RoutingReason reason)
    {
        var trace = context.Trace;
        if (trace is null || pipeline.Fallback.Kind == FallbackKind.Unassigned)
        {
            return FallbackCore(ref context, pipeline, stepName, reason);
        }

        trace.Note($"no candidate left at {stepName} ({reason}); fallback to {(pipeline.Fallback.Kind == FallbackKind.Team ? "team " + context.Snapshot.TeamIds[pipeline.Fallback.Index] : "rep " + context.Snapshot.RepIds[pipeline.Fallback.Index])}");
        context.Candidates.Reset();
        if (pipeline.Fallback.TeamMask is { } team)
        {
            context.Candidates.Narrow(team);
        }

        var before = pipeline.Fallback.Kind == FallbackKind.Rep ? [pipeline.Fallback.Index] : Positions(ref context.Candidates);
        var decision = FallbackCore(ref context, pipeline, stepName, reason);
        var picked = decision.Position;
        var reasons = new Dictionary<int, DropReason>();
        foreach (var (p, why) in trace.SelectionDrops)
        {
            reasons[p] = why;
        }

        foreach (var p in before)
        {
            if (p != picked && !reasons.ContainsKey(p))
            {
                reasons[p] = !context.Snapshot.States[p].Routable ? DropReason.Inactive
                    : context.Candidates.IsExcluded(p) ? DropReason.Excluded
                    : DropReason.NotTheirTurn;
            }
        }

        trace.Step("Fallback", context.Snapshot, before, picked >= 0 ? [picked] : [], reasons);
        return decision;
    }

    private static Verdict FallbackCore(ref RouteContext context, CompiledPipeline pipeline, string stepName, RoutingReason reason)
    {
        var fallback = pipeline.Fallback;
        var snapshot = context.Snapshot;
        switch (fallback.Kind)
        {
            case FallbackKind.Rep:
                var p = fallback.Index;
                context.TeamIndex = -1;
                if ((snapshot.States[p].Routable || context.EveryoneFree) && !context.Candidates.IsExcluded(p) && Reserve(ref context, p))
                {
                    context.Trace?.Picked(p, "the pipeline's fallback rep");
                    return Verdict.Assigned(p, stepName, reason, usedFallback: true);
                }

                break;
            case FallbackKind.Team:
                context.TeamIndex = fallback.Index;
                context.Candidates.Reset();
                context.Candidates.Narrow(fallback.TeamMask!);
                while (true)
                {
                    var position = RoundRobinSelector.LeastRecentlyAssigned(ref context, out var token);
                    if (position < 0)
                    {
                        break;
                    }

                    if (!context.Preview && !RoundRobinSelector.TryTakeTurn(snapshot, position, token))
                    {
                        continue;
                    }

                    if (Reserve(ref context, position))
                    {
                        context.Trace?.Picked(position, "the fallback team's least recently assigned member with room");
                        return Verdict.Assigned(position, stepName, reason, usedFallback: true);
                    }

                    context.Candidates.Remove(position);
                }

                break;
            default:
                return Verdict.Unassigned(stepName, reason, usedFallback: false);
        }

        return Verdict.Unassigned(stepName, reason, usedFallback: true);
    }

    /// <summary>The decision's team: the one a band, branch or fallback targeted, else the assigned rep's primary team, else none (-1).</summary>
    public static int TeamIndex(ref RouteContext context, int position) =>
        context.TeamIndex >= 0 ? context.TeamIndex : position >= 0 ? context.Snapshot.Hot[position].PrimaryTeam : -1;
}
