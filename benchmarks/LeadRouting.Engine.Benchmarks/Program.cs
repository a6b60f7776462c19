using BenchmarkDotNet.Running;

// Full suite:  dotnet run -c Release --project benchmarks/LeadRouting.Engine.Benchmarks -- --filter '*'
// CI gate:     .ci/bench-alloc (the HotPath category in a short job; fails if any of them allocates)
// Paired:      -- --paired [reps ...] [--seconds N]  (engine, baseline and floor in alternation; see PairedRatio)
if (args.Length > 0 && args[0] == "--paired")
{
    return LeadRouting.Engine.Benchmarks.PairedRatio.Run(args[1..]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A benchmark whose setup throws (e.g. the baseline no longer agrees with the engine) still leaves BenchmarkDotNet
// exiting 0; make it a failure so scripts notice.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
