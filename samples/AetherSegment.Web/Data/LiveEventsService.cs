using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Synthetic.Events;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AetherSegment.Web.Data;

/// <summary>
/// Once the data set is ready, appends live behavioral events to the embedded store in the background (the synthetic
/// retailer's live stream), so the dashboard moves while the app runs. Off with <c>AetherSegment:Web:LiveEvents=false</c>.
/// Only the embedded store gets a stream: a web app pointed at a BigQuery warehouse never writes synthetic events into
/// it unasked (<c>aether events add --store bigquery</c> does, deliberately). The events are the demo retailer's, so the
/// stream is off (state <c>disabled</c>, with the reason) for any other profile.
/// </summary>
/// <remarks>
/// A failed write (typically another process, such as an <c>aether</c> command, holding the DuckDB file lock) is retried
/// with capped exponential backoff and jitter (Polly), for as long as it takes; the state, the last error and the next
/// attempt are in <see cref="LiveStreamStatus"/>, which the health endpoint reports.
/// </remarks>
internal sealed partial class LiveEventsService(
    IServiceProvider services,
    DataReadiness readiness,
    LiveStreamStatus status,
    IOptions<WebOptions> options,
    TimeProvider timeProvider,
    BusinessProfile profile,
    ILogger<LiveEventsService> logger) : BackgroundService
{
    private const int Seed = 42;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WebOptions web = options.Value;
        IDataAppender? appender = services.GetService<IDataAppender>();
        if (!web.LiveEvents || appender is not DuckDBDataAppender)
        {
            return;
        }

        if (profile.Name != HomeFurnishingProfile.Name)
        {
            status.Disabled($"The live event stream writes the demo profile's synthetic events only; it is off for the profile {profile.Name}.");
            LogOffForProfile(logger, profile.Name);
            return;
        }

        status.Starting();
        ResiliencePipeline retry = BuildRetry(web);
        try
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            IDataStore store = services.GetRequiredService<IDataStore>();
            LiveEventGenerator generator = services.GetRequiredService<LiveEventGenerator>();
            (_, IReadOnlyList<string> customers) = await retry.ExecuteAsync(
                async ct => await LiveEventGenerator.ReadFeedStateAsync(store, 256, ct).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
            if (customers.Count == 0)
            {
                status.Stopped("The data set has no customers to stream events for.");
                return;
            }

            LogStarting(logger, web.LiveEventsPerInterval, web.LiveEventsInterval.TotalSeconds);
            status.Running(0, null);
            long appended = 0;
            DateTimeOffset last = timeProvider.GetUtcNow();
            for (int tick = 0; ; tick++)
            {
                await Task.Delay(web.LiveEventsInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                DateTimeOffset now = timeProvider.GetUtcNow();
                IReadOnlyList<BehavioralEvent> batch = generator.Generate(web.LiveEventsPerInterval, customers, last, now, unchecked(Seed + tick));

                // The batch is appended whole or not at all (one appender commit); a failed attempt is retried with the
                // same batch, and the next batch starts where this one ended, so an outage leaves no gap and no duplicate.
                appended += await retry.ExecuteAsync(
                    async _ => await appender.AppendAsync(DataSchema.BehavioralEvents, batch, CancellationToken.None).ConfigureAwait(false),
                    stoppingToken).ConfigureAwait(false);
                last = now;
                if (status.Current.State == LiveStreamState.Retrying)
                {
                    LogRecovered(logger, status.Current.Attempt);
                }

                status.Running(appended, timeProvider.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Stopped("The host is stopping.");
            LogStopped(logger, status.Current.EventsAppended);
        }
        catch (AetherSegmentInputException ex)
        {
            status.Stopped(ex.Message);
            LogFailed(logger, ex.Message);
        }
    }

    private ResiliencePipeline BuildRetry(WebOptions web) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DataStoreException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = web.LiveEventsRetryDelay,
                MaxDelay = web.LiveEventsRetryMaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    string reason = Describe(args.Outcome.Exception);
                    status.Retrying(args.AttemptNumber + 1, reason, timeProvider.GetUtcNow() + args.RetryDelay);
                    LogRetrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, args.Outcome.Exception?.Message ?? reason);
                    return default;
                },
            })
            .Build();

    /// <summary>The error users see on the health endpoint: what went wrong, never the store's own text or paths.</summary>
    private static string Describe(Exception? exception) =>
        exception?.Message.Contains("in use by another process", StringComparison.Ordinal) == true
            ? "The database is locked by another process."
            : "The data store refused the write; the full error is in the log.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream: {Events} behavioral events every {Seconds} s")]
    private static partial void LogStarting(ILogger logger, int events, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream off: it writes the demo profile's synthetic events only, and the profile is {Profile}")]
    private static partial void LogOffForProfile(ILogger logger, string profile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream stopped after {Events} events")]
    private static partial void LogStopped(ILogger logger, long events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event stream: write attempt {Attempt} failed, retrying in {Seconds:F2} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream recovered after {Attempts} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event stream stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
