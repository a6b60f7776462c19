using System.ComponentModel.DataAnnotations;

namespace LeadRouting.Engine.Hosting;

/// <summary>
/// One route of a <c>TerritoryBranch</c> step, as data: leads in <see cref="Territory"/> go to the route's
/// <see cref="RoutingTargetOptions.Team"/> and/or <see cref="RoutingTargetOptions.Pipeline"/>; becomes a
/// <see cref="TerritoryRoute"/>.
/// </summary>
public sealed class TerritoryRouteOptions : RoutingTargetOptions
{
    /// <summary>The territory in the text form of <see cref="Engine.Territory.Parse"/> (<c>"DE"</c>, <c>"US-CA"</c>, <c>"GB:SW1"</c>); each at most once per step. Required; no default.</summary>
    [Required(ErrorMessage = "is required: \"DE\" (country), \"US-CA\" (region) or \"GB:SW1\" (postal prefix).")]
    public string Territory { get; set; } = string.Empty;
}
