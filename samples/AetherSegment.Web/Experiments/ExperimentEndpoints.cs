using System.Globalization;
using AetherSegment.Experiments;
using AetherSegment.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace AetherSegment.Web.Experiments;

/// <summary>Maps the experiment endpoints: the design of a segment's holdout experiment and its results.</summary>
internal static class ExperimentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
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

    private static double? Number(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) ? number
        : throw new AetherSegmentInputException(field, $"{field} must be a number, not '{value}'.");

    private static int Window(string? value) =>
        string.IsNullOrWhiteSpace(value) ? 14
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int days) ? days
        : throw new AetherSegmentInputException("window_days", $"window_days must be a whole number of days, not '{value}'.");
}
