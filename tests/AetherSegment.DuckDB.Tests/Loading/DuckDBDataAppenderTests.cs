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
    }
}
