using AetherSegment.DataModel;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Events;

namespace AetherSegment.DuckDB.Tests.Loading;

public sealed class DuckDBDataAppenderTests
{
    [Fact]
    public async Task Append_ConcurrentBatches_AllLand_WhileReadersQuery()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(200);
        double before = await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events");
        using DuckDBDataAppender appender = new(store);
        (DateTimeOffset? last, IReadOnlyList<string> customers) = await LiveEventGenerator.ReadFeedStateAsync(store, 50);
        LiveEventGenerator generator = new();

        Task<long>[] writers = [.. Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            appender.AppendAsync(DataSchema.BehavioralEvents, generator.Generate(100, customers, last!.Value, last.Value.AddHours(1), seed: i))))];
        Task<double>[] readers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.ScalarAsync("SELECT COUNT(*) FROM customers")))];

        long[] appended = await Task.WhenAll(writers);
        Assert.All(appended, count => Assert.Equal(100L, count));
        Assert.All(await Task.WhenAll(readers), count => Assert.Equal(200, count));
        Assert.Equal(before + 400, await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events"));
        Assert.Equal(50, customers.Count);
        Assert.Equal(400, await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events WHERE event_id LIKE 'L%'"));
        // Each live session lands with exactly one start row, as generated sessions have.
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM (SELECT session_id FROM behavioral_events GROUP BY 1 HAVING COUNT(CASE WHEN session_start THEN 1 END) <> 1)"));
    }

    [Fact]
    public async Task Append_ToEventsWrittenBeforeSessionStart_LeavesTheColumnOut()
    {
        (DuckDBDataStore store, _) = await GeneratedDatabase.CreateAsync(50);
        await using (global::DuckDB.NET.Data.DuckDBConnection connection = await store.OpenAsync())
        await using (global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand())
        {
            command.CommandText = "ALTER TABLE behavioral_events DROP COLUMN session_start";
            await command.ExecuteNonQueryAsync();
        }

        double before = await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events");
        using DuckDBDataAppender appender = new(store);
        (DateTimeOffset? last, IReadOnlyList<string> customers) = await LiveEventGenerator.ReadFeedStateAsync(store, 20);

        long appended = await appender.AppendAsync(DataSchema.BehavioralEvents, new LiveEventGenerator().Generate(60, customers, last!.Value, last.Value.AddHours(1), seed: 5));

        Assert.Equal(60L, appended);
        Assert.Equal(before + 60, await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events"));
        Assert.Equal(60, await store.ScalarAsync("SELECT COUNT(*) FROM behavioral_events WHERE event_id LIKE 'L%' AND device IS NOT NULL AND session_duration_seconds >= 0"));
        Assert.Equal(DataSchema.BehavioralEvents.Columns.Count - 1, await store.ScalarAsync("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'behavioral_events'"));
    }
}
