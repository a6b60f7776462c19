using System.ComponentModel.DataAnnotations;
using LeadRouting.Engine.Hosting.Internal;

namespace LeadRouting.Engine.Hosting;

/// <summary>One sales rep, as data; becomes a <see cref="Rep"/>.</summary>
public sealed class RepOptions
{
    /// <summary>The rep's unique identifier. Required; no default.</summary>
    [Required(ErrorMessage = "is required: every rep needs a unique Id.")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Name shown in reports. Default <see langword="null"/>, meaning <see cref="Id"/>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Share of leads for the <c>Weighted</c> selector. Default <c>1</c>; <c>0</c> means never picked by it; at most <see cref="Rep.MaxWeight"/>.</summary>
    [Range(0, Rep.MaxWeight)]
    public int Weight { get; set; } = 1;

    /// <summary>Most leads the rep may hold open at once. Default <see langword="null"/> (no cap); <c>0</c> means the rep receives nothing.</summary>
    [NonNegative]
    public int? MaxOpenLeads { get; set; }

    /// <summary>Most leads the rep may receive per day (midnight in <see cref="LeadRoutingOptions.DayBoundaryTimeZone"/>). Default <see langword="null"/> (no cap).</summary>
    [NonNegative]
    public int? MaxLeadsPerDay { get; set; }

    /// <summary>
    /// Territories the rep covers, for the <c>Territory</c> filter, in the text form of <see cref="Territory.Parse"/>:
    /// <c>"DE"</c> (country), <c>"US-CA"</c> (region), <c>"GB:SW1"</c> (postal prefix). Default: none.
    /// </summary>
    public IList<string> Territories { get; } = [];

    /// <summary>Skills (languages, products) the rep has. Default: none.</summary>
    public IList<string> Skills { get; } = [];

    /// <summary>
    /// Whether the rep receives leads. Default <see langword="true"/>. On a reload, a changed value is applied; an
    /// unchanged one leaves the flag set at run time by <see cref="ILeadRouter.SetActive"/> alone.
    /// </summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Seniority level (host-defined scale). Default <c>0</c>.</summary>
    public int Seniority { get; set; }
}
