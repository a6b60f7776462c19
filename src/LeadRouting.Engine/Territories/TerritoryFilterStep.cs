using System.Buffers;
using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Territories;

/// <summary>
/// Keeps the owners of the most specific territory rule that covers the lead and has an owner among the candidates
/// (longest postal prefix, then region, then country). Every rep it keeps covers the lead.
/// </summary>
internal sealed class TerritoryFilterStep : CompiledStep
{
    private readonly TerritoryIndex _index;
    private readonly Territory[] _rules;
    private readonly RuleOwners[] _owners;


    // Rule i's owner mask is number _firstMask + i in the snapshot's mask registry.
    private readonly int _firstMask;

    public TerritoryFilterStep(string name, Roster roster, MaskRegistry masks, long token)
        : base(name)
    {
        // Two passes over the (rep, territory) pairs, into flat arrays rather than a list per rule: a roster of 10,000
        // reps has some 300,000 pairs and 50,000 rules. The working arrays are rented, not allocated: a new engine's
        // build time at that size was mostly garbage collection of what the build allocated.
        var pairs = 0;
        foreach (var rep in roster.Reps)
        {
            pairs += rep.Territories.Count;
        }

        // Reps usually share their territories with a few others (a pod, a team): sized for one rule per four pairs, the
        // dictionary rarely grows, and growing is all a wrong guess costs.
        var ruleIds = new Dictionary<Territory, int>(Math.Max(4, pairs / 4));
        var ruleOfPair = ArrayPool<int>.Shared.Rent(pairs);
        var ownerCount = ArrayPool<int>.Shared.Rent(pairs + 1);
        var owners = ArrayPool<int>.Shared.Rent(pairs);
        try
        {
            // Pass one numbers the rules and counts their owners.
            var k = 0;
            foreach (var rep in roster.Reps)
            {
                var territories = rep.Territories;
                for (var t = 0; t < territories.Count; t++)
                {
                    var territory = territories[t];
                    if (!ruleIds.TryGetValue(territory, out var id))
                    {
                        id = ruleIds.Count;
                        ruleIds.Add(territory, id);
                        ownerCount[id] = 0;
                    }

                    ruleOfPair[k++] = id;
                    ownerCount[id]++;
                }
            }

            // Pass two lays each rule's owners out contiguously, in roster order: ownerCount becomes each rule's start,
            // then (after the pass) its end.
            var ruleCount = ruleIds.Count;
            var offset = 0;
            for (var id = 0; id < ruleCount; id++)
            {
                var count = ownerCount[id];
                ownerCount[id] = offset;
                offset += count;
            }

            k = 0;
            for (var p = 0; p < roster.Reps.Length; p++)
            {
                for (var t = 0; t < roster.Reps[p].Territories.Count; t++)
                {
                    owners[ownerCount[ruleOfPair[k++]]++] = p;
                }
            }

            var rules = new Territory[ruleCount];
            foreach (var (territory, id) in ruleIds)
            {
                rules[id] = territory;
            }

            _index = new TerritoryIndex(rules);
            _rules = rules;
            _owners = new RuleOwners[ruleCount];
            for (var id = 0; id < ruleCount; id++)
            {
                var first = id == 0 ? 0 : ownerCount[id - 1];
                _owners[id] = new RuleOwners(new MaskHead(new RepMask(owners.AsSpan(first, ownerCount[id] - first))), token ^ StableHash.Of(rules[id]));
            }

            _firstMask = masks.AddRange(ruleCount, id => _owners[id].Mask.Mask);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ruleOfPair);
            ArrayPool<int>.Shared.Return(ownerCount);
            ArrayPool<int>.Shared.Return(owners);
        }
    }

    [SkipLocalsInit] // the scan's prefix keys are written before they are read (see TerritoryIndex.Begin)
    public override StepResult Apply(ref RouteContext context)
    {
        // Rules come most specific first, one table probe each: the first with an owner among the candidates wins, and
        // the less specific ones are not even looked up.
        _index.Begin(context.Lead, out var scan);
        var n = 0;
        for (var rule = _index.Next(ref scan); rule >= 0; rule = _index.Next(ref scan), n++)
        {
            ref readonly var owners = ref _owners[rule];
            if (context.Candidates.Intersects(owners.Mask))
            {
                context.Trace?.Note(Chosen(rule));
                context.NarrowStatic(owners.Mask, _firstMask + rule, owners.Token);
                return StepResult.ContinueNotEmpty;
            }
        }

        var missing = scan.Missing;
        context.Trace?.Note(n == 0 && missing ? "the lead lacks the country, region or postal code the rules need" : "no candidate's territory covers the lead");
        return StepResult.NoCandidates(n == 0 && missing ? RoutingReason.MissingTerritory : RoutingReason.NoTerritoryMatch);
    }

    // Out of line, so the route path has no interpolated string (and no frame to zero for one).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string Chosen(int rule) => $"most specific territory covering the lead with a candidate owner: {_rules[rule]}";

    /// <summary>Outside: no territory of the rep covers the lead; less specific: one does, but a more specific rule won.</summary>
    public override DropReason WhyDropped(int position, ref RouteContext context)
    {
        Span<int> ruleIds = stackalloc int[TerritoryIndex.MaxMatches];
        var n = _index.Match(context.Lead, ruleIds, out var missing);
        if (n == 0 && missing)
        {
            return DropReason.NoRuleForLead;
        }

        for (var i = 0; i < n; i++)
        {
            if (_owners[ruleIds[i]].Mask.Mask.Contains(position))
            {
                return DropReason.LessSpecificTerritory;
            }
        }

        return DropReason.OutsideTerritory;
    }

    /// <summary>
    /// A rule's owners (with a one-word mask's bits inline) and its segment token, side by side: a route reads them from
    /// one array element, and for most rules never touches the mask object.
    /// </summary>
    private readonly record struct RuleOwners(MaskHead Mask, long Token);
}
