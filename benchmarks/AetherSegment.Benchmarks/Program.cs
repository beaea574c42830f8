using AetherSegment.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Interpret*'
// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- train-scale DATA.csv [MODEL]   (issue 14: one timed process)
if (args is ["train-scale", string path, ..])
{
    return UpliftTrainingScale.Run(path, args.Length > 2 ? args[2] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
