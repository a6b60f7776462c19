namespace LeadRouting.Engine;

/// <summary>
/// A sales lead to be routed. Instances are created by the host (one per incoming lead) and never changed by the engine.
/// </summary>
/// <remarks>
/// Territory fields are normalised by the engine when it routes, so hosts can pass them as they arrive from a form or an
/// import: case and surrounding white space are ignored in <see cref="Country"/>; case, spaces, dashes and dots anywhere
/// in <see cref="Region"/> and <see cref="PostalCode"/>.
/// </remarks>
public sealed class Lead
{
    /// <summary>Creates a lead with the given identifier.</summary>
    /// <param name="id">The host's identifier of the lead; must not be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    public Lead(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The host's identifier of the lead.</summary>
    public string Id { get; }

    /// <summary>The lead score (e.g. 0–100 from a scoring model). Default <see langword="null"/>: not scored (so is <see cref="double.NaN"/>).</summary>
    public double? Score { get; init; }

    /// <summary>The expected deal value in the host's currency. Default <see langword="null"/>: unknown.</summary>
    public decimal? DealValue { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. <c>"DE"</c>. Default <see langword="null"/> (unknown).</summary>
    public string? Country { get; init; }

    /// <summary>Region / subdivision code within <see cref="Country"/>, e.g. <c>"CA"</c> or <c>"US-CA"</c>. Default <see langword="null"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Postal code, e.g. <c>"SW1A 1AA"</c>. Default <see langword="null"/>.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Industry of the lead's company. Default <see langword="null"/>.</summary>
    public string? Industry { get; init; }

    /// <summary>Number of employees of the lead's company. Default <see langword="null"/>: unknown.</summary>
    public int? CompanySize { get; init; }

    /// <summary>Where the lead came from (web form, import, partner...). Default <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>Preferred language, e.g. <c>"de"</c>. Default <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>The product the lead is interested in. Default <see langword="null"/>.</summary>
    public string? ProductInterest { get; init; }

    /// <summary>Free-form attributes. Default: empty; <see langword="null"/> (e.g. from a deserialiser) is read as empty.</summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => _attributes;
        init => _attributes = value ?? EmptyAttributes;
    }

    /// <summary>When the lead was received. Default <see cref="DateTimeOffset.MinValue"/> (unknown).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes =
        System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    private readonly IReadOnlyDictionary<string, string> _attributes = EmptyAttributes;

    /// <inheritdoc />
    public override string ToString() => $"Lead {Id}";
}
