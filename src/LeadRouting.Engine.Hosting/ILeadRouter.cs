namespace LeadRouting.Engine.Hosting;

/// <summary>
/// The routing engine as a service: registered by <c>AddLeadRouting</c> as a singleton built from
/// <see cref="LeadRoutingOptions"/>, which follows configuration reloads without losing rotation turns or cap counters.
/// Every member is safe to call from many threads at once; <see cref="Route"/> is lock-free and allocates nothing.
/// </summary>
public interface ILeadRouter
{
    /// <summary>The options name of this router: <see cref="string.Empty"/> for the default one, otherwise its service key.</summary>
    string Name { get; }

    /// <summary>The roster routed against now (replaced on every accepted reload).</summary>
    Roster Roster { get; }

    /// <summary>The pipeline routed through now (replaced on every accepted reload).</summary>
    RoutingPipeline Pipeline { get; }

    /// <summary>Routes a lead; see <see cref="RoutingEngine.Route(Lead)"/>. Never throws for a lead that cannot be placed.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The decision.</returns>
    RoutingDecision Route(Lead lead);

    /// <summary>The decision a route would make now, changing nothing; see <see cref="RoutingEngine.Preview"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The decision a route would make.</returns>
    RoutingDecision Preview(Lead lead);

    /// <summary>Why a lead would go where it goes, step by step, changing nothing; see <see cref="RoutingEngine.Explain"/>.</summary>
    /// <param name="lead">The lead.</param>
    /// <returns>The explanation.</returns>
    RoutingExplanation Explain(Lead lead);

    /// <summary>Frees one open-lead slot of a rep; see <see cref="RoutingEngine.Release"/>.</summary>
    /// <param name="repId">The rep.</param>
    /// <returns><see langword="false"/> when the rep has no open lead (a rep that left the roster holding leads can still be released).</returns>
    bool Release(string repId);

    /// <summary>
    /// Switches a rep on or off; see <see cref="RoutingEngine.SetActive"/>. The flag survives reloads unless a reload
    /// changes the rep's <see cref="RepOptions.IsActive"/>.
    /// </summary>
    /// <param name="repId">The rep.</param>
    /// <param name="active">Whether the rep receives leads.</param>
    /// <returns><see langword="false"/> when the rep is not in the roster.</returns>
    bool SetActive(string repId, bool active);

    /// <summary>Reads a rep's live counters; see <see cref="RoutingEngine.TryGetStatus"/>.</summary>
    /// <param name="repId">The rep.</param>
    /// <param name="status">The counters, when the engine has them (in the roster, or departed while holding leads).</param>
    /// <returns><see langword="false"/> when the rep is neither in the roster nor a departed rep whose counters are kept.</returns>
    bool TryGetStatus(string repId, out RepStatus status);
}
