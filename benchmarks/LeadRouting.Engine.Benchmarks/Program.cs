using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LeadRouting.Engine.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
