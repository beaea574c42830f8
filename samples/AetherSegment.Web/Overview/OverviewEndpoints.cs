namespace AetherSegment.Web.Overview;

/// <summary>Maps the overview endpoint.</summary>
internal static class OverviewEndpoints
{
    /// <summary>Maps GET /overview/stats on the data group.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overview/stats", async (OverviewQueries queries, CancellationToken cancellationToken) =>
                TypedResults.Ok(await queries.GetAsync(cancellationToken).ConfigureAwait(false)))
            .WithName("GetOverviewStats")
            .WithTags("overview")
            .WithSummary("The dashboard's key metrics, distributions, opportunities, behavioral insights and data health.")
            .Produces<OverviewStats>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
