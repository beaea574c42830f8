using AetherSegment.Analytics;
using AetherSegment.Web.Hosting;

namespace AetherSegment.Web.Analytics;

/// <summary>Maps conversational analytics: a question in, an answer with its SQL, rows and a chart suggestion out.</summary>
internal static class AnalyticsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/analytics/ask", async (AskRequest request, IAnalyticsService analytics, HttpContext http, CancellationToken cancellationToken) =>
            {
                string question = RequestFields.RequireText(request.Question, "question");
                AnalyticsAnswer answer = await analytics.AskForCallerAsync(question, Caller(http), cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(answer);
            })
            .AddEndpointFilter<RequireApiKeyWhenModelFilter>()
            .RequireRateLimiting(AetherWebApp.AnalyticsPolicy)
            .WithName("AskAnalytics")
            .WithTags("analytics")
            .WithSummary("Answers a question about the customer data with read-only SQL: {answer, sql, rows, chart}.")
            .Produces<AnalyticsAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/analytics/examples", (IAnalyticsService analytics) => TypedResults.Ok(new ExampleQuestions(analytics.ExampleQuestions)))
            .WithName("AnalyticsExamples")
            .WithTags("analytics")
            .WithSummary("Example questions the analytics service answers.");
    }

    /// <summary>Who asked, for the log of language-model SQL: the client address and whether it sent an API key.</summary>
    internal static string Caller(HttpContext http) =>
        $"web client {http.Connection.RemoteIpAddress?.ToString() ?? "unknown"} ({(http.Request.Headers.ContainsKey(RequireApiKeyFilter.HeaderName) ? "with" : "without")} API key)";

    /// <summary>The examples endpoint's answer.</summary>
    internal sealed record ExampleQuestions(IReadOnlyList<string> Questions);
}
