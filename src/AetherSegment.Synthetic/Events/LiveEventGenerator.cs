using System.Globalization;
using System.Runtime.CompilerServices;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Generation;

namespace AetherSegment.Synthetic.Events;

/// <summary>
/// Produces new behavioral events for existing customers with the same browsing patterns as the bulk generator
/// (sessions that start with a page view, search or product view, then product views in favourite categories, wishlist
/// adds, stock checks, room planner and AR use, add to cart and checkout starts): a batch between two instants
/// (<c>aether events add</c>), or an endless stream paced by the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>Thread-safe: each call works on its own state.</remarks>
public sealed class LiveEventGenerator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the generator.</summary>
    /// <param name="timeProvider">The clock of the live stream; the system clock when null.</param>
    public LiveEventGenerator(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Generates <paramref name="count"/> events spread over (<paramref name="from"/>, <paramref name="to"/>], in time order.</summary>
    /// <param name="count">How many events, at least 1.</param>
    /// <param name="customerIds">The customers who browse (at least one).</param>
    /// <param name="from">The instant after which events start (the last existing event).</param>
    /// <param name="to">The last instant an event may have (now).</param>
    /// <param name="seed">The seed of the draws; the same inputs give the same events.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="AetherSegmentInputException">The count is below 1 or there are no customers.</exception>
    public IReadOnlyList<BehavioralEvent> Generate(int count, IReadOnlyList<string> customerIds, DateTimeOffset from, DateTimeOffset to, int seed)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (count < 1)
        {
            throw new AetherSegmentInputException("count", $"count must be at least 1 (got {count}).");
        }

        if (customerIds.Count == 0)
        {
            throw new AetherSegmentInputException("customers", "There are no customers to generate events for; run `aether generate` first.");
        }

        long start = CustomerSimulator.ToSeconds(from.UtcDateTime);
        long end = Math.Max(start + 1, CustomerSimulator.ToSeconds(to.UtcDateTime));
        SyntheticRandom random = new(seed, start ^ (end << 20));
        List<EventDraft> drafts = new(count + 16);
        List<int> owners = new(count + 16);
        CustomerState customer = new();
        int session = 0;
        while (drafts.Count < count)
        {
            int owner = random.Next(customerIds.Count);
            DrawTastes(ref random, customer);
            long sessionStart = start + 1 + random.NextInt64(end - start);
            int before = drafts.Count;
            SessionSimulator.Browse(ref random, customer, sessionStart, session++, count - drafts.Count, drafts);
            for (int i = before; i < drafts.Count; i++)
            {
                owners.Add(owner);
            }
        }

        BehavioralEvent[] events = new BehavioralEvent[drafts.Count];
        string batch = string.Create(CultureInfo.InvariantCulture, $"{start:x}{random.NextUInt64() & 0xFFFFFF:x6}");
        for (int i = 0; i < drafts.Count; i++)
        {
            EventDraft d = drafts[i];
            long at = Math.Clamp(d.At, start + 1, end);
            events[i] = new BehavioralEvent(
                string.Create(CultureInfo.InvariantCulture, $"L{batch}-{i:D5}"),
                customerIds[owners[i]],
                SyntheticVocabulary.EventTypes[d.Type],
                new DateTimeOffset(CustomerSimulator.ToDateTime(at)),
                d.Category >= 0 ? SyntheticVocabulary.Categories[d.Category].Name : null,
                d.ProductType >= 0 ? SyntheticVocabulary.ProductTypes[d.Category][d.ProductType].Name : null,
                string.Create(CultureInfo.InvariantCulture, $"L{batch}-S{d.Session:D4}"),
                d.DurationSeconds,
                SyntheticVocabulary.Devices[d.Device])
            {
                // A session's events are drafted together, its first one first; the batch is sorted by time only below.
                SessionStart = i == 0 || drafts[i - 1].Session != d.Session,
            };
        }

        Array.Sort(events, static (a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return events;
    }

    /// <summary>
    /// Reads what a live feed needs from an existing data set: the last event's timestamp and a sample of customer ids.
    /// </summary>
    /// <param name="store">The store holding the data set.</param>
    /// <param name="maxCustomers">How many customers to sample, at least 1.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The last event's timestamp (null when there are no events) and the sampled customer ids.</returns>
    /// <exception cref="DataStoreException">The store is unavailable.</exception>
    public static async Task<(DateTimeOffset? LastEvent, IReadOnlyList<string> CustomerIds)> ReadFeedStateAsync(IDataStore store, int maxCustomers = 256,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        int limit = Math.Max(1, maxCustomers);
        QueryResult last = await store.QueryAsync(new SqlStatement("SELECT MAX(event_timestamp) FROM behavioral_events"), cancellationToken).ConfigureAwait(false);
        string sample = store.Dialect.SampleColumn("customers", "customer_id", limit, 42);
        QueryResult customers = await store.QueryAsync(new SqlStatement(sample), cancellationToken).ConfigureAwait(false);
        string[] ids = new string[customers.Rows.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = (string)customers.Rows[i][0]!;
        }

        Array.Sort(ids, StringComparer.Ordinal);
        return (last.Scalar() as DateTimeOffset?, ids);
    }

    /// <summary>
    /// An endless stream of new events: every <see cref="LiveEventOptions.Interval"/> of the injected clock, a batch
    /// spread over the interval just elapsed. Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="customerIds">The customers who browse (at least one).</param>
    /// <param name="options">The pacing; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<BehavioralEvent> StreamAsync(IReadOnlyList<string> customerIds, LiveEventOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (IReadOnlyList<BehavioralEvent> batch in StreamBatchesAsync(customerIds, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (BehavioralEvent e in batch)
            {
                yield return e;
            }
        }
    }

    /// <summary>
    /// Runs the live stream in the background of a host: every interval, appends the new events through
    /// <paramref name="appender"/> (the store's single writer) in one commit. Returns when cancelled.
    /// </summary>
    /// <param name="appender">The store's appender.</param>
    /// <param name="customerIds">The customers who browse.</param>
    /// <param name="options">The pacing; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the feed.</param>
    /// <returns>The number of events appended.</returns>
    public async Task<long> RunAsync(IDataAppender appender, IReadOnlyList<string> customerIds, LiveEventOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appender);
        long appended = 0;
        await foreach (IReadOnlyList<BehavioralEvent> batch in StreamBatchesAsync(customerIds, options, cancellationToken).ConfigureAwait(false))
        {
            appended += await appender.AppendAsync(DataSchema.BehavioralEvents, batch, CancellationToken.None).ConfigureAwait(false);
        }

        return appended;
    }

    private async IAsyncEnumerable<IReadOnlyList<BehavioralEvent>> StreamBatchesAsync(IReadOnlyList<string> customerIds, LiveEventOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        options ??= new LiveEventOptions();
        if (options.Interval <= TimeSpan.Zero || options.EventsPerInterval < 1)
        {
            throw new AetherSegmentInputException("interval", "The live stream needs a positive interval and at least one event per interval.");
        }

        DateTimeOffset last = _timeProvider.GetUtcNow();
        for (int tick = 0; ; tick++)
        {
            try
            {
                await Task.Delay(options.Interval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            yield return Generate(options.EventsPerInterval, customerIds, last, now, unchecked(options.Seed + tick));
            last = now;
        }
    }

    private static void DrawTastes(ref SyntheticRandom random, CustomerState c)
    {
        c.Clv = random.NextKumaraswamy(1.8, 2.6);
        c.Discount = random.NextKumaraswamy(2.0, 2.0);
        c.Exclusivity = random.NextKumaraswamy(1.6, 2.6);
        c.Content = random.NextKumaraswamy(2.0, 2.5);
        c.Device = random.NextWeighted([0.5, 0.8, 1.0]);
        c.FavouriteCategories[0] = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        c.FavouriteCategories[1] = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        c.FavouriteCategories[2] = random.NextWeighted(SyntheticVocabulary.CategoryCumulative);
        c.FavouriteCumulative[0] = 0.6;
        c.FavouriteCumulative[1] = 0.9;
        c.FavouriteCumulative[2] = 1.0;
    }
}
