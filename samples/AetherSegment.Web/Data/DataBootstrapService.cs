using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Synthetic;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Data;

/// <summary>
/// Makes sure the store holds data before data endpoints serve: when the configured store has no data set yet (no
/// DuckDB file) it generates the default synthetic data set (<c>AetherSegment:Synthetic</c>, 10,000 customers by
/// default), logging its progress. Until then <see cref="DataReadiness"/> keeps data endpoints at 503 with
/// Retry-After; the pages, the health endpoint and the API reference are served at once. The generator writes the demo
/// profile's data only: with another profile and no data set the host fails at start with one line saying so
/// (<see cref="MissingDataSetException"/>).
/// </summary>
internal sealed partial class DataBootstrapService(
    IServiceProvider services,
    DataReadiness readiness,
    IOptions<WebOptions> webOptions,
    IOptions<SyntheticOptions> syntheticOptions,
    BusinessProfile profile,
    ILogger<DataBootstrapService> logger) : BackgroundService
{
    /// <summary>Refuses to start with a profile other than the demo's and no data set: nothing could generate one.</summary>
    /// <exception cref="MissingDataSetException">The profile is not the demo's and the store holds no data set.</exception>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (profile.Name != HomeFurnishingProfile.Name && services.GetService<IDataSinkFactory>() is { } sinks
            && !await sinks.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            string where = sinks is DuckDB.Loading.DuckDBDataSinkFactory duckdb ? $"no database at {duckdb.DatabasePath}" : "no data set in the configured store";
            throw new MissingDataSetException(
                $"{where}; the generator only writes the demo profile's data: load your data or point AetherSegment:DuckDB:Path at it (profile {profile.Name}).");
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        IDataSinkFactory? sinks = services.GetService<IDataSinkFactory>();
        try
        {
            if (sinks is DuckDB.Loading.DuckDBDataSinkFactory duckdb)
            {
                // Temporary files of loads killed before they finished (kill -9 during `aether generate`): only the ones
                // no live process holds, whose writer is gone or that are older than AetherSegment:DuckDB:StaleLoadingFileAge.
                foreach (string removed in duckdb.RemoveStaleLoadingFiles())
                {
                    LogRemovedStale(logger, removed);
                }
            }

            if (sinks is null || await sinks.ExistsAsync(stoppingToken).ConfigureAwait(false))
            {
                MarkReady();
                return;
            }

            if (!webOptions.Value.GenerateWhenMissing)
            {
                Fail("No data set in the configured store: create one with `aether generate`, or set AetherSegment:Web:GenerateWhenMissing to true.");
                return;
            }

            await GenerateAsync(sinks, stoppingToken).ConfigureAwait(false);
            MarkReady();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DataStoreException or AetherSegmentInputException or IOException or UnauthorizedAccessException)
        {
            // The store's own text (paths, DuckDB messages) goes to the log only; health and 503 answers say what to do.
            readiness.Failed("The data store could not be opened or written (it may be locked by another process or the folder not writable); " +
                "the error is in the server's log.");
            LogFailed(logger, ex.Message);
        }
    }

    private async Task GenerateAsync(IDataSinkFactory sinks, CancellationToken cancellationToken)
    {
        SyntheticDataGenerator generator = services.GetRequiredService<SyntheticDataGenerator>();
        GenerationRequest request = GenerationRequest.From(syntheticOptions.Value);
        readiness.Preparing($"Generating the default data set ({request.Customers:N0} customers).", 0);
        LogGenerating(logger, request.Customers, request.Seed);

        IDataSink sink = await sinks.CreateAsync(replaceExisting: false, cancellationToken).ConfigureAwait(false);
        await using (sink.ConfigureAwait(false))
        {
            GenerationSummary summary = await generator.GenerateAsync(sink, request, new ProgressLog(readiness, logger), cancellationToken).ConfigureAwait(false);
            LogGenerated(logger, summary.Customers, summary.TotalRows, summary.Seconds, summary.Destination);
        }
    }

    private void MarkReady()
    {
        readiness.Ready("The data set is ready.");
        LogReady(logger);
    }

    private void Fail(string reason)
    {
        readiness.Failed(reason);
        LogFailed(logger, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the stale loading file {Path} (left by a load that did not finish)")]
    private static partial void LogRemovedStale(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data store ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No data set yet: generating {Customers} customers (seed {Seed}); data endpoints answer 503 until it is done")]
    private static partial void LogGenerating(ILogger logger, long customers, int seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generating data: {Percent}% ({Customers} customers, {Rows} rows)")]
    private static partial void LogProgress(ILogger logger, int percent, long customers, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Customers} customers, {Rows} rows in {Seconds:F1} s into {Destination}")]
    private static partial void LogGenerated(ILogger logger, long customers, long rows, double seconds, string destination);

    [LoggerMessage(Level = LogLevel.Error, Message = "The data store is not usable; data endpoints answer 503: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    /// <summary>Reports generation progress to readiness and, every 10%, to the log.</summary>
    private sealed class ProgressLog(DataReadiness readiness, ILogger logger) : IProgress<GenerationProgress>
    {
        private int _lastDecile = -1;

        public void Report(GenerationProgress value)
        {
            readiness.Preparing($"Generating the default data set: {value.CustomersWritten:N0} of {value.CustomersTotal:N0} customers.", value.Fraction);
            int decile = (int)(value.Fraction * 10);
            if (decile != _lastDecile)
            {
                _lastDecile = decile;
                LogProgress(logger, decile * 10, value.CustomersWritten, value.RowsWritten);
            }
        }
    }
}
