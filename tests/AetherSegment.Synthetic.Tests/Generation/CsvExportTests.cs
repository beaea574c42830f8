using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;

namespace AetherSegment.Synthetic.Tests.Generation;

public sealed class CsvExportTests
{
    [Fact]
    public async Task Generate_IntoCsvFiles_WritesOneFilePerTableWithHeaderAndQuotedJson()
    {
        string folder = TestPaths.NewTempDirectory();
        GenerationSummary summary;
        await using (CsvDataSink sink = new(folder))
        {
            summary = await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 300, AsOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) });
        }

        Assert.Equal(7, Directory.GetFiles(folder, "*.csv").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
        foreach ((string table, long rows) in summary.Rows)
        {
            string[] lines = File.ReadAllLines(Path.Combine(folder, table + ".csv"));
            Assert.Equal(rows + 1, lines.Length);
        }

        string[] customers = File.ReadAllLines(Path.Combine(folder, "customers.csv"));
        Assert.Equal("customer_id,first_name,last_name,email,city,country,clv_score,acquisition_source,created_at", customers[0]);
        Assert.StartsWith("C0000001,", customers[1], StringComparison.Ordinal);

        string cart = File.ReadAllLines(Path.Combine(folder, "abandoned_carts.csv"))[1];
        string items = cart[(cart.IndexOf(",\"", StringComparison.Ordinal) + 2)..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(items).RootElement.ValueKind);
    }

    [Fact]
    public async Task AbandonedLoad_LeavesNoFiles()
    {
        string folder = TestPaths.NewTempDirectory();
        await using (CsvDataSink sink = new(folder))
        {
            ITableWriter writer = await sink.OpenTableAsync(AetherSegment.DataModel.DataSchema.GroundTruthUplift);
            writer.StartRow();
            writer.Write("C1");
            writer.Write("cart_reminder");
            writer.Write(0.1);
            writer.EndRow();
        }

        Assert.Empty(Directory.GetFiles(folder));
    }
}
