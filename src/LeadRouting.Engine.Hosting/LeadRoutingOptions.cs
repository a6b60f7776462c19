using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using LeadRouting.Engine.Hosting.Internal;

namespace LeadRouting.Engine.Hosting;

/// <summary>
/// A whole routing configuration as data: the reps, the teams, the day boundary of daily caps and the pipeline. Bound
/// from configuration (usually the <c>"LeadRouting"</c> section of <c>appsettings.json</c>) by
/// <c>AddLeadRouting</c>, validated at start-up and on every reload.
/// </summary>
public sealed class LeadRoutingOptions
{
    /// <summary>The configuration section <c>AddLeadRouting()</c> reads when it is given none: <c>"LeadRouting"</c>.</summary>
    public const string DefaultSectionName = "LeadRouting";

    /// <summary>
    /// The time zone whose midnight resets the per-day caps, as an IANA (<c>"Europe/Berlin"</c>) or Windows
    /// (<c>"W. Europe Standard Time"</c>) id. Default <c>"UTC"</c>. A reload that changes it moves the day boundary
    /// with the rest of the configuration.
    /// </summary>
    [Required(ErrorMessage = "is required: a time zone id such as \"UTC\" or \"Europe/Berlin\".")]
    public string DayBoundaryTimeZone { get; set; } = "UTC";

    /// <summary>The reps, in a stable order (the order breaks ties in rotation). Default: none; at least one is required.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = MinLengthOfList.Justification)]
    [MinLength(1, ErrorMessage = "needs at least one rep.")]
    public IList<RepOptions> Reps { get; } = [];

    /// <summary>The teams. Default: none.</summary>
    public IList<TeamOptions> Teams { get; } = [];

    /// <summary>The routing pipeline: its steps in order and its fallback. Default: an empty pipeline, which is invalid.</summary>
    [Required(ErrorMessage = "is required: the steps to route through.")]
    public PipelineOptions Pipeline { get; set; } = new();
}
