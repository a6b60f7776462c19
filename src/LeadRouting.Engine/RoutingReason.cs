namespace LeadRouting.Engine;

/// <summary>Why a decision came out the way it did. Stable codes, suitable for logs and dashboards.</summary>
public enum RoutingReason
{
    /// <summary>The pipeline's selector picked the rep (see <see cref="RoutingDecision.StepName"/>).</summary>
    Selected = 0,

    /// <summary>A filter left no candidate.</summary>
    NoEligibleRep = 1,

    /// <summary>No rep is active (or the roster is empty).</summary>
    NoActiveRep = 2,

    /// <summary>
    /// No rule matched and the lead lacks a usable value for a field the rules need: no two-letter country code, or no
    /// postal code (region) while its country has postal-prefix (region) rules.
    /// </summary>
    MissingTerritory = 3,

    /// <summary>No territory rule covers the lead among the remaining candidates.</summary>
    NoTerritoryMatch = 4,

    /// <summary>Every remaining candidate is at their open-lead or daily cap.</summary>
    AllAtCapacity = 5,

    /// <summary>Every remaining candidate has weight 0, so the weighted selector may not pick any.</summary>
    NoPositiveWeight = 6,

    /// <summary>The lead's measured value is below the lowest band.</summary>
    BelowThreshold = 7,

    /// <summary>The lead has no value for the measure a threshold step reads (null, or a NaN score).</summary>
    MissingMeasure = 8,

    /// <summary>No remaining candidate has the skill the lead requires (see <c>AddSkills</c>).</summary>
    NoSkillMatch = 9,

    /// <summary>
    /// Every rep who could take the lead was in the route's exclusion list (e.g. they all rejected it): the pipeline's
    /// steps rule out every rep left, and would not rule out an excluded one. When reps left could take it once they are
    /// back or have room, the reason stays the one that says so (<see cref="NoActiveRep"/>, <see cref="AllAtCapacity"/>...).
    /// </summary>
    AllExcluded = 10,
}
