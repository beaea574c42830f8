namespace AetherSegment.Web.Analytics;

/// <summary>The body of POST /api/v1/analytics/ask.</summary>
/// <param name="Question">A question about the customer data in plain English (at most 500 characters).</param>
internal sealed record AskRequest(string? Question);
