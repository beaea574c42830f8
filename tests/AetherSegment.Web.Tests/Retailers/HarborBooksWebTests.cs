using System.Text.Json;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Profiles;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>
/// The third retailer, written only as a profile file and a SQL script of its data, through the web API on Kestrel:
/// the profile, the overview, analyze, create, export and ask, and the missing carts mapping as a 400 naming it.
/// </summary>
public sealed class HarborBooksWebTests(HarborBooksServerFixture fixture) : IClassFixture<HarborBooksServerFixture>
{
    private const string Objective = "Invite Fiction buyers in Devon to an author signing";
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(HarborBooksDatabase.ProfilePath);

    [Fact]
    public async Task AnalyzeCreateExportAndAsk_ThroughTheApi_CountTheScriptsRows()
    {
        HashSet<string> expected = [.. fixture.Database.Query("""
            SELECT DISTINCT h.card_no FROM card_holders h JOIN till_receipts r ON r.card_no = h.card_no
            WHERE h.county = 'Devon' AND r.section = 'Fiction'
            """).Select(r => (string)r[0]!)];

        await RetailerApiFlow.RunAsync(fixture.Server, Objective, "author_signing_invite", expected, ("counties", "Devon"),
            "How many customers do we have in Cornwall?", fixture.Database.Count("SELECT COUNT(*) FROM card_holders WHERE county = 'Cornwall'"),
            Profile.Triggers.Select(t => t.Id));
    }

    [Fact]
    public async Task Overview_CountsThroughTheMapping_AndOpensTheProfilesOpportunity()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement root = stats.RootElement;

        Assert.Equal(2000, root.GetProperty("metrics").GetProperty("total_customers").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("metrics").GetProperty("abandoned_carts_7d").ValueKind);
        JsonElement card = Assert.Single(root.GetProperty("opportunities").EnumerateArray());
        Assert.Equal("devon-fiction-signing", card.GetProperty("id").GetString());
        Assert.Equal(fixture.Database.Count("""
            SELECT COUNT(DISTINCT h.card_no) FROM card_holders h JOIN till_receipts r ON r.card_no = h.card_no
            WHERE h.county = 'Devon' AND r.section = 'Fiction'
            """), card.GetProperty("size").GetInt64());
        Assert.Equal(["card_holders", "till_receipts", "site_visits", "mailing_tests"],
            root.GetProperty("data_health").EnumerateArray().Select(t => t.GetProperty("table").GetString()));
    }

    [Theory]
    [InlineData("api/v1/campaigns/analyze")]
    [InlineData("api/v1/segments/create")]
    public async Task CartObjective_Answers400ProblemNamingTheCartsMapping(string path)
    {
        object body = path.EndsWith("analyze", StringComparison.Ordinal)
            ? new { objective = "Remind readers who abandoned a cart in the last 3 days" }
            : new { campaign_objective = "Remind readers who abandoned a cart in the last 3 days" };
        (int status, JsonDocument problem, string? contentType) = await fixture.Server.PostJsonAsync(path, body);

        using (problem)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.Contains(Profile.MissingEntityMessage(EntityKind.Carts)!, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
