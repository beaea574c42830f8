using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.Data;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.BigQuery.Tests.Uplift;

/// <summary>
/// The compiled model SQL takes the same branch as the in-process scorer on every row: random trees whose thresholds sit
/// on and around the float roundings of the data's own values, scored over the Hillstrom test rows in process, in DuckDB
/// and in GoogleSQL (through the BigQuery provider against the DuckDB-backed fake, and parsed by an independent grammar).
/// </summary>
public sealed class ExactSqlScoringTests
{
    private static readonly string[] Numeric = ["recency", "history", "mens", "womens", "newbie"];
    private static readonly string[] Categorical = ["history_segment", "zip_code", "channel"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomTreesOverHillstromTestRows_SqlEqualsInProcessTo1e9_InDuckDBAndGoogleSql(int seed)
    {
        string dir = TestPaths.NewTempDirectory();
        string csv = Path.Combine(dir, "hillstrom_test.csv");
        List<string[]> rows = WriteTestRows(csv);
        UpliftDataset data = UpliftCsv.Read(csv);
        IUpliftModel model = RandomModel(data, rows, new Random(seed));
        double[] expected = model.Predict(data, 0);

        // DuckDB.
        using DuckDBConnection duck = new("DataSource=:memory:");
        duck.Open();
        Execute(duck, LoadSql(csv));
        string duckExpression = UpliftSql.Compile(model, SqlDialect.DuckDB, 0, "t.");
        double[] duckScores = ReadScores(duck, $"SELECT row_id, {duckExpression} AS uplift FROM t ORDER BY row_id", rows.Count);
        AssertEqual(expected, duckScores, "DuckDB");

        // GoogleSQL through the provider and the fake BigQuery.
        using DuckDbBigQuery warehouse = new();
        warehouse.Execute(LoadSql(csv));
        await using FakeBigQueryServer server = new(warehouse.Handle);
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            o.Dataset = "cdp";
            o.Endpoint = server.Endpoint;
            o.AccessToken = "test-token";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IDataStore store = provider.GetRequiredService<IDataStore>();
        string googleSql = $"SELECT row_id, {UpliftSql.Compile(model, SqlDialect.BigQuery, 0, "t.")} AS uplift FROM t ORDER BY row_id";
        QueryResult result = await store.QueryAsync(new SqlStatement(googleSql, []));
        Assert.Equal(rows.Count, result.Rows.Count);
        double[] bigQueryScores = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal((long)r, result.Rows[r][0]);
            bigQueryScores[r] = (double)result.Rows[r][1]!;
        }

        AssertEqual(expected, bigQueryScores, "GoogleSQL");
        await AssertParsesAsGoogleSqlAsync(googleSql);
    }

    [Fact]
    public void CrossFittedAverageOverHillstromTestRows_SqlEqualsInProcessTo1e9_InDuckDB()
    {
        // The ranker keeps the average of its two fold models (no refit): one plan of both models' terms, each halved.
        string dir = TestPaths.NewTempDirectory();
        string csv = Path.Combine(dir, "hillstrom_test.csv");
        List<string[]> rows = WriteTestRows(csv);
        UpliftDataset data = UpliftCsv.Read(csv);
        UpliftTrainingSet train = UpliftTrainingSet.FromTable(data, "segment", ["Mens E-Mail", "Womens E-Mail"], "No E-Mail", "visit", ["row_id", "conversion", "spend"]);
        AutoUpliftModel model = new(new UpliftModelOptions { Seed = 3 }, [new AutoUpliftModel.Candidate(UpliftModels.XLearner, false)], folds: 2, refit: false);
        model.Fit(train);
        Assert.Equal(2, model.Inner.AveragedFits);

        using DuckDBConnection duck = new("DataSource=:memory:");
        duck.Open();
        Execute(duck, LoadSql(csv));
        for (int k = 0; k < 2; k++)
        {
            double[] expected = model.Predict(data, k);
            double[] duckScores = ReadScores(duck, $"SELECT row_id, {UpliftSql.Compile(model, SqlDialect.DuckDB, k, "t.")} AS uplift FROM t ORDER BY row_id", rows.Count);
            AssertEqual(expected, duckScores, "DuckDB treatment " + k);
        }
    }

