using System.Diagnostics;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using AetherSegment.Web.Data;
using AetherSegment.Web.Hosting;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Uplift;

/// <summary>
/// Once the data set is ready, asks the trigger ranker to rank a small sample of customers, so its uplift models are
/// loaded (saved for this campaign history, e.g. beside the DuckDB file) or trained before the first marketer analyzes
/// an objective (the ranker keeps them until campaign_history changes); then lets the engine prepare the rest
/// (<see cref="IAnalysisWarmUp"/>: the trigger audience snapshot with <c>AetherSegment:TriggerRanking:AudienceSnapshotMaxLag</c>) and runs one whole analyze of a typical
/// objective through the host's own analyze endpoint (in process when the server has no address), so the database
/// instance, the data version, the query plans, the analyze path's code and the HTTP pipeline are warm and the first
/// request costs what a warm one does. The health endpoint reports
/// the state (<see cref="WarmUpStatus"/>). Bounded by <c>AetherSegment:TriggerRanking:Timeout</c>; off with
/// <c>AetherSegment:Web:WarmUpTriggerModels=false</c>.
/// </summary>
internal sealed partial class TriggerModelWarmupService(
    IServiceProvider services,
    DataReadiness readiness,
    WarmUpStatus status,
    IOptions<WebOptions> options,
    IOptions<JsonOptions> json,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<TriggerModelWarmupService> logger) : BackgroundService
{
    /// <summary>The objective of the warm-up analyze: a broad segment, so every step of the analyze path runs.</summary>
    internal const string Objective = "Win back customers at risk of churning with free shipping";

    /// <summary>
    /// The objective the warm-up analyzes: <see cref="Objective"/> for the demo profile, else the profile's first example
    /// objective (another business warms up on its own words, and on the entities it maps), else <see cref="Objective"/>.
    /// </summary>
    private string WarmUpObjective() =>
        services.GetService<BusinessProfile>() is { } profile && profile.Name != HomeFurnishingProfile.Name
            && profile.Examples.Objectives is [{ } first, ..]
            ? first.Text
            : Objective;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ITriggerRanker? ranker = services.GetService<ITriggerRanker>();
        if (!options.Value.WarmUpTriggerModels || ranker is null)
        {
            status.Off();
            return;
        }

        try
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            status.Running();
            long started = Stopwatch.GetTimestamp();
            BusinessProfile profile = services.GetRequiredService<BusinessProfile>();
            SqlStatement everyone = SegmentSqlCompiler.Everyone(profile, services.GetRequiredService<IDataStore>().Dialect);
            SqlStatement sample = new("SELECT customer_id FROM (" + everyone.Sql + ") AS c ORDER BY customer_id LIMIT 100");
            IReadOnlyList<TriggerSuggestion> ranked = await ranker.RankAsync(sample, cancellationToken: stoppingToken).ConfigureAwait(false);
            LogReady(logger, ranked.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);

            long analyzed = Stopwatch.GetTimestamp();
            ISegmentEngine? engine = services.GetService<ISegmentEngine>();
            if (engine is IAnalysisWarmUp warmUp)
            {
                await warmUp.WarmUpAsync(stoppingToken).ConfigureAwait(false);
            }

            // One analyze of the warm-up objective, through the host's own endpoint when it listens on an address (so
            // the HTTP pipeline has run too: that is what removed the first request's extra cost), else in process.
            if (engine is not null && !await AnalyzeOverHttpAsync(stoppingToken).ConfigureAwait(false))
            {
                CampaignAnalysis analysis = await engine.InterpretAndAnalyzeAsync(WarmUpObjective(), stoppingToken).ConfigureAwait(false);
                _ = JsonSerializer.SerializeToUtf8Bytes(analysis, json.Value.SerializerOptions);
                LogAnalyzed(logger, analysis.SegmentPreview.Size, Stopwatch.GetElapsedTime(analyzed).TotalSeconds);
            }

            status.Ready(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DataStoreException or AetherSegmentInputException or InvalidOperationException)
        {
            status.Failed();
            LogFailed(logger, ex.Message);
        }
    }

    /// <summary>
    /// Sends the warm-up objective once through the host's own analyze endpoint on its first listening address, so the
    /// HTTP pipeline (routing, model binding, validation, the response writer) has run before the first marketer's
    /// request. Returns false when the server lists no address (an in-memory test server) or the request fails (logged),
    /// so the caller analyzes in process instead.
    /// </summary>
    private async Task<bool> AnalyzeOverHttpAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        string? address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out Uri? baseAddress))
        {
            return false;
        }

        long started2 = Stopwatch.GetTimestamp();
        try
        {
            using HttpClient client = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            using HttpResponseMessage response = await client.PostAsJsonAsync("/api/v1/campaigns/analyze", new { objective = WarmUpObjective() }, cancellationToken).ConfigureAwait(false);
            LogHttpWarmUp(logger, (int)response.StatusCode, Stopwatch.GetElapsedTime(started2).TotalSeconds);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogHttpWarmUpFailed(logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up analyze through the analyze endpoint: {Status} in {Seconds:F2} s; the first request runs warm")]
    private static partial void LogHttpWarmUp(ILogger logger, int status, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up analyze through the analyze endpoint failed ({Reason}); analyzing in process")]
    private static partial void LogHttpWarmUpFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger uplift models ready ({Triggers} triggers) in {Seconds:F1} s")]
    private static partial void LogReady(ILogger logger, int triggers, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up analyze ({Members} members) in {Seconds:F2} s; the first request runs warm")]
    private static partial void LogAnalyzed(ILogger logger, long members, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger uplift models could not be trained ahead of the first request: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
