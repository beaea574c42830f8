using System.Diagnostics;
using System.Globalization;
using System.Text;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>The parallel learner (histograms, split search, gradient blocks) gives the same model at any thread count.</summary>
public sealed class UpliftTrainingDeterminismTests
{
    [Fact]
    public async Task Train_OneCoreAndAllCores_SaveTheSameModelByteForByte()
    {
        // 80,000 rows and 10 features: enough for every parallel path (row blocks of 32,768, split search from 8 features).
        string dir = TestPaths.NewTempDirectory();
        Random random = new(14);
        StringBuilder csv = new("arm,y," + string.Join(',', Enumerable.Range(0, 10).Select(j => $"x{j}")) + "\n");
        for (int i = 0; i < 80_000; i++)
        {
            bool treated = random.Next(2) == 1;
            double[] x = [.. Enumerable.Range(0, 10).Select(_ => Math.Round(random.NextDouble() * 10, 2))];
            double p = 0.1 + (x[0] / 40) + (treated && x[1] > 5 ? 0.15 : 0);
            csv.Append(treated ? "mail" : "none").Append(',').Append(random.NextDouble() < p ? '1' : '0');
            foreach (double v in x)
            {
                csv.Append(',').Append(v.ToString(CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        string data = Path.Combine(dir, "data.csv");
        await File.WriteAllTextAsync(data, csv.ToString());
        string[] saved = new string[2];
        for (int run = 0; run < 2; run++)
        {
            saved[run] = Path.Combine(dir, $"model{run}.json");
            ProcessStartInfo start = new("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "aether.dll"), "uplift", "train", "--train", data, "--treatment-column", "arm",
                    "--treatment", "mail", "--control", "none", "--outcome", "y", "--seed", "3", "--save", saved[run] },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (run == 0)
            {
                start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
            }

            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
        }

        Assert.Equal(File.ReadAllBytes(saved[0]), File.ReadAllBytes(saved[1]));
    }
}
