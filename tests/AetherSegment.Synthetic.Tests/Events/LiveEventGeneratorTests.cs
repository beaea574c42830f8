using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Events;
using Microsoft.Extensions.Time.Testing;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Tests.Events;

public sealed class LiveEventGeneratorTests
{
    private static readonly string[] Customers = ["C0000001", "C0000002", "C0000003", "C0000004"];

    [Fact]
    public void Generate_SpreadsEventsAfterTheLastEventUpToNow_InTimeOrder()
    {
        DateTimeOffset from = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset to = from.AddHours(6);

        IReadOnlyList<BehavioralEvent> events = new LiveEventGenerator().Generate(500, Customers, from, to, seed: 1);

        Assert.Equal(500, events.Count);
        Assert.All(events, e => Assert.InRange(e.Timestamp, from.AddSeconds(1), to));
        Assert.Equal(events.OrderBy(e => e.Timestamp).Select(e => e.EventId), events.Select(e => e.EventId));
        Assert.Equal(500, events.Select(e => e.EventId).Distinct().Count());
        Assert.Subset(Customers.ToHashSet(), events.Select(e => e.CustomerId).ToHashSet());
        Assert.Subset(RetailCatalog.EventTypes.ToHashSet(), events.Select(e => e.EventType).ToHashSet());
        Assert.True(events.Count(e => e.EventType == "product_view") > events.Count(e => e.EventType == "checkout_start"));
        Assert.True(events.Select(e => e.SessionId).Distinct().Count() < 400, "events come in sessions");
        Assert.True(events.Select(e => e.Timestamp).Distinct().Count() > 100, "events are spread over the interval");
    }

    [Fact]
    public void Generate_MarksOneStartPerSession_OnOneCustomerAndDevice()
    {
        DateTimeOffset from = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        IReadOnlyList<BehavioralEvent> events = new LiveEventGenerator().Generate(500, Customers, from, from.AddHours(6), seed: 3);

        List<IGrouping<string, BehavioralEvent>> sessions = [.. events.GroupBy(e => e.SessionId)];
        Assert.True(sessions.Count > 20, "too few sessions to test");
        Assert.All(sessions, s => Assert.Single(s, e => e.SessionStart));
        Assert.All(sessions, s => Assert.Single(s.Select(e => (e.CustomerId, e.Device)).Distinct()));
    }

    [Fact]
    public void Generate_NoCustomers_IsBadInput()
    {
        Assert.Throws<AetherSegmentInputException>(() => new LiveEventGenerator().Generate(10, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 1));
    }

    [Fact]
    public async Task StreamAsync_YieldsABatchEachIntervalOfTheInjectedClock()
    {
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        DateTimeOffset start = clock.GetUtcNow();
        LiveEventOptions options = new() { Interval = TimeSpan.FromSeconds(10), EventsPerInterval = 15 };
        using CancellationTokenSource cts = new();
        await using IAsyncEnumerator<BehavioralEvent> stream = new LiveEventGenerator(clock).StreamAsync(Customers, options, cts.Token).GetAsyncEnumerator();
        List<BehavioralEvent> received = [];

        for (int interval = 1; interval <= 3; interval++)
        {
            // The first MoveNext of an interval waits on the injected clock until it is advanced.
            ValueTask<bool> next = stream.MoveNextAsync();
            Assert.False(next.IsCompleted);
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.True(await next);
            received.Add(stream.Current);
            for (int i = 1; i < 15; i++)
            {
                Assert.True(await stream.MoveNextAsync());
                received.Add(stream.Current);
            }

            DateTimeOffset intervalStart = start.AddSeconds(10 * (interval - 1));
            Assert.All(received.Skip(15 * (interval - 1)), e => Assert.InRange(e.Timestamp, intervalStart.AddSeconds(1), intervalStart.AddSeconds(10)));
        }

        ValueTask<bool> pending = stream.MoveNextAsync();
        await cts.CancelAsync();
        Assert.False(await pending);
        Assert.Equal(45, received.Count);
    }

    [Fact]
    public async Task RunAsync_AppendsEachIntervalThroughTheStoresWriter()
    {
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        List<int> batches = [];
        RecordingAppender appender = new((table, count) =>
        {
            Assert.Equal(DataSchema.BehavioralEvents, table);
            lock (batches)
            {
                batches.Add(count);
            }
        });
        using CancellationTokenSource cts = new();
        Task<long> run = new LiveEventGenerator(clock).RunAsync(appender, Customers, new LiveEventOptions { Interval = TimeSpan.FromSeconds(5), EventsPerInterval = 8 }, cts.Token);

        for (int i = 0; i < 500 && BatchCount(batches) < 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10);
        }

        await cts.CancelAsync();
        long appended = await run;

        Assert.True(batches.Count >= 2);
        Assert.All(batches, count => Assert.Equal(8, count));
        Assert.Equal(batches.Sum(), appended);
    }

    private static int BatchCount(List<int> batches)
    {
        lock (batches)
        {
            return batches.Count;
        }
    }

    private sealed class RecordingAppender(Action<TableDefinition, int> onAppend) : IDataAppender
    {
        public Task<long> AppendAsync<TRow>(TableDefinition table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
            where TRow : IDataRow
        {
            onAppend(table, rows.Count);
            return Task.FromResult((long)rows.Count);
        }
    }
}
