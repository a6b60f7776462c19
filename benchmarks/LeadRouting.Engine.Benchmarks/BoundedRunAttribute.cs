using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace LeadRouting.Engine.Benchmarks;

/// <summary>
/// Bounds how many routes one benchmark process makes, for benchmarks whose counters never come back down: routes
/// without a release (open leads) and daily caps (a release does not give back a day's slot). Engines bound a rep's
/// counters (<c>Rep.MaxCap</c>, 2^24 − 1, in newer ones), so an unbounded run of a 15 ns route would overflow them. Each
/// iteration makes <see cref="InvocationCount"/> routes and a run at most <see cref="MaxWarmupCount"/> +
/// <see cref="MaxIterationCount"/> + 1 (the memory diagnoser's) iterations: ≤ 21.5 million routes, of which the busiest
/// rep of any benchmark here takes at most a ninth, well under <see cref="BenchmarkWorkload.UnreachedCap"/>. Applied on
/// top of whichever job runs (the default one; the CI gate's short one then does 3 + 3 iterations of this size).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoundedRunAttribute : JobMutatorConfigBaseAttribute
{
    /// <summary>Routes per iteration (about 8 ms at 15 ns): a multiple of the default unroll factor, 16.</summary>
    public const int InvocationCount = 1 << 19;

    /// <summary>The most measured iterations of the default job (it stops earlier once the mean is stable).</summary>
    public const int MaxIterationCount = 30;

    /// <summary>The most warm-up iterations of the default job.</summary>
    public const int MaxWarmupCount = 10;

    public BoundedRunAttribute()
        : base(Job.Default
            .WithInvocationCount(InvocationCount)
            .WithMaxIterationCount(MaxIterationCount)
            .WithMaxWarmupCount(MaxWarmupCount))
    {
    }
}
