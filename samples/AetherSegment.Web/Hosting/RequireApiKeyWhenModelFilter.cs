using System.Security.Cryptography;
using System.Text;
using AetherSegment.Analytics;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Hosting;

/// <summary>
/// For endpoints where a language model writes SQL (<c>/analytics/ask</c>): whenever a model is configured
/// (an <see cref="IAnalyticsSqlWriter"/> is registered), a request passes only with the server's key in
/// <c>X-Api-Key</c>; with a model but no <see cref="WebOptions.ApiKey"/> set, the endpoint answers 401 naming the
/// setting. Without a model it behaves like <see cref="RequireApiKeyFilter"/>.
/// </summary>
internal sealed class RequireApiKeyWhenModelFilter(IOptions<WebOptions> options, IEnumerable<IAnalyticsSqlWriter> writers) : IEndpointFilter
{
    private readonly bool _modelConfigured = writers.Any();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string? expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            if (!_modelConfigured)
            {
                return await next(context).ConfigureAwait(false);
            }

            context.HttpContext.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{RequireApiKeyFilter.HeaderName}\"";
            return Results.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "API key required",
                $"A language model writes this endpoint's SQL, so it needs an API key: set AetherSegment:Web:ApiKey on the server and send it in the {RequireApiKeyFilter.HeaderName} header."));
        }

        string? given = context.HttpContext.Request.Headers[RequireApiKeyFilter.HeaderName];
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{RequireApiKeyFilter.HeaderName}\"";
            return Results.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "API key required",
                $"This endpoint needs the server's API key in the {RequireApiKeyFilter.HeaderName} header."));
        }

        return await next(context).ConfigureAwait(false);
    }
}
