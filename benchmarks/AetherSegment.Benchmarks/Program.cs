using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Interpret*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