    [Fact]
    public void CompiledThreshold_IsTheLargestDoubleThatRoundsToTheScorersFloat()
    {
        // A tree threshold 173.67 is compared in process as (float)x <= 173.67f; the SQL must send x = 173.67000001
        // (whose float is 173.67f) left as well, and the next double above the literal right.
        IUpliftModel model = Stump(173.67);
        string sql = UpliftSql.Compile(model, SqlDialect.BigQuery, 0, "");
        string literal = sql[(sql.IndexOf("<= ", StringComparison.Ordinal) + 3)..].Split(' ')[0];
        double bound = double.Parse(literal, CultureInfo.InvariantCulture);
        Assert.True((float)bound <= 173.67f);
        Assert.True((float)Math.BitIncrement(bound) > 173.67f);
        Assert.True(173.67000001 <= bound);
    }

    private static IUpliftModel Stump(double threshold)
    {
        JsonObject file = ModelFile(["history"], [null], [Term(1.0, "Identity", [Tree([0, -1, -1], [threshold, 0, 0], [false, false, false], [null, null, null], [1, 0, 0], [2, 0, 0], [0, 1, 2])])]);
        return UpliftModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())), "stump");
    }

    internal static List<string[]> WriteTestRows(string path)
    {
        // The test half of Hillstrom: every second data row (32,000 rows), numbered.
        List<string[]> rows = [];
        using StreamWriter writer = new(path);
        int i = 0;
        foreach (string[] record in UpliftCsv.ReadRecords(TestPaths.Hillstrom))
        {
            if (i++ == 0)
            {
                writer.WriteLine(UpliftCsv.FormatRecord(["row_id", .. record]));
                continue;
            }

            if (i % 2 == 1)
            {
                string[] row = [rows.Count.ToString(CultureInfo.InvariantCulture), .. record];
                rows.Add(row);
                writer.WriteLine(UpliftCsv.FormatRecord(row));
            }
        }

        return rows;
    }

    internal static string LoadSql(string csv) =>
        $"CREATE TABLE t AS SELECT * FROM read_csv('{csv}', header = true, columns = {{'row_id': 'BIGINT', 'recency': 'BIGINT', 'history_segment': 'VARCHAR', " +
        "'history': 'DOUBLE', 'mens': 'BIGINT', 'womens': 'BIGINT', 'zip_code': 'VARCHAR', 'newbie': 'BIGINT', 'channel': 'VARCHAR', 'segment': 'VARCHAR', " +
        "'visit': 'BIGINT', 'conversion': 'BIGINT', 'spend': 'DOUBLE'})";

    /// <summary>Three terms (identity, sigmoid, sigmoid variance) of 12 random trees each, up to depth 5.</summary>
    private static IUpliftModel RandomModel(UpliftDataset data, List<string[]> rows, Random random)
    {
        string[] features = [.. Numeric, .. Categorical];
        List<string>?[] levels = [.. features.Select(f => data.GetLevels(data.IndexOf(f)) is { } l ? l.ToList() : null)];
        int[] header = [.. features.Select(f => Array.IndexOf(["row_id", "recency", "history_segment", "history", "mens", "womens", "zip_code", "newbie", "channel", "segment", "visit", "conversion", "spend"], f))];
        List<JsonObject> terms = [];
        foreach ((double coefficient, string link) in new[] { (1.0, "Identity"), (0.5, "Sigmoid"), (-0.25, "SigmoidVariance") })
        {
            List<JsonObject> trees = [];
            for (int t = 0; t < 12; t++)
            {
                trees.Add(RandomTree(random, features.Length, levels, rows, header));
            }

            terms.Add(Term(coefficient, link, trees));
        }

        JsonObject file = ModelFile(features, levels, terms);
        file["plans"]![0]!["intercept"] = random.NextDouble() - 0.5;
        return UpliftModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())), "random");
    }

    private static JsonObject RandomTree(Random random, int featureCount, List<string>?[] levels, List<string[]> rows, int[] header)
    {
        List<int> feature = [], left = [], right = [];
        List<double> threshold = [], value = [];
        List<bool> missingLeft = [];
        List<int[]?> categories = [];

        int Add(int depth)
        {
            int node = feature.Count;
            feature.Add(-1);
            threshold.Add(0);
            value.Add(Math.Round(random.NextDouble() - 0.5, 6) + (random.NextDouble() * 1e-7));
            missingLeft.Add(random.Next(2) == 0);
            categories.Add(null);
            left.Add(0);
            right.Add(0);
            if (depth == 5 || (depth > 1 && random.Next(4) == 0))
            {
                return node;
            }

            int f = random.Next(featureCount);
            feature[node] = f;
            if (levels[f] is { } names)
            {
                categories[node] = [.. Enumerable.Range(0, names.Count).Where(_ => random.Next(2) == 0)];
            }
            else
            {
                threshold[node] = Threshold(random, double.Parse(rows[random.Next(rows.Count)][header[f]], CultureInfo.InvariantCulture));
            }

            int l = Add(depth + 1);
            int r = Add(depth + 1);
            left[node] = l;
            right[node] = r;
            return node;
        }

        Add(0);
        return Tree([.. feature], [.. threshold], [.. missingLeft], [.. categories], [.. left], [.. right], [.. value]);
    }

    /// <summary>A threshold on or around a data value's float rounding, where a double comparison and a float one disagree.</summary>
    private static double Threshold(Random random, double v)
    {
        float f = (float)v;
        double next = MathF.BitIncrement(f);
        return random.Next(5) switch
        {
            0 => f,
            1 => v,
            2 => Math.BitIncrement((double)f),
            3 => ((double)f + next) / 2,
            _ => Math.BitDecrement((double)f),
        };
    }

    private static JsonObject Tree(int[] feature, double[] threshold, bool[] missingLeft, int[]?[] categories, int[] left, int[] right, double[] value) => new()
    {
        ["feature"] = JsonSerializer.SerializeToNode(feature),
        ["threshold"] = JsonSerializer.SerializeToNode(threshold),
        ["missing_left"] = JsonSerializer.SerializeToNode(missingLeft),
        ["left_categories"] = JsonSerializer.SerializeToNode(categories),
        ["left"] = JsonSerializer.SerializeToNode(left),
        ["right"] = JsonSerializer.SerializeToNode(right),
        ["value"] = JsonSerializer.SerializeToNode(value),
    };

    private static JsonObject Term(double coefficient, string link, List<JsonObject> trees) => new()
    {
        ["coefficient"] = coefficient,
        ["link"] = link,
        ["bias"] = 0.125,
        ["trees"] = new JsonArray([.. trees]),
    };

    private static JsonObject ModelFile(string[] features, List<string>?[] levels, List<JsonObject> terms) => new()
    {
        ["format"] = "aether-uplift-model",
        ["format_version"] = UpliftModelFile.FormatVersion,
        ["model"] = UpliftModels.TLearner,
        ["control"] = "No E-Mail",
        ["treatments"] = new JsonArray("Womens E-Mail"),
        ["features"] = new JsonArray([.. features.Select((f, i) => (JsonNode)new JsonObject { ["name"] = f, ["levels"] = JsonSerializer.SerializeToNode(levels[i]) })]),
        ["plans"] = new JsonArray(new JsonObject { ["intercept"] = 0.0, ["terms"] = new JsonArray([.. terms]) }),
    };

    private static void AssertEqual(double[] expected, double[] actual, string where)
    {
        int different = 0;
        string first = "";
        for (int r = 0; r < expected.Length; r++)
        {
            if (!(Math.Abs(expected[r] - actual[r]) <= 1e-9))
            {
                if (different++ == 0)
                {
                    first = $"row {r}: in process {expected[r]:R}, {where} {actual[r]:R}";
                }
            }
        }

        Assert.True(different == 0, $"{different} of {expected.Length} rows differ in {where}; first {first}");
    }

    private static double[] ReadScores(DuckDBConnection connection, string sql, int count)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        double[] scores = new double[count];
        int r = 0;
        while (reader.Read())
        {
            Assert.Equal(r, reader.GetInt64(0));
            scores[r++] = reader.GetDouble(1);
        }

        Assert.Equal(count, r);
        return scores;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static async Task AssertParsesAsGoogleSqlAsync(params string[] statements)
    {
        string tool = Path.Combine(TestPaths.RepositoryRoot, "tools", "googlesql-parse");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "node-sql-parser")), "Run `npm ci --prefix tools/googlesql-parse --no-audit --no-fund` first.");
        string input = Path.Combine(TestPaths.NewTempDirectory(), "statements.json");
        await File.WriteAllTextAsync(input, new JsonArray([.. statements.Select((s, i) => (JsonNode)new JsonObject { ["id"] = i, ["sql"] = s })]).ToJsonString());
        using Process process = Process.Start(new ProcessStartInfo("node", [Path.Combine(tool, "parse.mjs"), input]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await error);
    }
}
