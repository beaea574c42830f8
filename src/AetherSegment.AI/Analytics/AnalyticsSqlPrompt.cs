using System.Globalization;
using System.Text.Json;
using AetherSegment.Analytics;

namespace AetherSegment.AI.Analytics;

/// <summary>The instructions a language model gets to write analytics SQL, and the reading of its answer.</summary>
internal static class AnalyticsSqlPrompt
{
    public static string SystemInstruction(AnalyticsSqlRequest request)
    {
        char quote = request.Dialect.IdentifierQuote;
        string dialect = request.Dialect.Description;
        return string.Create(CultureInfo.InvariantCulture, $"""
            You write one read-only SQL SELECT statement in {dialect} that answers a marketer's question about a home-furnishing retailer's customer data.
            Use only these tables and columns (customer_id joins them):
            {request.Schema}
            Rules:
            - One SELECT statement (WITH is allowed). No semicolons, comments, parameters, SELECT * or table functions.
            - Never read first_name, last_name or email: return aggregates, not people.
            - Alias every computed column in snake_case; order the rows the way the question implies; at most 1000 rows.
            - The latest timestamp in the data is {request.AsOf:yyyy-MM-dd HH:mm:ss} UTC: write "last month", "last 30 days" and similar relative to it, as TIMESTAMP literals.
            - campaign_history.group is a reserved word: write it as {quote}group{quote}. converted is a BOOL.
            Answer with JSON {"{"}"sql": "<the statement>"{"}"}. If the tables cannot answer the question, answer {"{"}"sql": ""{"}"}.
            """);
    }

    public static string UserMessage(AnalyticsSqlRequest request) => request.Question;

    /// <summary>Reads the model's answer: JSON <c>{"sql": ...}</c>, or bare SQL (code fences removed). Null when it declined.</summary>
    public static string? ReadAnswer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            int firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
            int fence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
            trimmed = firstLine > 0 && fence > firstLine ? trimmed[(firstLine + 1)..fence].Trim() : trimmed.Trim('`').Trim();
        }

        if (trimmed.StartsWith('{'))
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(trimmed);
                return json.RootElement.TryGetProperty("sql", out JsonElement sql) && sql.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(sql.GetString())
                    ? sql.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return trimmed;
    }
}
