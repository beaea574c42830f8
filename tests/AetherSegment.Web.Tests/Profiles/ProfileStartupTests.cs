using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Web.Hosting;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Tests.Profiles;

/// <summary>The web host takes its profile from <c>AetherSegment:Profile</c>; a bad profile fails the start, before any data or listener.</summary>
public sealed class ProfileStartupTests
{
    [Fact]
    public async Task BadProfile_FailsTheStartNamingTheSettingAndTheJsonPath()
    {
        string folder = TestPaths.NewTempDirectory();
        string database = Path.Combine(folder, "never.duckdb");
        string profile = Write(folder, "two-meanings.json", p => p["catalog"]!["places"]!["values"]![0]!["words"]!.AsArray().Add("London"));

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WebAppServer.StartAsync(database, new Dictionary<string, string> { ["AetherSegment:Profile"] = profile }));

        string failure = Assert.Single(error.Failures);
        Assert.True(failure.StartsWith($"AetherSegment:Profile: invalid profile {profile}: $.catalog.places.values[1].children[0].name: the value 'London' has two meanings", StringComparison.Ordinal), failure);
        Assert.Matches(@"places\.country 'United States' at \$\.catalog\.places\.values\[0\]\.words\[\d+\]", failure);
        Assert.False(File.Exists(database), "the host must not start generating data on a bad profile");
    }

    [Fact]
    public async Task MissingProfileFile_FailsTheStart()
    {
        string folder = TestPaths.NewTempDirectory();
        string profile = Path.Combine(folder, "absent.json");

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WebAppServer.StartAsync(Path.Combine(folder, "never.duckdb"), new Dictionary<string, string> { ["AetherSegment:Profile"] = profile }));

        Assert.Contains($"AetherSegment:Profile: invalid profile {profile}: $: cannot read the profile file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileSetting_IsTheAppsProfile_ElseTheHomeFurnishingDefault()
    {
        string folder = TestPaths.NewTempDirectory();
        string profile = Write(folder, "renamed.json", p => p["name"] = "renamed-retailer");

        await using (WebApplication withFile = AetherWebApp.Create([$"--AetherSegment:Profile={profile}", $"--AetherSegment:DuckDB:Path={Path.Combine(folder, "a.duckdb")}"]))
        {
            Assert.Equal("renamed-retailer", withFile.Services.GetRequiredService<BusinessProfile>().Name);
        }

        await using WebApplication withDefault = AetherWebApp.Create([$"--AetherSegment:DuckDB:Path={Path.Combine(folder, "b.duckdb")}"]);
        Assert.Same(HomeFurnishingProfile.Load(), withDefault.Services.GetRequiredService<BusinessProfile>());
    }

    private static string Write(string folder, string name, Action<JsonObject> edit)
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();
        JsonObject profile = JsonNode.Parse(stream)!.AsObject();
        profile.Remove("$schema");
        edit(profile);
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, profile.ToJsonString());
        return path;
    }
}
