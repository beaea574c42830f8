using AetherSegment.Data;
using AetherSegment.Segments;
using AetherSegment.Web.Data;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Segments;

/// <summary>
/// Applies the stored-segment retention (<c>AetherSegment:Web:SegmentRetentionMaxAge</c> and <c>SegmentRetentionMaxCount</c>):
/// once the data is ready and then every <c>SegmentRetentionInterval</c>, deletes the segments (and member snapshots)
/// older than the age or beyond the newest count. Nothing runs when neither is set or the store keeps no retention.
/// </summary>
internal sealed partial class SegmentRetentionService(
    IServiceProvider services,
    DataReadiness readiness,
    IOptions<WebOptions> options,
    TimeProvider timeProvider,
    ILogger<SegmentRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WebOptions web = options.Value;
        ISegmentRetention? retention = services.GetService<ISegmentRetention>();
        if (retention is null || (web.SegmentRetentionMaxAge is null && web.SegmentRetentionMaxCount is null))
        {
            return;
        }

        try
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            using PeriodicTimer timer = new(web.SegmentRetentionInterval, timeProvider);
            do
            {
                await PruneOnceAsync(retention, web, stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PruneOnceAsync(ISegmentRetention retention, WebOptions web, CancellationToken cancellationToken)
    {
        DateTimeOffset? before = web.SegmentRetentionMaxAge is { } age ? timeProvider.GetUtcNow() - age : null;
        try
        {
            int deleted = await retention.PruneAsync(before, web.SegmentRetentionMaxCount, cancellationToken).ConfigureAwait(false);
            LogPruned(logger, deleted, web.SegmentRetentionMaxAge?.ToString() ?? "none", web.SegmentRetentionMaxCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        }
        catch (DataStoreException ex)
        {
            // A busy or locked store: the next tick tries again.
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment retention: deleted {Deleted} stored segments (max age {MaxAge}, max count {MaxCount})")]
    private static partial void LogPruned(ILogger logger, int deleted, string maxAge, string maxCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment retention could not run; next interval tries again: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
