using AetherSegment.Web.Hosting;

namespace AetherSegment.Web.Data;

/// <summary>Answers 503 problem+json with Retry-After on data endpoints until the store is ready.</summary>
internal sealed class RequireDataFilter(DataReadiness readiness, Microsoft.Extensions.Options.IOptions<WebOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        DataReadiness.Snapshot snapshot = readiness.Current;
        if (snapshot.State == DataState.Ready)
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.RetryAfter = snapshot.State == DataState.Preparing
            ? "5"
            : options.Value.StoreUnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string title = snapshot.State == DataState.Preparing ? "The data set is being prepared" : "The data store is unavailable";
        return Results.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, title, snapshot.Message));
    }
}
