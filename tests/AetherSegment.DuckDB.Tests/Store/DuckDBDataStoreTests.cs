using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Tests.Store;

public sealed class DuckDBDataStoreTests
{
    private static async Task<DuckDBDataStore> CreateStoreAsync()
    {
        DuckDBDataStore store = new(Path.Combine(TestPaths.NewTempDirectory(), "test.duckdb"));
        await using DuckDBConnection connection = await store.OpenOrCreateAsync();
        foreach (string ddl in DuckDBSchema.CreateAll())
        {
            await using DuckDBCommand create = connection.CreateCommand();
            create.CommandText = ddl;
            await create.ExecuteNonQueryAsync();
        }

        await using DuckDBCommand insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO customers VALUES
              ('C1', 'Ada', 'Lovelace', 'ada@example.com', 'London', 'United Kingdom', 0.91, 'referral', TIMESTAMP '2026-01-01 10:00:00'),
              ('C2', 'Bob', 'Builder', 'bob@example.com', 'Toronto', 'Canada', 0.35, 'social', TIMESTAMP '2026-06-01 10:00:00')
            """;
        await insert.ExecuteNonQueryAsync();
        return store;
    }

    [Fact]
    public async Task Query_BindsNamedParametersOfEveryType()
    {
        DuckDBDataStore store = await CreateStoreAsync();
        SqlStatement statement = new(
            "SELECT customer_id, clv_score, created_at FROM customers WHERE country = ANY($countries) AND clv_score >= $clv AND created_at < $before ORDER BY customer_id",
            [
                QueryParameter.StringArray("countries", ["United Kingdom", "Canada"]),
                QueryParameter.Float64("clv", 0.5),
                QueryParameter.Timestamp("before", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            ]);

        QueryResult result = await store.QueryAsync(statement);

        Assert.Equal(["customer_id", "clv_score", "created_at"], result.Columns);
        object?[] row = Assert.Single(result.Rows);
        Assert.Equal("C1", row[0]);
        Assert.Equal(0.91, (double)row[1]!, 9);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), row[2]);
    }

    [Fact]
    public async Task Query_HostileValueIsOnlyEverAParameter()
    {
        DuckDBDataStore store = await CreateStoreAsync();
        SqlStatement statement = new("SELECT count(*) FROM customers WHERE city = $city",
            [QueryParameter.String("city", "'; DROP TABLE customers; --")]);

        Assert.Equal(0L, (await store.QueryAsync(statement)).Scalar());
        Assert.Equal(2L, (await store.QueryAsync(new SqlStatement("SELECT count(*) FROM customers"))).Scalar());
    }

    [Fact]
    public async Task Query_MissingDatabase_SaysHowToCreateOne()
    {
        DuckDBDataStore store = new(Path.Combine(TestPaths.NewTempDirectory(), "missing.duckdb"));

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => store.QueryAsync(new SqlStatement("SELECT 1")));

        Assert.Contains("aether generate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_YieldsRowsInOrder()
    {
        DuckDBDataStore store = await CreateStoreAsync();
        List<string> ids = [];
        await foreach (object?[] row in store.StreamAsync(new SqlStatement("SELECT customer_id FROM customers ORDER BY customer_id DESC")))
        {
            ids.Add((string)row[0]!);
        }

        Assert.Equal(["C2", "C1"], ids);
    }

    [Fact]
    public async Task DataEpoch_OnlyForASoleWriter_KeptWhileOnlySoleWritersWithoutDataWritesTouchTheFile()
    {
        DuckDBDataStore created = await CreateStoreAsync();
        string path = created.DatabasePath;
        created.Dispose();

        // The setting off: no epoch, no stamp left.
        using (DuckDBDataStore plain = new(path))
        {
            await plain.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM customers"));
            Assert.Null(plain.DataEpoch);
        }

        Assert.False(File.Exists(path + ".aether-stamp"));

        string first;
        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            first = sole.DataEpoch!;
            await sole.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM customers"));
        }

        // A sole writer that writes no customer data (a segment table here) keeps the epoch for the next one.
        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            Assert.Equal(first, sole.DataEpoch);
            await using DuckDBConnection connection = await sole.OpenAsync();
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE segment_notes AS SELECT 1 AS n";
            await command.ExecuteNonQueryAsync();
        }

        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            Assert.Equal(first, sole.DataEpoch);
            // Customer data written in this process: no epoch from now on, and a new one for the next process.
            sole.NoteDataWritten();
            Assert.Null(sole.DataEpoch);
        }

        string second;
        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            second = sole.DataEpoch!;
            Assert.NotEqual(first, second);
            await sole.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM customers"));
        }

        // Any other writer changes the file's stamp: the next sole writer starts a new epoch.
        using (DuckDBDataStore other = new(path))
        {
            await using DuckDBConnection connection = await other.OpenAsync();
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE customers SET clv_score = 0.5 WHERE customer_id = 'C1'";
            await command.ExecuteNonQueryAsync();
        }

        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            Assert.NotNull(sole.DataEpoch);
            Assert.NotEqual(second, sole.DataEpoch);
        }
    }

    [Fact]
    public async Task DataEpoch_SharedByTheProcessesStoresOnOneFile_ADataWriteThroughEitherEndsItForBoth()
    {
        DuckDBDataStore created = await CreateStoreAsync();
        string path = created.DatabasePath;
        created.Dispose();
        string first;
        using (DuckDBDataStore sole = new(path, soleWriterProcess: true))
        {
            first = sole.DataEpoch!;
        }

        DuckDBDataStore reader = new(path, soleWriterProcess: true);
        DuckDBDataStore writer = new(path, soleWriterProcess: true);
        Assert.Equal(first, reader.DataEpoch);
        Assert.Equal(first, writer.DataEpoch);
        writer.NoteDataWritten();
        Assert.Null(reader.DataEpoch);

        // The stamp is left when the last of them closes, with a new epoch.
        writer.Dispose();
        string leftWhileOpen = await File.ReadAllTextAsync(path + ".aether-stamp");
        Assert.Contains(first, leftWhileOpen, StringComparison.Ordinal);
        reader.Dispose();
        Assert.DoesNotContain(first, await File.ReadAllTextAsync(path + ".aether-stamp"), StringComparison.Ordinal);
        using DuckDBDataStore next = new(path, soleWriterProcess: true);
        Assert.NotEqual(first, next.DataEpoch);
    }
}
