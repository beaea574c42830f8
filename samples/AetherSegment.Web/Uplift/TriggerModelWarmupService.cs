using System.Diagnostics;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Uplift;
using AetherSegment.Web.Data;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Uplift;

/// <summary>
/// Once the data set is ready, asks the trigger ranker to rank a small sample of customers, so its uplift models are
/// loaded (saved for this campaign history, e.g. beside the DuckDB file) or trained before the first marketer analyzes
/// an objective (the ranker keeps them until campaign_history changes). Bounded by
/// <c>AetherSegment:TriggerRanking:Timeout</c>; off with <c>AetherSegment:Web:WarmUpTriggerModels=false</c>.
/// </summary>
internal sealed partial class TriggerModelWarmupService(
    IServiceProvider services,
    DataReadiness readiness,
    IOptions<WebOptions> options,
    ILogger<TriggerModelWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ITriggerRanker? ranker = services.GetService<ITriggerRanker>();
        if (!options.Value.WarmUpTriggerModels || ranker is null)
        {
            return;
        }

        try
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            long started = Stopwatch.GetTimestamp();
            SqlStatement sample = new($"SELECT customer_id FROM {DataSchema.Customers.Name} ORDER BY customer_id LIMIT 100");
            IReadOnlyList<TriggerSuggestion> ranked = await ranker.RankAsync(sample, cancellationToken: stoppingToken).ConfigureAwait(false);
            LogReady(logger, ranked.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DataStoreException or AetherSegmentInputException or InvalidOperationException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger uplift models ready ({Triggers} triggers) in {Seconds:F1} s")]
    private static partial void LogReady(ILogger logger, int triggers, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger uplift models could not be trained ahead of the first request: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
