using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Experiments;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace AetherSegment.Web.Experiments;

/// <summary>Maps the experiment endpoints: the design of a segment's holdout experiment and its results.</summary>
internal static class ExperimentEndpoints
{
    /// <summary>The attribution window of the results endpoint's default and of the list's statuses, in days.</summary>
    public const int DefaultWindowDays = 14;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/experiments", async (int? limit, [FromQuery(Name = "window_days")] string? windowDays, ISegmentStore store, IDataStore data, BusinessProfile profile,
                TimeProvider time, CancellationToken cancellationToken) =>
            {
                int take = limit ?? 100;
                if (take is < 1 or > 1000)
                {
                    throw new AetherSegmentInputException("limit", "limit must be between 1 and 1000.");
                }

                int window = Window(windowDays);
                if (window is < 1 or > 365)
                {
                    throw new AetherSegmentInputException("window_days", "window_days must be 1 to 365 days.");
                }

                IReadOnlyList<StoredSegment> segments = await store.ListAsync(take, cancellationToken).ConfigureAwait(false);
                DateTimeOffset? latest = await LatestOutcomeAsync(data, profile, cancellationToken).ConfigureAwait(false);
                DateTimeOffset now = time.GetUtcNow();
                List<ExperimentSummary> experiments = [];
                foreach (StoredSegment segment in segments)
                {
                    if (segment.Holdout is not { } holdout)
                    {
                        continue;
                    }

                    (string status, string detail) = Status(segment.CreatedAt, window, latest, now);
                    string href = "/api/v1/segments/" + Uri.EscapeDataString(segment.SegmentId);
                    experiments.Add(new ExperimentSummary(segment.SegmentId, segment.Name, segment.Size, segment.Trigger, holdout.Share, segment.CreatedAt,
                        segment.CreatedAt.AddDays(window), status, detail, href + "/experiment/results?window_days=" + window.ToString(CultureInfo.InvariantCulture), href + "/experiment/design"));
                }

                return TypedResults.Ok(new ExperimentList(window, latest, experiments));
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ListExperiments")
            .WithTags("experiments")
            .WithSummary("The activated segments with a holdout, newest first, with their status: not_sent (no outcome recorded since activation), running (attribution window open) or measured.")
            .Produces<ExperimentList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/segments/{id}/experiment/design", async (string id, string? holdout, string? uplift, string? baseline, ExperimentService experiments, CancellationToken cancellationToken) =>
            {
                ExperimentDesign design = await experiments.DesignAsync(id, Number(holdout, "holdout"), Number(uplift, "uplift"), Number(baseline, "baseline"), cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(design);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("DesignExperiment")
            .WithTags("experiments")
            .WithSummary("Power, minimum detectable effect at 80% and the holdout share or size that would detect the segment's predicted uplift.")
            .Produces<ExperimentDesign>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/segments/{id}/experiment/results", async (string id, [FromQuery(Name = "window_days")] string? windowDays, ExperimentService experiments, CancellationToken cancellationToken) =>
            {
                ExperimentReport report = await experiments.ResultsAsync(id, null, Window(windowDays), cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(report);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ExperimentResults")
            .WithTags("experiments")
            .WithSummary("The campaign's results against its holdout from the store's orders in the attribution window after activation.")
            .Produces<ExperimentReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/segments/{id}/experiment/results", async (string id, HttpContext context, ExperimentService experiments, CancellationToken cancellationToken) =>
            {
                ExperimentReport report = await experiments.ResultsAsync(id, context.Request.Body, 14, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(report);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ExperimentResultsFromOutcomes")
            .WithTags("experiments")
            .WithSummary("The campaign's results from an outcome CSV in the body (customer_id,converted[,revenue][,converted_at]).")
            .Accepts<string>("text/csv")
            .Produces<ExperimentReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    /// <summary>The status of an experiment from its activation, the window, the store's latest order and the clock.</summary>
    internal static (string Status, string Detail) Status(DateTimeOffset createdAt, int windowDays, DateTimeOffset? latestOutcome, DateTimeOffset now)
    {
        DateTimeOffset windowEnd = createdAt.AddDays(windowDays);
        string end = windowEnd.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (now <= createdAt || latestOutcome is not { } latest || latest < createdAt)
        {
            return ("not_sent", "No order has been recorded since activation: the campaign has not been sent, or its outcomes have not arrived yet.");
        }

        return now < windowEnd
            ? ("running", $"Outcomes are arriving; the {windowDays}-day attribution window closes at {end}.")
            : ("measured", $"The {windowDays}-day attribution window closed at {end}: the report is final.");
    }

    /// <summary>The latest order in the store (the profile's orders mapping), or null when there is none or no orders mapping.</summary>
    private static async Task<DateTimeOffset?> LatestOutcomeAsync(IDataStore data, BusinessProfile profile, CancellationToken cancellationToken)
    {
        if (!profile.HasEntity(EntityKind.Orders))
        {
            return null;
        }

        EntityMapping orders = profile.RequireEntity(EntityKind.Orders, "The experiment list");
        SqlDialect d = data.Dialect;
        string table = orders.Table.Split('.') is { } parts && parts.All(ProfileSql.IsColumnName) ? string.Join('.', parts.Select(d.Quote)) : orders.Table;
        if (orders.Column("timestamp") is not { } timestamp)
        {
            return null;
        }

        string column = ProfileSql.IsColumnName(timestamp) ? d.Quote(timestamp) : $"({timestamp})";
        QueryResult result = await data.QueryAsync(new SqlStatement($"SELECT MAX({d.EpochMicros(column)}) FROM {table}"), cancellationToken).ConfigureAwait(false);
        object? value = result.Scalar();
        return value is null or DBNull ? null : DateTimeOffset.UnixEpoch.AddTicks(Convert.ToInt64(value, CultureInfo.InvariantCulture) * 10);
    }

    private static double? Number(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) ? number
        : throw new AetherSegmentInputException(field, $"{field} must be a number, not '{value}'.");

    private static int Window(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DefaultWindowDays
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int days) ? days
        : throw new AetherSegmentInputException("window_days", $"window_days must be a whole number of days, not '{value}'.");
}
