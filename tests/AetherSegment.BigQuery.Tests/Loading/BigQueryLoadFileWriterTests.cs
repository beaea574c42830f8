using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Loading;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Tests.Loading;

public sealed class BigQueryLoadFileWriterTests
{
    [Fact]
    public void Rows_AreOneJsonObjectPerLine_WithNonFiniteFloatsAsTheStringsBigQueryReads()
    {
        string path;
        using (BigQueryLoadFileWriter writer = new(DataSchema.CustomerScores))
        {
            path = writer.Path;
            writer.StartRow();
            writer.Write("C1");
            writer.Write(double.NaN);
            writer.Write(double.PositiveInfinity);
            writer.Write(double.NegativeInfinity);
            writer.Write(0.25);
            writer.Write(true);
            writer.Write(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
            writer.EndRow();
            writer.Close();

            string[] lines = File.ReadAllLines(path);
            JsonNode row = JsonNode.Parse(Assert.Single(lines))!;
            Assert.Equal("NaN", row["discount_sensitivity"]!.GetValue<string>());
            Assert.Equal("Infinity", row["free_shipping_sensitivity"]!.GetValue<string>());
            Assert.Equal("-Infinity", row["churn_probability"]!.GetValue<string>());
            Assert.Equal(0.25, row["content_engagement"]!.GetValue<double>());
            Assert.True(row["exclusivity_seeker"]!.GetValue<bool>());
            Assert.Equal("2026-11-01 00:00:00.000000+00:00", row["scored_at"]!.GetValue<string>());
            Assert.Equal(new FileInfo(path).Length, writer.Length);
            Assert.Equal(1, writer.RowCount);
        }

        Assert.False(File.Exists(path), "disposing the writer deletes its temporary file");
    }

    [Fact]
    public void ShortRow_IsRefusedNamingTheTable()
    {
        using BigQueryLoadFileWriter writer = new(DataSchema.CustomerScores);
        writer.StartRow();
        writer.Write("C1");

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(writer.EndRow);

        Assert.Contains("customer_scores needs 7 values (got 1)", error.Message, StringComparison.Ordinal);
    }
}
