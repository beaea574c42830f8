using AetherSegment.Uplift;
using BenchmarkDotNet.Attributes;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Uplift training on Hillstrom (Womens E-Mail vs No E-Mail, stratified 50/50 split, seed 1) and scoring 1,000,000
/// customers for 8 triggers (8 default models, 8M uplift values).
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*UpliftBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class UpliftBenchmarks
{
    private UpliftTrainingSet _train = null!;
    private IUpliftModel[] _models = [];
    private UpliftDataset _million = null!;
    private double[] _output = [];

    [Params(UpliftModels.TLearner)]
    public string Model { get; set; } = UpliftModels.TLearner;

    [GlobalSetup]
    public void Setup()
    {
        _train = HillstromTrain();
        _models = new IUpliftModel[8];
        for (int k = 0; k < _models.Length; k++)
        {
            _models[k] = UpliftModels.Create(Model, new UpliftModelOptions { Seed = k + 1 });
            _models[k].Fit(_train);
        }

        _million = Replicate(_train.Features, 1_000_000);
        _output = new double[_million.RowCount];
    }

    private TimeSpan _cpuAtStart;
    private long _wallAtStart;

    /// <summary>Wall-clock figures are unreliable while other builds share the two cores; CPU time is printed per iteration too.</summary>
    [IterationSetup]
    public void StartCpuClock()
    {
        _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _wallAtStart = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    [IterationCleanup]
    public void StopCpuClock()
    {
        TimeSpan cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        double wall = System.Diagnostics.Stopwatch.GetElapsedTime(_wallAtStart).TotalSeconds;
        Console.WriteLine($"// uplift-cpu: {cpu.TotalSeconds:F3} s CPU, {wall:F3} s wall");
    }

    [Benchmark]
    public IUpliftModel TrainHillstrom()
    {
        IUpliftModel model = UpliftModels.Create(Model);
        model.Fit(_train);
        return model;
    }

    [Benchmark]
    public double Score1MCustomers8Triggers()
    {
        double sum = 0;
        foreach (IUpliftModel model in _models)
        {
            model.Predict(_million, 0, _output);
            sum += _output[^1];
        }

        return sum;
    }

    internal static UpliftTrainingSet HillstromTrain()
    {
        UpliftDataset table = UpliftCsv.Read(HillstromPath());
        UpliftTrainingSet all = UpliftTrainingSet.FromTable(table, "segment", ["Womens E-Mail"], "No E-Mail", "visit", ["conversion", "spend"]);
        int[] strata = new int[all.RowCount];
        for (int i = 0; i < strata.Length; i++)
        {
            strata[i] = (2 * all.Treatment[i]) + (int)all.Outcome[i];
        }

        (int[] train, _) = UpliftSplit.Stratified(strata, 0.5, 1);
        int[] t = new int[train.Length];
        float[] y = new float[train.Length];
        for (int i = 0; i < train.Length; i++)
        {
            t[i] = all.Treatment[train[i]];
            y[i] = all.Outcome[train[i]];
        }

        return new UpliftTrainingSet(all.Features.SelectRows(train), t, y, all.TreatmentNames, all.ControlName);
    }

    internal static UpliftDataset Replicate(UpliftDataset source, int rows)
    {
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            index[i] = i % source.RowCount;
        }

        return source.SelectRows(index);
    }

    internal static string HillstromPath()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AetherSegment.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "data", "hillstrom", "hillstrom.csv.gz");
            }
        }

        throw new InvalidOperationException("AetherSegment.sln not found above " + AppContext.BaseDirectory);
    }
}
