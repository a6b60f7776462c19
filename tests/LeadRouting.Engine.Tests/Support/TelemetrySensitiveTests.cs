namespace LeadRouting.Engine.Tests.Support;

/// <summary>
/// Tests that count allocated bytes, and tests that attach telemetry listeners (whose callbacks run on any routing
/// thread and allocate), must never run at the same time: this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetrySensitiveTests
{
    public const string Name = "Allocation and telemetry";
}
