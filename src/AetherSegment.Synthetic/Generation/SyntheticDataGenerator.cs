using System.Diagnostics;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// Generates the synthetic home-furnishing retailer (the six customer tables plus <c>ground_truth_uplift</c>) into any
/// <see cref="IDataSink"/>. Customers are generated one at a time and every row is streamed to the sink, so memory
/// does not grow with the customer count. The same seed and as-of time give identical rows.
/// </summary>
/// <remarks>Thread-safe: each call works on its own state.</remarks>
public sealed partial class SyntheticDataGenerator
{
    private const int FlushEvery = 2_048;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the generator.</summary>
    /// <param name="timeProvider">The clock for "now" when a request has no as-of time; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    public SyntheticDataGenerator(TimeProvider? timeProvider = null, ILogger<SyntheticDataGenerator>? logger = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The as-of time a request resolves to: its own, or now, truncated to whole seconds, in UTC.</summary>
    public DateTimeOffset ResolveAsOf(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateTime utc = (request.AsOf ?? _timeProvider.GetUtcNow()).UtcDateTime;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Generates the data set into <paramref name="sink"/> and completes the sink.</summary>
    /// <param name="sink">A fresh sink; the generator opens its tables, writes them and calls <see cref="IDataSink.CompleteAsync"/>.
    /// The caller still disposes it.</param>
    /// <param name="request">How many customers, the seed, the as-of time; the defaults when null.</param>
    /// <param name="progress">Receives progress about every 2,048 customers; may be null.</param>
    /// <param name="cancellationToken">Cancels the run; the sink is then left uncompleted (its load abandoned).</param>
    /// <returns>The row counts and the time taken.</returns>
    /// <exception cref="AetherSegmentInputException">The customer count is out of range.</exception>
    public async Task<GenerationSummary> GenerateAsync(IDataSink sink, GenerationRequest? request = null,
        IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        request ??= new GenerationRequest();
        if (request.Customers is < 1 or > 100_000_000)
        {
            throw new AetherSegmentInputException("customers", $"customers must be between 1 and 100000000 (got {request.Customers}).");
        }

        DateTimeOffset asOf = ResolveAsOf(request);
        using Activity? activity = PackageTelemetry.ActivitySource.StartActivity("synthetic.generate");
        activity?.SetTag("aethersegment.customers", request.Customers);
        long started = Stopwatch.GetTimestamp();
        LogStarting(_logger, request.Customers, request.Seed, asOf, sink.Destination);

        GenerationWriters writers = new(
            await sink.OpenTableAsync(DataSchema.Customers, cancellationToken).ConfigureAwait(false),
            await sink.OpenTableAsync(DataSchema.Transactions, cancellationToken).ConfigureAwait(false),
            await sink.OpenTableAsync(DataSchema.BehavioralEvents, cancellationToken).ConfigureAwait(false),
            await sink.OpenTableAsync(DataSchema.AbandonedCarts, cancellationToken).ConfigureAwait(false),
            await sink.OpenTableAsync(DataSchema.CampaignHistory, cancellationToken).ConfigureAwait(false),
            await sink.OpenTableAsync(DataSchema.CustomerScores, cancellationToken).ConfigureAwait(false),
            request.GroundTruth ? await sink.OpenTableAsync(DataSchema.GroundTruthUplift, cancellationToken).ConfigureAwait(false) : null);
        ITableWriter[] all = [.. writers.All];

        CustomerSimulator simulator = new(request.Seed, asOf.UtcDateTime, SyntheticCampaign.Plan(request.Seed, asOf.UtcDateTime));
        for (long i = 0; i < request.Customers; i++)
        {
            simulator.Write(i, writers);
            if ((i + 1) % FlushEvery == 0 || i + 1 == request.Customers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (ITableWriter writer in all)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                progress?.Report(new GenerationProgress(i + 1, request.Customers, SumRows(all)));
            }
        }

        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, long> rows = [];
        foreach (ITableWriter writer in all)
        {
            rows[writer.Table.Name] = writer.RowCount;
        }

        double seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3);
        long total = SumRows(all);
        LogCompleted(_logger, total, seconds);
        return new GenerationSummary(sink.Destination, request.Customers, request.Seed, asOf, rows, total, seconds);
    }

    private static long SumRows(ITableWriter[] writers)
    {
        long total = 0;
        foreach (ITableWriter writer in writers)
        {
            total += writer.RowCount;
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generating {Customers} customers (seed {Seed}, as of {AsOf}) into {Destination}")]
    private static partial void LogStarting(ILogger logger, long customers, int seed, DateTimeOffset asOf, string destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Rows} rows in {Seconds} s")]
    private static partial void LogCompleted(ILogger logger, long rows, double seconds);
}
