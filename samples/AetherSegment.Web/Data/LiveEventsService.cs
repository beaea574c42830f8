using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Events;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Data;

/// <summary>
/// Once the data set is ready, appends live behavioral events to the embedded store in the background (the synthetic
/// retailer's live stream), so the dashboard moves while the app runs. Off with <c>AetherSegment:Web:LiveEvents=false</c>.
/// Only the embedded store gets a stream: a web app pointed at a BigQuery warehouse never writes synthetic events into
/// it unasked (<c>aether events add --store bigquery</c> does, deliberately).
/// </summary>
internal sealed partial class LiveEventsService(
    IServiceProvider services,
    DataReadiness readiness,
    IOptions<WebOptions> options,
    ILogger<LiveEventsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WebOptions web = options.Value;
        IDataAppender? appender = services.GetService<IDataAppender>();
        if (!web.LiveEvents || appender is not DuckDBDataAppender)
        {
            return;
        }

        try
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            IDataStore store = services.GetRequiredService<IDataStore>();
            LiveEventGenerator generator = services.GetRequiredService<LiveEventGenerator>();
            (_, IReadOnlyList<string> customers) = await LiveEventGenerator.ReadFeedStateAsync(store, 256, stoppingToken).ConfigureAwait(false);
            if (customers.Count == 0)
            {
                return;
            }

            LogStarting(logger, web.LiveEventsPerInterval, web.LiveEventsInterval.TotalSeconds);
            LiveEventOptions live = new() { Interval = web.LiveEventsInterval, EventsPerInterval = web.LiveEventsPerInterval };
            long appended = await generator.RunAsync(appender, customers, live, stoppingToken).ConfigureAwait(false);
            LogStopped(logger, appended);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DataStoreException or AetherSegmentInputException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream: {Events} behavioral events every {Seconds} s")]
    private static partial void LogStarting(ILogger logger, int events, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live event stream stopped after {Events} events")]
    private static partial void LogStopped(ILogger logger, long events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live event stream stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
