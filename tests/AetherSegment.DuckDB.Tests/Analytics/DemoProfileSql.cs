using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// What the grain tests share: the demo profile with a declaration taken out, a question compiled as <c>aether ask</c>
/// compiles it (as of the generated data's date), and result rows as comparable text.
/// </summary>
internal static class DemoProfileSql
{
    /// <summary>The demo profile with an edit applied to its JSON.</summary>
    public static BusinessProfile Edited(Action<JsonObject> edit)
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();
        JsonObject json = JsonNode.Parse(stream)!.AsObject();
        edit(json);
        return BusinessProfileLoader.Parse(json.ToJsonString());
    }

    /// <summary>The question compiled to DuckDB SQL; throws when it is not read or not compiled.</summary>
    public static CompiledQuery Compile(string question, SemanticLayer layer) =>
        TryCompile(question, layer, out string? reason) ?? throw new InvalidOperationException($"\"{question}\" was not compiled: {reason}");

    /// <summary>The question compiled to DuckDB SQL, or null with the reason.</summary>
    public static CompiledQuery? TryCompile(string question, SemanticLayer layer, out string? reason)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, layer, null);
        if (parsed.Query is not { } query)
        {
            reason = $"not read: {parsed.Reason}";
            return null;
        }

        (DateTimeOffset, DateTimeOffset)? range = query.Time?.Resolve(GeneratedDatabase.AsOf);
        (DateTimeOffset, DateTimeOffset)? compared = query.ComparedTime?.Resolve(GeneratedDatabase.AsOf);
        AetherSegmentOptions thresholds = new() { HighValueThreshold = 0.7, LowValueThreshold = 0.4, ChurnRiskThreshold = 0.6 };
        return AnalyticsCompiler.Compile(query, layer, SqlDialect.DuckDB, thresholds, range, compared, 1000, out reason);
    }

    /// <summary>Rows as text in a fixed order, numbers rounded to 6 places (a sum of doubles may add in another order).</summary>
    public static List<string> Render(QueryResult result) =>
        [.. result.Rows.Select(r => string.Join('|', r.Select(v => v switch
        {
            double d => d.ToString("F6", CultureInfo.InvariantCulture),
            decimal m => ((double)m).ToString("F6", CultureInfo.InvariantCulture),
            float f => ((double)f).ToString("F6", CultureInfo.InvariantCulture),
            null => "null",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }))).Order(StringComparer.Ordinal)];
}
