using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Territories;

/// <summary>Sends the lead to the target of the most specific route covering it.</summary>
internal sealed class TerritoryBranchStep(string name, TerritoryIndex index, CompiledTarget[] targets) : CompiledStep(name)
{
    public override StepResult Apply(ref RouteContext context)
    {
        Span<int> ruleIds = stackalloc int[TerritoryIndex.MaxMatches];
        var n = index.Match(context.Lead, ruleIds, out var missing);
        if (n == 0)
        {
            return StepResult.NoCandidates(missing ? RoutingReason.MissingTerritory : RoutingReason.NoTerritoryMatch);
        }

        return targets[ruleIds[0]].Apply(ref context);
    }
}
