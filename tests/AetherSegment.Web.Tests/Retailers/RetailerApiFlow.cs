using System.Text.Json;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>
/// The whole campaign flow of a retailer other than the demo through the web API, as the pages call it: analyze an
/// objective, create the segment from the interpreted object, get it, export it as CSV and JSON, and ask a question.
/// </summary>
internal static class RetailerApiFlow
{
    /// <param name="server">The running app.</param>
    /// <param name="objective">An objective in the retailer's words.</param>
    /// <param name="trigger">The trigger the interpreter suggests for it.</param>
    /// <param name="expected">The segment's members, recounted with SQL over the retailer's tables.</param>
    /// <param name="place">An audience field of the interpreted object and the one value it must hold.</param>
    /// <param name="question">A question whose answer is one count.</param>
    /// <param name="answer">That count, recounted with SQL.</param>
    /// <param name="triggers">The profile's trigger ids.</param>
    public static async Task RunAsync(WebAppServer server, string objective, string trigger, IReadOnlySet<string> expected, (string Field, string Value) place,
        string question, long answer, IEnumerable<string> triggers)
    {
        (int status, JsonDocument analysis, _) = await server.PostJsonAsync("api/v1/campaigns/analyze", new { objective });
        using (analysis)
        {
            Assert.True(status == 200, analysis.RootElement.ToString());
            DemoWords.AssertNone(analysis.RootElement.GetRawText());
            JsonElement coo = analysis.RootElement.GetProperty("campaign_objective_object");
            Assert.Equal(trigger, coo.GetProperty("suggested_trigger").GetString());
            Assert.Equal([place.Value], coo.GetProperty("audience").GetProperty(place.Field).EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(expected.Count, analysis.RootElement.GetProperty("segment_preview").GetProperty("size").GetInt64());
            JsonElement[] suggestions = [.. analysis.RootElement.GetProperty("trigger_suggestions").EnumerateArray()];
            Assert.Equal(triggers.Order(StringComparer.Ordinal), suggestions.Select(s => s.GetProperty("trigger").GetString()!).Order(StringComparer.Ordinal));
            // Ranked by expected incremental conversions (uplift times the members left after the trigger's own filter).
            double[] conversions = [.. suggestions.Select(s => s.GetProperty("expected_incremental_conversions").GetDouble())];
            Assert.Equal(conversions.OrderDescending(), conversions);

            (status, JsonDocument created, _) = await server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = coo });
            using (created)
            {
                Assert.True(status == 201, created.RootElement.ToString());
                JsonElement segment = created.RootElement;
                string id = segment.GetProperty("segment_id").GetString()!;
                Assert.Equal(trigger, segment.GetProperty("trigger").GetString());
                Assert.Equal(expected.Count, segment.GetProperty("size").GetInt64());
                Assert.Contains(segment.GetProperty("filters").EnumerateArray(), f => f.GetProperty("provenance").GetString() == "trigger");

                using JsonDocument fetched = await server.GetJsonAsync($"api/v1/segments/{id}");
                Assert.Equal(expected.Count, fetched.RootElement.GetProperty("size").GetInt64());

                string csv = await server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=csv");
                string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.StartsWith("customer_id,", lines[0], StringComparison.Ordinal);
                Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
                DemoWords.AssertNone(csv);

                using JsonDocument members = JsonDocument.Parse(await server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=json"));
                Assert.Equal(expected.Order(StringComparer.Ordinal), members.RootElement.EnumerateArray().Select(m => m.GetProperty("customer_id").GetString()!).Order(StringComparer.Ordinal));
            }
        }

        (status, JsonDocument asked, _) = await server.PostJsonAsync("api/v1/analytics/ask", new { question });
        using (asked)
        {
            Assert.True(status == 200, asked.RootElement.ToString());
            JsonElement row = Assert.Single(asked.RootElement.GetProperty("rows").EnumerateArray());
            Assert.Equal(answer, Assert.Single(row.EnumerateObject()).Value.GetInt64());
            DemoWords.AssertNone(asked.RootElement.GetRawText());
        }
    }
}
