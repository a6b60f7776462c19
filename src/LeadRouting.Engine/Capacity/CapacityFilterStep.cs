using System.Numerics;
using LeadRouting.Engine.Internal;

namespace LeadRouting.Engine.Capacity;

/// <summary>
/// Drops candidates at their open-lead or daily cap, and optionally all but the least loaded. This is a read: the
/// engine's reservation after selection is what keeps caps exact when routes race.
/// </summary>
internal sealed class CapacityFilterStep(string name, bool preferLeastLoaded) : CompiledStep(name)
{
    public override StepResult Apply(ref RouteContext context)
    {
        var snapshot = context.Snapshot;
        var candidates = context.Candidates;
        var fewest = long.MaxValue;
        for (var w = 0; w < candidates.Length; w++)
        {
            var bits = candidates[w];
            while (bits != 0)
            {
                var p = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (snapshot.IsAtCapacity(p, ref context))
                {
                    candidates[w] &= ~(1UL << p);
                }
                else
                {
                    fewest = Math.Min(fewest, snapshot.States[p].OpenLeads);
                }
            }
        }

        if (fewest == long.MaxValue)
        {
            return StepResult.NoCandidates(RoutingReason.AllAtCapacity);
        }

        if (preferLeastLoaded)
        {
            for (var w = 0; w < candidates.Length; w++)
            {
                var bits = candidates[w];
                while (bits != 0)
                {
                    var p = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (snapshot.States[p].OpenLeads > fewest)
                    {
                        candidates[w] &= ~(1UL << p);
                    }
                }
            }

            // A concurrent release can lower a count between the two passes; never leave the set empty because of it.
            if (CandidateBits.IsEmpty(candidates))
            {
                return StepResult.NoCandidates(RoutingReason.AllAtCapacity);
            }
        }

        return StepResult.Continue;
    }
}
