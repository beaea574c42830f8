using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AetherSegment.Uplift;
using nietras.SeparatedValues;

namespace AetherSegment.Benchmarks;

/// <summary>
/// The timed training-at-scale run of issue 14: the default uplift model fitted on the file written by
/// benchmarks/sklearn/scale_data.py (1,000,000 rows x 20 numeric features, known effect), as one process, so
/// `/usr/bin/time -v` sees the peak memory of the whole run. Prints one JSON line: fit wall and CPU seconds, the
/// correlation of the predicted with the true uplift, and a hash of the saved model (the same seed must give the same
/// hash at any thread count: run once with DOTNET_PROCESSOR_COUNT=1).
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- train-scale /tmp/scale1m.csv [MODEL]
/// </summary>
internal static class UpliftTrainingScale
{
    public static int Run(string path, string? modelName)
    {
        (UpliftTrainingSet train, float[] tau) = Read(path);
        IUpliftModel model = UpliftModels.Create(modelName, new UpliftModelOptions { Seed = 42 });
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Stopwatch wall = Stopwatch.StartNew();
        model.Fit(train);
        double fitWall = wall.Elapsed.TotalSeconds;
        double fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        double[] uplift = model.Predict(train.Features, 0);
        using MemoryStream saved = new();
        UpliftModelFile.Save(model, saved);
        string hash = Convert.ToHexString(SHA256.HashData(saved.ToArray()))[..16];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"model\":\"{model.Name}\",\"rows\":{train.RowCount},\"features\":{train.Features.ColumnCount},\"processors\":{Environment.ProcessorCount},\"fit_wall_seconds\":{fitWall:0.00},\"fit_cpu_seconds\":{fitCpu:0.00},\"corr_with_true_uplift\":{Correlation(uplift, tau):0.0000},\"model_sha256\":\"{hash}\",\"peak_working_set_mb\":{Process.GetCurrentProcess().PeakWorkingSet64 >> 20}}}"));
        return 0;
    }

    private static (UpliftTrainingSet Train, float[] Tau) Read(string path)
    {
        using SepReader reader = Sep.New(',').Reader().FromFile(path);
        string[] features = [.. reader.Header.ColNames.Where(n => n.StartsWith('x'))];
        int[] featureIndex = [.. features.Select(reader.Header.IndexOf)];
        int arm = reader.Header.IndexOf("arm"), y = reader.Header.IndexOf("y"), tauIndex = reader.Header.IndexOf("tau");
        List<float>[] columns = [.. features.Select(_ => new List<float>(1 << 20))];
        List<int> treatment = new(1 << 20);
        List<float> outcome = new(1 << 20), tau = new(1 << 20);
        foreach (SepReader.Row row in reader)
        {
            for (int j = 0; j < featureIndex.Length; j++)
            {
                columns[j].Add(row[featureIndex[j]].Parse<float>());
            }

            treatment.Add(row[arm].Span.SequenceEqual("treated") ? 1 : 0);
            outcome.Add(row[y].Parse<float>());
            tau.Add(row[tauIndex].Parse<float>());
        }

        UpliftDataset data = new(treatment.Count);
        for (int j = 0; j < features.Length; j++)
        {
            data.AddNumeric(features[j], [.. columns[j]]);
        }

        return (new UpliftTrainingSet(data, [.. treatment], [.. outcome], ["treated"], "control"), [.. tau]);
    }

    private static double Correlation(double[] a, float[] b)
    {
        double ma = a.Average(), mb = b.Average(x => (double)x), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
