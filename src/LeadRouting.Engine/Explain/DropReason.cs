namespace LeadRouting.Engine;

/// <summary>Why a rep did not get a lead, as given in a <see cref="RoutingExplanation"/>.</summary>
public enum DropReason
{
    /// <summary>The step left the rep out for a reason it does not detail.</summary>
    NotEligible = 0,

    /// <summary>The rep is switched off (<see cref="RoutingEngine.SetActive"/>) or outside their availability.</summary>
    Inactive = 1,

    /// <summary>The caller excluded the rep for this lead (e.g. the rep rejected it before).</summary>
    Excluded = 2,

    /// <summary>The lead's band or territory route targets a team the rep is not in.</summary>
    NotInTeam = 3,

    /// <summary>None of the rep's territories covers the lead.</summary>
    OutsideTerritory = 4,

    /// <summary>A territory of the rep covers the lead, but a more specific one (longer postal prefix, region over country) held by other candidates won.</summary>
    LessSpecificTerritory = 5,

    /// <summary>The rep holds as many open leads as <see cref="Rep.MaxOpenLeads"/> allows.</summary>
    AtOpenLeadCap = 6,

    /// <summary>The rep received as many leads today as <see cref="Rep.MaxLeadsPerDay"/> allows.</summary>
    AtDailyCap = 7,

    /// <summary>The rep's weight is 0, so the weighted selector never picks them.</summary>
    ZeroWeight = 8,

    /// <summary>Other candidates hold fewer open leads and the capacity step prefers the least loaded.</summary>
    MoreLoaded = 9,

    /// <summary>The rep was eligible to the end; the selector's rotation picked another rep this time.</summary>
    NotTheirTurn = 10,

    /// <summary>
    /// Not about the rep: no band or territory rule of the step applies to the lead (it lacks the score, country or postal
    /// code the step needs, or no territory route covers it), so the step left nobody; the decision's reason says which.
    /// </summary>
    NoRuleForLead = 11,

    /// <summary>The rep lacks the skill the lead requires (language, product, attribute).</summary>
    MissingSkill = 12,
}
