using BenchmarkDotNet.Running;

// Full suite:  dotnet run -c Release --project benchmarks/LeadRouting.Engine.Benchmarks -- --filter '*'
// CI gate:     .ci/bench-alloc (the HotPath category in a short job; fails if any of them allocates)
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// A benchmark whose setup throws (e.g. the baseline no longer agrees with the engine) still leaves BenchmarkDotNet
// exiting 0; make it a failure so scripts notice.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
