using AetherSegment.Allocation;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.BigQuery.Tests.Uplift;
using AetherSegment.Data;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.BigQuery.Tests.Allocation;

/// <summary>
/// The allocation compiled to SQL over the compiled uplift models assigns every row the trigger the in-process plan
/// assigns, in DuckDB and in GoogleSQL (the BigQuery provider against the DuckDB-backed fake, and an independent grammar).
/// </summary>
public sealed class AllocationSqlTests
{
    [Fact]
    public async Task AssignmentSql_OverTheUpliftSql_EqualsTheInProcessPlan_InDuckDBAndGoogleSql()
    {
        string csv = Path.Combine(TestPaths.NewTempDirectory(), "hillstrom_test.csv");
        List<string[]> rows = ExactSqlScoringTests.WriteTestRows(csv);
        UpliftDataset data = UpliftCsv.Read(csv);
        UpliftTrainingSet train = UpliftTrainingSet.FromTable(data, "segment", ["Womens E-Mail", "Mens E-Mail"], "No E-Mail", "visit", ["conversion", "spend", "row_id"]);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner, new UpliftModelOptions { Seed = 3 });
        model.Fit(train);

        // Three triggers over the two treatments' uplift, valued by the history column (dollars spent last year).
        TriggerOffer[] offers =
        [
            new("womens_discount", 0.01, true, 0.15, 0.45),
            new("mens_free_shipping", 0.02, false, 6, 0.45),
            new("womens_reminder", 0.002, false, 0, 0.4),
        ];
        int[] treatment = [0, 1, 0];
        double[][] uplift = [.. treatment.Select(t => model.Predict(data, t))];
        double[] value = [.. rows.Select(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))];
        AllocationProblem problem = new(offers, uplift, value);
        double unbounded = TriggerAllocator.Allocate(problem, new AllocationSettings()).Spend;
        AllocationPlan plan = TriggerAllocator.Allocate(problem, new AllocationSettings
        {
            Budget = unbounded * 0.3,
            MinimumProfitPerSend = 0.01,
            Caps = new Dictionary<string, double> { ["womens_reminder"] = 0.05 },
        });
        Assert.True(plan.Lambda > 0 && plan.Mu[2] > 0, "the budget and the cap bind");
        Assert.True(plan.Triggers.Count(t => t.Members > 0) >= 2, string.Join(", ", plan.Triggers.Select(t => $"{t.Trigger}: {t.Members}")));

        string Query(SqlDialect dialect) => AllocationSql.Query(dialect, plan, offers,
            [.. treatment.Select(t => UpliftSql.Compile(model, dialect, t, "t."))], "t." + dialect.Quote("history"), "t." + dialect.Quote("row_id"), "t") + " ORDER BY customer_id";

        // DuckDB.
        using DuckDBConnection duck = new("DataSource=:memory:");
        duck.Open();
        using (DuckDBCommand load = duck.CreateCommand())
        {
            load.CommandText = ExactSqlScoringTests.LoadSql(csv);
            load.ExecuteNonQuery();
        }

        List<object?[]> duckRows = [];
        using (DuckDBCommand command = duck.CreateCommand())
        {
            command.CommandText = Query(SqlDialect.DuckDB);
            using System.Data.Common.DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                duckRows.Add([reader.GetInt64(0), reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetString(2)]);
            }
        }

        AssertSame(plan, offers, uplift, value, duckRows, "DuckDB");

        // GoogleSQL through the provider and the fake BigQuery.
        using DuckDbBigQuery warehouse = new();
        warehouse.Execute(ExactSqlScoringTests.LoadSql(csv));
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
        string googleSql = Query(SqlDialect.BigQuery);
        QueryResult result = await provider.GetRequiredService<IDataStore>().QueryAsync(new SqlStatement(googleSql, []));
        AssertSame(plan, offers, uplift, value, [.. result.Rows.Select(r => new object?[] { Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture), r[1], r[2] })], "GoogleSQL");
        await ExactSqlScoringTests.AssertParsesAsGoogleSqlAsync(googleSql);
    }

    private static void AssertSame(AllocationPlan plan, TriggerOffer[] offers, double[][] uplift, double[] value, List<object?[]> rows, string where)
    {
        Assert.Equal(plan.Assignment.Length, rows.Count);
        int different = 0;
        double profit = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal((long)i, rows[i][0]);
            Assert.Equal(value[i], (double)rows[i][1]!);
            int t = rows[i][2] is string id ? Array.FindIndex(offers, o => o.Id == id) : -1;
            different += t == plan.Assignment[i] ? 0 : 1;
            profit += t >= 0 ? offers[t].Profit(uplift[t][i], value[i]) : 0;
        }

        Assert.True(different == 0, $"{different} of {rows.Count} rows assigned differently in {where}");
        Assert.True(Math.Abs(profit - plan.Profit.Value) <= 1e-9 * Math.Max(1, Math.Abs(plan.Profit.Value)), $"{where}: profit {profit} vs {plan.Profit.Value}");
    }
}
