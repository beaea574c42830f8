using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Events;
using Microsoft.Extensions.Time.Testing;

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
    public void Generate_NoCustomers_IsBadInput()
    {
        Assert.Throws<AetherSegmentInputException>(() => new LiveEventGenerator().Generate(10, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 1));
    }

    [Fact]
    public async Task StreamAsync_YieldsABatchEachIntervalOfTheInjectedClock()
    {
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        DateTimeOffset start = clock.GetUtcNow();
        LiveEventGenerator generator = new(clock);
        using CancellationTokenSource cts = new();
        LiveEventOptions options = new() { Interval = TimeSpan.FromSeconds(10), EventsPerInterval = 15 };
        List<BehavioralEvent> received = [];

        Task consume = Task.Run(async () =>
        {
            await foreach (BehavioralEvent e in generator.StreamAsync(Customers, options, cts.Token))
            {
                lock (received)
                {
                    received.Add(e);
                }
            }
        });
        for (int i = 0; i < 3; i++)
        {
            await WaitUntilAsync(() => clock.GetUtcNow() >= start && ReceivedCount(received) >= i * 15);
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        await WaitUntilAsync(() => ReceivedCount(received) >= 45);
        await cts.CancelAsync();
        await consume;

        Assert.Equal(45, received.Count);
        Assert.All(received, e => Assert.InRange(e.Timestamp, start.AddSeconds(1), start.AddSeconds(30)));
        Assert.Contains(received, e => e.Timestamp > start.AddSeconds(20));
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

        for (int i = 1; i <= 2; i++)
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromSeconds(5));
            await WaitUntilAsync(() => { lock (batches) { return batches.Count >= i; } });
        }

        await cts.CancelAsync();

        Assert.Equal(16, await run);
        Assert.Equal([8, 8], batches);
    }

    private static int ReceivedCount(List<BehavioralEvent> received)
    {
        lock (received)
        {
            return received.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting");
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
