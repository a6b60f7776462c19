using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Capacity;

/// <summary>
/// Drops candidates at their open-lead or daily cap. This is a read: the engine's reservation after selection is what
/// keeps caps exact when routes race. The least-loaded preference is applied at selection, to the final candidates,
/// tier by tier, so it can never leave a lead unassigned while a rep the selector may pick has room.
/// </summary>
internal sealed class CapacityFilterStep(string name, bool preferLeastLoaded) : CompiledStep(name)
{
    /// <summary>Whether the selector should be offered the least-loaded candidates first.</summary>
    public bool PreferLeastLoaded => preferLeastLoaded;

    public override StepResult Apply(ref RouteContext context)
    {
        var snapshot = context.Snapshot;
        var any = false;
        foreach (var p in context.Candidates)
        {
            if (snapshot.IsAtCapacity(p, ref context))
            {
                context.Candidates.Remove(p);
            }
            else
            {
                any = true;
            }
        }

        if (!any)
        {
            return StepResult.NoCandidates(RoutingReason.AllAtCapacity);
        }

        context.PreferLeastLoaded |= preferLeastLoaded;
        context.CapacityChecked = true;
        return StepResult.ContinueNotEmpty;
    }

    public override DropReason WhyDropped(int position, ref RouteContext context) =>
        context.Snapshot.CapacityReason(position);
}
