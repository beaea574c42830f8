using System.Text.Json;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Cli.Tests.Segments;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17: a campaign asked by its name, on generated data whose names read "Autumn 2025 Free Delivery Cart Rescue".
/// A whole name is placed even though it holds a year; part of a name said before "campaign" places the one campaign
/// whose name holds it, and is asked back with the choices when several do. Every answer is recounted in SQL.
/// </summary>
public sealed class CampaignNameTests(GeneratedDatabase database) : IClassFixture<GeneratedDatabase>
{
    private List<string> Names => field ??= [.. SummitDatabase.Query(database.Path, "SELECT DISTINCT campaign_name FROM campaign_history ORDER BY 1").Select(r => (string)r[0]!)];

    // A name without its season and year ("Free Delivery Cart Rescue"), and the names that end with it.
    private IEnumerable<IGrouping<string, string>> Themes => Names.GroupBy(n => string.Join(' ', n.Split(' ')[2..]));

    [Fact]
    public async Task PartOfOneCampaignsName_PlacesThatCampaign()
    {
        IGrouping<string, string> theme = Themes.First(t => t.Count() == 1 && t.Key.Split(' ').Length >= 2);
        string name = theme.Single();

        JsonElement answer = await AskAsync($"how many conversions did the {theme.Key} campaign get?");

        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Equal(Conversions(name), FirstValue(answer));
        Assert.Contains(name, answer.GetProperty("restatement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeNameWithAYear_IsTheCampaign_NotATimeRange()
    {
        string name = Names.First(n => n.Split(' ').Any(w => w.Length == 4 && w.All(char.IsAsciiDigit)));

        JsonElement answer = await AskAsync($"conversions of the {name} campaign");

        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Equal(Conversions(name), FirstValue(answer));
        Assert.DoesNotContain("time_start", answer.GetProperty("sql").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartOfSeveralNames_IsAskedBackWithTheChoices()
    {
        IGrouping<string, string> theme = Themes.First(t => t.Count() > 1);

        JsonElement answer = await AskAsync($"conversion rate of the {theme.Key} campaign");

        Assert.Equal("unanswerable", answer.GetProperty("status").GetString());
        string text = answer.GetProperty("answer").GetString()!;
        Assert.Contains("which campaign?", text, StringComparison.Ordinal);
        Assert.All(theme, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Equal(0, answer.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task HowDidACampaignDo_AsksWhatToMeasure()
    {
        IGrouping<string, string> theme = Themes.First(t => t.Count() == 1 && t.Key.Split(' ').Length >= 2);

        JsonElement answer = await AskAsync($"how did the {theme.Key} campaign do?");

        Assert.Equal("unanswerable", answer.GetProperty("status").GetString());
        Assert.Contains($"what should I measure for {theme.Single()}?", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    private long Conversions(string name) => Convert.ToInt64(SummitDatabase.Query(database.Path,
        $"SELECT COUNT(*) FROM campaign_history WHERE campaign_name = '{name.Replace("'", "''", StringComparison.Ordinal)}' AND \"group\" = 'treatment' AND converted")[0][0],
        System.Globalization.CultureInfo.InvariantCulture);

    private static long FirstValue(JsonElement answer) =>
        Convert.ToInt64(answer.GetProperty("rows")[0].EnumerateObject().Last().Value.GetDouble());

    private async Task<JsonElement> AskAsync(string question)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("ask", question, "--db", database.Path);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
