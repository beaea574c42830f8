using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Checks;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;

namespace AetherSegment.DuckDB.Tests.Loading;

public sealed class DuckDBDataSinkTests
{
    [Fact]
    public async Task Generate_IntoDuckDB_LoadsAllSevenTablesWithTheSummaryCounts()
    {
        (DuckDBDataStore store, GenerationSummary summary) = await GeneratedDatabase.CreateAsync(1_000);

        foreach (TableDefinition table in DataSchema.AllTables)
        {
            Assert.Equal(summary.Rows[table.Name], await store.ScalarAsync($"SELECT COUNT(*) FROM {table.Name}"));
        }

        Assert.Equal(8_000, await store.ScalarAsync("SELECT COUNT(*) FROM ground_truth_uplift"));
        Assert.Equal(1, await store.ScalarAsync("SELECT COUNT(*) FROM customers WHERE customer_id = 'C0000001'"));
        Assert.True(await store.ScalarAsync("SELECT COUNT(*) FROM abandoned_carts WHERE json_array_length(items) = item_count") > 0);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(store.DatabasePath)!, ".*loading*"));
    }

    [Fact]
    public async Task Generate_SameSeedAndAsOf_GivesIdenticalDatabases()
    {
        (DuckDBDataStore first, _) = await GeneratedDatabase.CreateAsync(500, seed: 3);
        (DuckDBDataStore second, _) = await GeneratedDatabase.CreateAsync(500, seed: 3);
        string fingerprint = "SELECT SUM(hash(customer_id, event_type, event_timestamp, category, product_type, session_id, device)) FROM behavioral_events";

        Assert.Equal(await first.ScalarAsync(fingerprint), await second.ScalarAsync(fingerprint));
        Assert.Equal(await first.ScalarAsync("SELECT SUM(order_value) FROM transactions"), await second.ScalarAsync("SELECT SUM(order_value) FROM transactions"));
    }

    [Fact]
    public async Task Create_ExistingDatabaseWithoutReplace_SaysToPassForce_AndKeepsTheFile()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(50);
        long size = new FileInfo(store.DatabasePath).Length;

        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(async () =>
            await new DuckDBDataSinkFactory(store.DatabasePath).CreateAsync(replaceExisting: false));

        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal(size, new FileInfo(store.DatabasePath).Length);
    }

    [Fact]
    public async Task Load_AbandonedBeforeCompletion_LeavesTheOldDatabaseAndNoTemporaryFiles()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(50);
        string folder = Path.GetDirectoryName(store.DatabasePath)!;

        await using (IDataSink sink = await new DuckDBDataSinkFactory(store.DatabasePath).CreateAsync(replaceExisting: true))
        {
            ITableWriter writer = await sink.OpenTableAsync(DataSchema.GroundTruthUplift);
            writer.StartRow();
            writer.Write("C9");
            writer.Write("cart_reminder");
            writer.Write(0.5);
            writer.EndRow();
        }

        Assert.Equal(50, await store.ScalarAsync("SELECT COUNT(*) FROM customers"));
        Assert.Equal([store.DatabasePath], Directory.GetFiles(folder).Where(f => !f.EndsWith(".wal", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Load_WithReplace_SwapsInTheNewDataSet()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(50);

        await using (IDataSink sink = await new DuckDBDataSinkFactory(store.DatabasePath).CreateAsync(replaceExisting: true))
        {
            await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 70, AsOf = GeneratedDatabase.AsOf });
        }

        Assert.Equal(70, await store.ScalarAsync("SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public async Task Create_InAMissingFolder_IsBadInputNamingThePath()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "no-such-folder", "x.duckdb");

        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(async () =>
            await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: false));

        Assert.Contains("no-such-folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataCheck_OnAGeneratedDatabase_Passes_AndFailsOnAForeignCountry()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(3_000);

        DataCheckReport report = await new DataChecker().CheckAsync(store);
        Assert.True(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
        Assert.Equal(["row_counts", "countries", "cities", "categories", "price_ranges", "cart_recency", "campaign_balance"], report.Checks.Select(c => c.Name));
        Assert.InRange(report.Checks.Single(c => c.Name == "cart_recency").Observed["share_within_7_days"], 0.62, 0.78);

        await AppendSqlAsync(store, "UPDATE customers SET country = 'France', city = 'Paris' WHERE customer_id < 'C0000300'");
        DataCheckReport broken = await new DataChecker().CheckAsync(store);
        Assert.False(broken.Passed);
        Assert.Contains("Paris", broken.Checks.Single(c => c.Name == "cities").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CausalResponse_InDuckDB_TreatmentBeatsControl_MostWhereTheTriggersSensitivityIsHigh()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(20_000);

        // Discount offers: split by the (noisy) discount_sensitivity score, as a marketer could.
        const string Sql = """
            SELECT AVG(CASE WHEN h."group" = 'treatment' THEN h.converted::INT END) - AVG(CASE WHEN h."group" = 'control' THEN h.converted::INT END)
            FROM campaign_history h JOIN customer_scores s USING (customer_id)
            WHERE h.trigger_type = 'personalized_discount_offer' AND s.discount_sensitivity {0}
            """;
        double high = await store.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, ">= 0.6"));
        double low = await store.ScalarAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, "< 0.4"));
        double overall = await store.ScalarAsync("""
            SELECT AVG(CASE WHEN "group" = 'treatment' THEN converted::INT END) - AVG(CASE WHEN "group" = 'control' THEN converted::INT END) FROM campaign_history
            """);

        Assert.True(overall > 0.02, $"average treatment effect {overall:F3}");
        Assert.True(high > low + 0.03, $"effect among discount-sensitive {high:F3} vs insensitive {low:F3}");
    }

    private static async Task AppendSqlAsync(DuckDBDataStore store, string sql)
    {
        await using global::DuckDB.NET.Data.DuckDBConnection connection = await store.OpenAsync();
        await using global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
