using System.Globalization;
using System.IO.Compression;
using System.Text;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>`aether uplift score` on files: the streaming pipeline (CSV, CSV.gz, Parquet), ids carried through, and bad input.</summary>
public sealed class UpliftScoreFileTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using StringWriter stdout = new(), stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A model trained on Hillstrom's Womens vs No E-Mail rows (categorical history_segment, zip_code, channel).</summary>
    private static async Task<string> TrainHillstrom(string dir)
    {
        string model = Path.Combine(dir, "hillstrom.json");
        (int exit, _, string error) = await Run("uplift", "train", "--train", TestPaths.Hillstrom, "--treatment-column", "segment", "--treatment", "Womens E-Mail",
            "--control", "No E-Mail", "--outcome", "visit", "--exclude", "conversion,spend", "--save", model);
        Assert.True(exit == 0, error);
        return model;
    }


    [Fact]
    public async Task Score_HillstromInSmallChunks_EqualsInProcessPredictBitForBitAndCarriesQuotedIds()
    {
        string dir = TestPaths.NewTempDirectory();
        string modelPath = await TrainHillstrom(dir);
        string output = Path.Combine(dir, "scores.csv");

        (int exit, _, string error) = await Run("uplift", "score", "--model", modelPath, "--data", TestPaths.Hillstrom, "--out", output, "--id", "history_segment,segment", "--chunk-rows", "1000");

        Assert.True(exit == 0, error);
        IUpliftModel model = UpliftModelFile.Load(modelPath);
        UpliftDataset rows = UpliftCsv.Read(TestPaths.Hillstrom);
        double[] expected = model.Predict(rows, 0);
        List<string[]> records = [.. UpliftCsv.ReadRecords(output)];
        Assert.Equal(["history_segment", "segment", "uplift"], records[0]);
        Assert.Equal(expected.Length + 1, records.Count);
        List<string[]> input = [.. UpliftCsv.ReadRecords(TestPaths.Hillstrom)];
        int segment = Array.IndexOf(input[0], "history_segment");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], double.Parse(records[i + 1][2], CultureInfo.InvariantCulture));
            Assert.Equal(input[i + 1][segment], records[i + 1][0]);
        }

        Assert.Contains(records, r => r[0] == "6) $750 - $1,000");
    }

    [Fact]
    public async Task Score_CsvGzAndParquetBothWays_GiveTheCsvScores()
    {
        string dir = TestPaths.NewTempDirectory();
        string modelPath = await TrainHillstrom(dir);
        string csv = Path.Combine(dir, "hillstrom.csv"), parquet = Path.Combine(dir, "hillstrom.parquet");
        await using (GZipStream gz = new(File.OpenRead(TestPaths.Hillstrom), CompressionMode.Decompress))
        await using (FileStream plain = File.Create(csv))
        {
            await gz.CopyToAsync(plain);
        }

        // A Parquet file written by another engine (DuckDB), with an id column added.
        using (DuckDBConnection connection = new("DataSource=:memory:"))
        {
            connection.Open();
            using DuckDBCommand copy = connection.CreateCommand();
            copy.CommandText = $"COPY (SELECT row_number() OVER () - 1 AS id, * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT parquet, ROW_GROUP_SIZE 10000)";
            copy.ExecuteNonQuery();
        }

        string fromCsv = Path.Combine(dir, "a.csv"), fromGz = Path.Combine(dir, "b.csv"), fromParquet = Path.Combine(dir, "c.csv"), toParquet = Path.Combine(dir, "d.parquet");
        Assert.Equal(0, (await Run("uplift", "score", "--model", modelPath, "--data", csv, "--out", fromCsv)).Exit);
        Assert.Equal(0, (await Run("uplift", "score", "--model", modelPath, "--data", TestPaths.Hillstrom, "--out", fromGz)).Exit);
        (int exit, _, string error) = await Run("uplift", "score", "--model", modelPath, "--data", parquet, "--out", fromParquet, "--id", "id");
        Assert.True(exit == 0, error);
        (exit, _, error) = await Run("uplift", "score", "--model", modelPath, "--data", csv, "--out", toParquet, "--id", "segment", "--chunk-rows", "5000");
        Assert.True(exit == 0, error);

        string[] expected = [.. File.ReadLines(fromCsv).Skip(1)];
        Assert.Equal(64_000, expected.Length);
        Assert.Equal(expected, File.ReadLines(fromGz).Skip(1));
        string[] parquetScores = [.. File.ReadLines(fromParquet).Skip(1)];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal($"{i},{expected[i]}", parquetScores[i]);
        }

        await using ParquetReader reader = await ParquetReader.CreateAsync(toParquet);
        DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal(["segment", "uplift"], fields.Select(f => f.Name));
        List<double> written = [];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            double[] values = new double[group.RowCount];
            await group.ReadAsync<double>(fields[1], values.AsMemory());
            written.AddRange(values);
        }

        Assert.Equal(expected.Select(s => double.Parse(s, CultureInfo.InvariantCulture)), written);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "missing-column", "id,arm,score,tenure\n1,mail,3,4\n", "no column 'region'" },
        { "non-numeric", "id,region,score,tenure\n1,north,3,4\n2,south,lots,5\n", "row 2 (line 3), column 'score': 'lots' is not a number" },
        { "ragged", "id,region,score,tenure\n1,north,3,4\n2,south,4\n", "row 2 (line 3): 3 fields where the header has 4" },
        { "empty", string.Empty, "row 1: the file is empty" },
        { "truncated-gz", "truncated", "row " },
        { "old-model", "model", "format_version 0" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Score_BadInput_ExitTwoWithRowAndColumnAndLeavesNoOutput(string kind, string content, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string modelPath = Path.Combine(dir, "model.json");
        StringBuilder train = new("id,arm,region,score,tenure,y\n");
        Random random = new(5);
        for (int i = 0; i < 2000; i++)
        {
            bool treated = random.Next(2) == 1;
            int region = random.Next(2);
            train.Append(CultureInfo.InvariantCulture, $"{i},{(treated ? "mail" : "none")},{(region == 0 ? "north" : "south")},{random.Next(100)},{random.Next(60)},{(random.NextDouble() < 0.2 + (treated && region == 0 ? 0.2 : 0) ? 1 : 0)}\n");
        }

        string trainPath = Path.Combine(dir, "train.csv");
        File.WriteAllText(trainPath, train.ToString());
        (int trained, _, string trainError) = await Run("uplift", "train", "--train", trainPath, "--treatment-column", "arm", "--treatment", "mail", "--control", "none", "--outcome", "y", "--exclude", "id", "--save", modelPath);
        Assert.True(trained == 0, trainError);

        string data = Path.Combine(dir, "data.csv");
        switch (kind)
        {
            case "truncated-gz":
                data += ".gz";
                using (MemoryStream buffer = new())
                {
                    using (GZipStream gz = new(buffer, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gz.Write(Encoding.UTF8.GetBytes(train.ToString()));
                    }

                    File.WriteAllBytes(data, buffer.ToArray()[..(int)(buffer.Length / 2)]);
                }

                break;
            case "old-model":
                File.WriteAllText(data, train.ToString());
                File.WriteAllText(modelPath, "{\"format\":\"aether-uplift-model\",\"format_version\":0}");
                break;
            default:
                File.WriteAllText(data, content);
                break;
        }

        string output = Path.Combine(dir, "out", "scores.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        (int exit, string stdout, string error) = await Run("uplift", "score", "--model", modelPath, "--data", data, "--out", output, "--id", "id", "--chunk-rows", "100");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }
}
