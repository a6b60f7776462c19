namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// Categories the CI allocation gate selects by (<c>--anyCategories HotPath</c>): every benchmark of a route belongs to
/// <see cref="HotPath"/>; the hand-written baseline and the rebuild allocate by nature and stay out of it.
/// </summary>
internal static class BenchmarkCategories
{
    /// <summary>A route through the engine: must allocate 0 B.</summary>
    public const string HotPath = "HotPath";

    /// <summary>The straightforward LINQ version of the same pipeline, the ratio's denominator.</summary>
    public const string Baseline = "Baseline";

    /// <summary>The same decisions by code written only for speed for one configuration: the measured floor.</summary>
    public const string Floor = "Floor";

    /// <summary>Building a roster or a snapshot: off the hot path, allocates by design.</summary>
    public const string Rebuild = "Rebuild";
}
