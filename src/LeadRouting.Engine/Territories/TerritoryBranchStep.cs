using System.Runtime.CompilerServices;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Territories;

/// <summary>Sends the lead to the target of the most specific route covering it.</summary>
internal sealed class TerritoryBranchStep(string name, TerritoryIndex index, CompiledTarget[] targets, Territory[] territories) : CompiledStep(name)
{
    public override StepResult Apply(ref RouteContext context)
    {
        Span<int> ruleIds = stackalloc int[TerritoryIndex.MaxMatches];
        var n = index.Match(context.Lead, ruleIds, out var missing);
        if (n == 0)
        {
            return StepResult.NoCandidates(missing ? RoutingReason.MissingTerritory : RoutingReason.NoTerritoryMatch);
        }

        if (context.Trace is { } trace)
        {
            trace.Note(Chosen(ruleIds[0], context.Snapshot));
        }

        return targets[ruleIds[0]].Apply(ref context);
    }

    /// <summary>A branch drops reps by narrowing to the route's team; a lead no route covers drops everyone.</summary>
    public override DropReason WhyDropped(int position, ref RouteContext context)
    {
        Span<int> ruleIds = stackalloc int[TerritoryIndex.MaxMatches];
        return index.Match(context.Lead, ruleIds, out _) == 0 ? DropReason.NoRuleForLead : DropReason.NotInTeam;
    }

    // Out of line, so the route path has no interpolated string (and no frame to zero for one).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string Chosen(int rule, EngineSnapshot snapshot) => $"most specific route covering the lead: {territories[rule]} -> {targets[rule].Describe(snapshot)}";
}
