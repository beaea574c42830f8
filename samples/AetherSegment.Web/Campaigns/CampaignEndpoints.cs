using AetherSegment.Segments;
using AetherSegment.Web.Hosting;

namespace AetherSegment.Web.Campaigns;

/// <summary>Maps the interpretation endpoint: objective in, interpretation, eligible segment and ranked triggers out.</summary>
internal static class CampaignEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/campaigns/analyze", async (AnalyzeRequest request, ISegmentEngine engine, CancellationToken cancellationToken) =>
            {
                string objective = RequestFields.RequireText(request.Objective, "objective");
                CampaignAnalysis analysis = await engine.InterpretAndAnalyzeAsync(objective, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(analysis);
            })
            .RequireRateLimiting(AetherWebApp.InterpretationPolicy)
            .WithName("AnalyzeCampaign")
            .WithTags("campaigns")
            .WithSummary("Interprets an objective into the Campaign Objective Object, previews its full eligible segment and ranks the triggers.")
            .Produces<CampaignAnalysis>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
