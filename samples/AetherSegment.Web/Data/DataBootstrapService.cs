using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Data;

/// <summary>
/// Makes sure the store holds data before data endpoints serve: on the embedded store with no database file it
/// generates the default synthetic data set, logging its progress. Until then <see cref="DataReadiness"/> keeps data
/// endpoints at 503 with Retry-After; the pages and the API reference are served at once.
/// </summary>
internal sealed partial class DataBootstrapService(
    IServiceProvider services,
    IDataStore store,
    DataReadiness readiness,
    IOptions<WebOptions> options,
    ILogger<DataBootstrapService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (store is not DuckDBDataStore duckdb || duckdb.Exists)
            {
                MarkReady(store is DuckDBDataStore d ? d.DatabasePath : store.Dialect.Name);
                return;
            }

            _ = options.Value.GenerateWhenMissing;
            _ = services;
            Fail($"No database at {duckdb.DatabasePath}: create one with `aether generate --db {duckdb.DatabasePath}`.");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DataStoreException or AetherSegmentInputException or InvalidOperationException or IOException)
        {
            Fail(ex.Message);
        }
    }

    private void MarkReady(string destination)
    {
        readiness.Ready($"Serving data from {destination}.");
        LogReady(logger, destination);
    }

    private void Fail(string reason)
    {
        readiness.Failed(reason);
        LogFailed(logger, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data store ready: {Destination}")]
    private static partial void LogReady(ILogger logger, string destination);

    [LoggerMessage(Level = LogLevel.Error, Message = "The data store is not usable; data endpoints answer 503: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
