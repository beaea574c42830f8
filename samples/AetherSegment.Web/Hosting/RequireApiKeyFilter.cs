using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Hosting;

/// <summary>When <see cref="WebOptions.ApiKey"/> is set, lets a request through only with the same key in <c>X-Api-Key</c>.</summary>
internal sealed class RequireApiKeyFilter(IOptions<WebOptions> options) : IEndpointFilter
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string? expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context).ConfigureAwait(false);
        }

        string? given = context.HttpContext.Request.Headers[HeaderName];
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return Results.Problem(Problems.Create(StatusCodes.Status401Unauthorized, "API key required",
                $"This endpoint needs the server's API key in the {HeaderName} header."));
        }

        return await next(context).ConfigureAwait(false);
    }
}
