using System.Text.Json;
using AetherSegment.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Hosting;

/// <summary>
/// Maps every exception to problem+json: bad input to 400 naming the field, an unavailable store to 503, oversized or
/// unreadable bodies to 400, anything else to a 500 without internals. Stack traces and the store's own error text never
/// reach the client: a 5xx is logged at Error with the request's trace id, and the answer carries the same id
/// (<c>trace_id</c>, also quoted in <c>detail</c>) so an operator can find the log line.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, IOptions<WebOptions> options, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        string traceId = httpContext.TraceIdentifier;
        ProblemDetails problem = Map(exception, traceId);
        if (problem.Status >= 500)
        {
            if (exception is DataStoreException)
            {
                LogStoreFailure(logger, httpContext.Request.Path, traceId, exception.Message, exception);
            }
            else
            {
                LogUnexpected(logger, httpContext.Request.Path, traceId, exception);
            }
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = options.Value.StoreUnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        bool written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
        if (!written)
        {
            // The client's Accept header ruled JSON out (a browser asking for HTML): answer problem+json anyway, never a stack trace.
            await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    internal static ProblemDetails Map(Exception exception, string traceId) => exception switch
    {
        AetherSegmentInputException input => Problems.BadInput(input.Field, input.Message),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            Problems.BadInput("body", "The request body is too large."),
        BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
            Problems.BadInput("body", "A JSON request body is required."),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
            Problems.BadInput("body", "The request body must be JSON (Content-Type: application/json)."),
        BadHttpRequestException bad => Problems.BadInput("body", bad.Message),
        JsonException json => FromJson(json),
        DataStoreException => Problems.Create(StatusCodes.Status503ServiceUnavailable, "The data store is unavailable",
            $"The data store could not answer (it may be busy or locked by another process); try again shortly. The error is in the server's log under trace id {traceId}."),
        _ => Problems.Create(StatusCodes.Status500InternalServerError, "Unexpected error",
            $"The server could not complete the request; the error is in its log under trace id {traceId}."),
    };

    private static ProblemDetails FromJson(JsonException json)
    {
        string? field = Problems.FieldFromJsonPath(json.Path);
        string reason = json.Message;
        int path = reason.IndexOf(" Path:", StringComparison.Ordinal);
        reason = path > 0 ? reason[..path] : reason;
        string detail = field is null
            ? $"The request body is not valid JSON: {reason}"
            : $"The request body is not valid at {field}: {reason}";
        return Problems.BadInput(field ?? "body", detail);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The data store failed on {Path} (trace id {TraceId}): {Reason}")]
    private static partial void LogStoreFailure(ILogger logger, PathString path, string traceId, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Path} (trace id {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, PathString path, string traceId, Exception exception);
}
