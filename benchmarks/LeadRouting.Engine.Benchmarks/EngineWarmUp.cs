namespace LeadRouting.Engine.Benchmarks;

/// <summary>Setup shared by the benchmarks: reach the steady state before measuring, and prove the workload assigns.</summary>
internal static class EngineWarmUp
{
    /// <summary>
    /// Routes every lead once (the weighted selector builds each group's schedule on the group's first lead, so the
    /// measured routes are the steady state) and throws unless every lead was assigned, so a benchmark never measures the
    /// cheaper "nobody eligible" path by accident.
    /// </summary>
    public static void RouteAll(RoutingEngine engine, IEnumerable<Lead> leads, bool release)
    {
        foreach (var lead in leads)
        {
            var decision = engine.Route(lead);
            if (!decision.IsAssigned)
            {
                throw new InvalidOperationException($"{lead} was not assigned: {decision}");
            }

            if (release)
            {
                engine.Release(decision.RepId);
            }
        }
    }
}
