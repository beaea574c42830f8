using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// DuckDB counts the distinct values of a taxonomy level per group with a bit mask of each value's position
/// (<see cref="SqlDialect.CountDistinctFew"/>): the same count as <c>COUNT(DISTINCT ...)</c> for every group, with more
/// than 64 distinct values (the ones past the 64th counted apart), with NULLs (never counted) and for a group of NULLs
/// only (0); and "customers who bought from at least N different categories" answers what the plain form answers.
/// </summary>
public sealed class DistinctFewSqlTests
{
    [Fact]
    public async Task CountDistinctFew_EqualsCountDistinct_PastSixtyFourValuesAndWithNulls()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "few.duckdb");
        await using DuckDBConnection connection = new($"DataSource={path}");
        await connection.OpenAsync();
        // 300 groups; values from a pool of 90 (so positions past 64 occur), a NULL in every 7th row, one group of NULLs only.
        await ExecuteAsync(connection, """
            CREATE TABLE lines AS
            SELECT (i % 300)::INT AS g, CASE WHEN i % 7 = 0 OR i % 300 = 299 THEN NULL ELSE 'v' || lpad(((i * 37) % ((i % 300) / 3 + 1))::VARCHAR, 2, '0') END AS level
            FROM range(0, 100000) r(i)
            """);
        string few = SqlDialect.DuckDB.CountDistinctFew("t.level", "lines", "t");
        string sql = $"SELECT t.g, COUNT(DISTINCT t.level) AS plain, {few} AS few FROM lines AS t GROUP BY t.g ORDER BY t.g";
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        int groups = 0;
        long widest = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                groups++;
                long plain = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                Assert.Equal(plain, Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
                widest = Math.Max(widest, plain);
            }
        }

        Assert.Equal(300, groups);
        Assert.True(widest > 64, $"the widest group has {widest} distinct values; the test needs more than 64");
        command.CommandText = "SELECT COUNT(DISTINCT level) FROM lines";
        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 64);
    }

    [Theory]
    [InlineData("how many customers have bought from at least 3 different categories?", "category", ">= 3")]
    [InlineData("customers who bought from more than 2 different categories", "category", "> 2")]
    [InlineData("how many customers bought at least 4 different product types", "product_type", ">= 4")]
    public async Task DistinctLevelsPerCustomer_AnswersWhatCountDistinctAnswers(string question, string column, string comparison)
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(300, seed: 35);
        using (store)
        {
            SemanticLayer layer = new(HomeFurnishingProfile.Load());
            AnalyticsQuery query = QuestionParser.Parse(question, layer).Query ?? throw new InvalidOperationException($"\"{question}\" was not read");
            AetherSegmentOptions thresholds = new() { HighValueThreshold = 0.7, LowValueThreshold = 0.4, ChurnRiskThreshold = 0.6 };
            CompiledQuery compiled = AnalyticsCompiler.Compile(query, layer, SqlDialect.DuckDB, thresholds, null, 1000, out string? reason)
                ?? throw new InvalidOperationException($"\"{question}\" was not compiled: {reason}");
            Assert.Contains("bit_count", compiled.Statement.Sql, StringComparison.Ordinal);
            QueryResult answer = await store.QueryAsync(compiled.Statement);
            QueryResult truth = await store.QueryAsync(new SqlStatement(
                $"SELECT COUNT(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING COUNT(DISTINCT {column}) {comparison})"));
            Assert.Equal(Convert.ToInt64(truth.Scalar(), CultureInfo.InvariantCulture), Convert.ToInt64(answer.Scalar(), CultureInfo.InvariantCulture));
        }
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
