using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Uplift;

public sealed class UpliftCommandsTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using StringWriter stdout = new(), stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A CSV experiment with an id column, a categorical column, empty and NaN cells, and a treatment that helps "north" and high scores.</summary>
    private static string WriteExperiment(string folder, int rows, int seed)
    {
        Random random = new(seed);
        StringBuilder csv = new("id,arm,region,score,tenure,y\n");
        string[] regions = ["north", "south", "o'west"];
        for (int i = 0; i < rows; i++)
        {
            int region = random.Next(3);
            double u = random.NextDouble();
            string score = u < 0.05 ? string.Empty : u < 0.1 ? "NaN" : (random.NextDouble() * 100).ToString("0.###", CultureInfo.InvariantCulture);
            int tenure = random.Next(1, 60);
            bool treated = random.Next(2) == 1;
            double p = 0.15 + (tenure / 600.0) + (treated && region == 0 ? 0.2 : 0) + (treated && (score.Length == 0 || score == "NaN") ? 0.15 : 0);
            string regionText = random.NextDouble() < 0.03 ? string.Empty : regions[region];
            csv.Append(CultureInfo.InvariantCulture, $"{i},{(treated ? "mail" : "none")},\"{regionText}\",{score},{tenure},{(random.NextDouble() < p ? 1 : 0)}\n");
        }

        string path = Path.Combine(folder, $"experiment{seed}.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public async Task Evaluate_HillstromSplit_PrintsTheContractFieldsAndPredictions()
    {
        string dir = TestPaths.NewTempDirectory();
        string train = Path.Combine(dir, "train.csv"), test = Path.Combine(dir, "test.csv"), predictions = Path.Combine(dir, "p.csv");
        (int splitExit, _, string splitError) = await Run("uplift", "split", "--data", TestPaths.Hillstrom, "--treatment-column", "segment", "--outcome", "visit", "--seed", "3", "--train-out", train, "--test-out", test);
        Assert.True(splitExit == 0, splitError);

        (int exit, string output, string error) = await Run("uplift", "evaluate", "--train", train, "--test", test, "--treatment-column", "segment",
            "--treatment", "Womens E-Mail", "--control", "No E-Mail", "--outcome", "visit", "--exclude", "conversion,spend", "--model", "ct", "--predictions", predictions);

        Assert.True(exit == 0, error);
        JsonObject json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal("ct", (string?)json["model"]);
        Assert.Equal(21_347, (int)json["test_rows"]!);
        Assert.Equal(21_346, (int)json["train_rows"]!);
        Assert.True((double)json["qini_coefficient"]! > 0.03);
        foreach (string field in new[] { "auuc", "uplift_at_30pct", "train_seconds", "score_seconds" })
        {
            Assert.True(json.ContainsKey(field), field);
        }

        string[] lines = File.ReadAllLines(predictions);
        Assert.Equal("uplift", lines[0]);
        Assert.Equal(21_347 + 1, lines.Length);
    }

    [Theory]
    [InlineData("ensemble")]
    [InlineData("forest")]
    [InlineData("simulated")]
    public async Task Sql_OnDuckDB_EqualsInProcessScoringTo1e9(string model)
    {
        string dir = TestPaths.NewTempDirectory();
        string data = WriteExperiment(dir, 6_000, 11);
        string modelPath = Path.Combine(dir, "model.json"), scores = Path.Combine(dir, "scores.csv");
        (int trainExit, _, string trainError) = await Run("uplift", "train", "--train", data, "--treatment-column", "arm", "--treatment", "mail",
            "--control", "none", "--outcome", "y", "--exclude", "id", "--model", model, "--save", modelPath);
        Assert.True(trainExit == 0, trainError);
        (int scoreExit, _, string scoreError) = await Run("uplift", "score", "--model", modelPath, "--data", data, "--out", scores);
        Assert.True(scoreExit == 0, scoreError);
        (int sqlExit, string expression, string sqlError) = await Run("uplift", "sql", "--model", modelPath, "--dialect", "duckdb");
        Assert.True(sqlExit == 0, sqlError);

        using DuckDBConnection connection = new("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand load = connection.CreateCommand();
        load.CommandText = $"CREATE TABLE t AS SELECT * FROM read_csv('{data}', header = true, nullstr = '', columns = {{'id': 'BIGINT', 'arm': 'VARCHAR', 'region': 'VARCHAR', 'score': 'DOUBLE', 'tenure': 'BIGINT', 'y': 'BIGINT'}})";
        load.ExecuteNonQuery();
        using DuckDBCommand query = connection.CreateCommand();
        query.CommandText = $"SELECT id, {expression.Trim()} AS uplift FROM t ORDER BY id";
        using System.Data.Common.DbDataReader reader = query.ExecuteReader();
        string[] expected = File.ReadAllLines(scores);
        int rows = 0, nanRows = 0;
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            double sql = reader.GetDouble(1);
            double inProcess = double.Parse(expected[id + 1], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(sql - inProcess) <= 1e-9, $"row {id}: SQL {sql:R} vs in-process {inProcess:R}");
            rows++;
        }

        using DuckDBCommand nan = connection.CreateCommand();
        nan.CommandText = "SELECT count(*) FROM t WHERE isnan(score)";
        nanRows = Convert.ToInt32(nan.ExecuteScalar(), CultureInfo.InvariantCulture);
        Assert.Equal(6_000, rows);
        Assert.True(nanRows > 0, "the data exercises NaN routing");
    }

    [Theory]
    [InlineData("forest")]
    [InlineData("ensemble")]
    public async Task Train_SameSeedInTwoProcesses_SavesTheSameModel(string model)
    {
        // Per-process randomness (string hashing, HashCode) must not reach a model: the same --seed in two separate
        // `aether` processes gives the same file, byte for byte.
        string folder = TestPaths.NewTempDirectory();
        string data = WriteExperiment(folder, 3000, seed: 7);
        string[] saved = new string[2];
        for (int run = 0; run < 2; run++)
        {
            saved[run] = Path.Combine(folder, $"{model}{run}.json");
            using System.Diagnostics.Process process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "aether.dll"), "uplift", "train", "--train", data, "--treatment-column", "arm",
                    "--treatment", "mail", "--control", "none", "--outcome", "y", "--exclude", "id", "--model", model, "--seed", "11", "--save", saved[run] },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
        }

        Assert.Equal(File.ReadAllBytes(saved[0]), File.ReadAllBytes(saved[1]));
    }

    [Fact]
    public async Task Sql_BigQuery_PrintsOneGoogleSqlExpression()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = WriteExperiment(dir, 3_000, 12);
        string modelPath = Path.Combine(dir, "model.json");
        await Run("uplift", "train", "--train", data, "--treatment-column", "arm", "--treatment", "mail", "--control", "none", "--outcome", "y", "--exclude", "id", "--model", "tlearner", "--save", modelPath);

        (int exit, string expression, _) = await Run("uplift", "sql", "--model", modelPath, "--dialect", "bigquery");

        Assert.Equal(0, exit);
        Assert.Contains("EXP(-", expression, StringComparison.Ordinal);
        Assert.Contains("`score`", expression, StringComparison.Ordinal);
        Assert.DoesNotContain("isnan(", expression, StringComparison.Ordinal);
        Assert.Single(expression.Trim().Split('\n'));
    }

    [Fact]
    public async Task Score_KeepsInputOrderAndIgnoresUnusedColumns()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = WriteExperiment(dir, 3_000, 13);
        string modelPath = Path.Combine(dir, "model.json"), scores = Path.Combine(dir, "s.csv"), probe = Path.Combine(dir, "probe.csv");
        await Run("uplift", "train", "--train", data, "--treatment-column", "arm", "--treatment", "mail", "--control", "none", "--outcome", "y", "--exclude", "id", "--save", modelPath);
        File.WriteAllText(probe, "extra,tenure,score,region\nx,30,,north\ny,30,50,south\nz,30,50,north\n");

        (int exit, _, string error) = await Run("uplift", "score", "--model", modelPath, "--data", probe, "--out", scores);

        Assert.True(exit == 0, error);
        string[] lines = File.ReadAllLines(scores);
        Assert.Equal(4, lines.Length);
        double missingNorth = double.Parse(lines[1], CultureInfo.InvariantCulture), south = double.Parse(lines[2], CultureInfo.InvariantCulture), north = double.Parse(lines[3], CultureInfo.InvariantCulture);
        Assert.True(north > south, $"north {north} vs south {south}");
        Assert.True(missingNorth > south);
    }

    [Theory]
    [InlineData("--outcome", "visits", "'visits'")]
    [InlineData("--treatment", "letter", "'letter' never occurs")]
    [InlineData("--control", "nobody", "'nobody' never occurs")]
    public async Task Evaluate_BadArguments_ExitTwoWithOneLineNamingThem(string option, string value, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string data = WriteExperiment(dir, 500, 14);
        Dictionary<string, string> args = new() { ["--treatment-column"] = "arm", ["--treatment"] = "mail", ["--control"] = "none", ["--outcome"] = "y" };
        args[option] = value;
        List<string> argv = ["uplift", "evaluate", "--train", data, "--test", data];
        foreach ((string k, string v) in args)
        {
            argv.Add(k);
            argv.Add(v);
        }

        (int exit, string output, string error) = await Run([.. argv]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Score_ModelFileFromAnotherVersion_ExitTwo()
    {
        string dir = TestPaths.NewTempDirectory();
        string modelPath = Path.Combine(dir, "old.json");
        File.WriteAllText(modelPath, "{\"format\":\"aether-uplift-model\",\"format_version\":0}");

        (int exit, _, string error) = await Run("uplift", "score", "--model", modelPath, "--data", TestPaths.Hillstrom, "--out", Path.Combine(dir, "o.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("format_version 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SingleClassOutcome_ExitTwo()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "flat.csv");
        File.WriteAllText(data, "arm,y,x\nmail,0,1\nnone,0,2\nmail,0,3\n");

        (int exit, _, string error) = await Run("uplift", "train", "--train", data, "--treatment-column", "arm", "--treatment", "mail", "--control", "none", "--outcome", "y", "--save", Path.Combine(dir, "m.json"));

        Assert.Equal(2, exit);
        Assert.Contains("single class", error, StringComparison.Ordinal);
    }
}
