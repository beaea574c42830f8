using Microsoft.Extensions.Caching.Memory;

namespace AetherSegment.Web.Overview;

/// <summary>Maps the overview endpoint.</summary>
internal static class OverviewEndpoints
{
    /// <summary>How long one computation of the overview serves every dashboard polling it.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    /// <summary>Maps GET /overview/stats on the data group.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overview/stats", async (OverviewQueries queries, IMemoryCache cache, CancellationToken cancellationToken) =>
            {
                if (!cache.TryGetValue("overview:stats", out OverviewStats? stats) || stats is null)
                {
                    stats = await queries.GetAsync(cancellationToken).ConfigureAwait(false);
                    cache.Set("overview:stats", stats, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Freshness, Size = 1 });
                }

                return TypedResults.Ok(stats);
            })
            .WithName("GetOverviewStats")
            .WithTags("overview")
            .WithSummary("The dashboard's key metrics, distributions, opportunities, behavioral insights and data health (recomputed at most every 2 seconds).")
            .Produces<OverviewStats>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
