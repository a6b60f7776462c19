using System.ComponentModel.DataAnnotations;

namespace LeadRouting.Engine.Hosting;

/// <summary>One team, as data; becomes a <see cref="Team"/>.</summary>
public sealed class TeamOptions
{
    /// <summary>The team's unique identifier. Required; no default.</summary>
    [Required(ErrorMessage = "is required: every team needs a unique Id.")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Name shown in reports. Default <see langword="null"/>, meaning <see cref="Id"/>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Ids of the team's reps, each a rep of <see cref="LeadRoutingOptions.Reps"/>, each at most once. Default: none.</summary>
    public IList<string> Members { get; } = [];
}
