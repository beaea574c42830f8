using System.CommandLine;
using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Cli.Tests.Profiles;

/// <summary><c>--profile FILE</c> on every command: a bad profile is exit 2 with one line naming the JSON path; a good one is the app's profile.</summary>
public sealed class ProfileOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aether-profile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Commands() =>
    [
        "interpret|Win back customers in Toronto",
        "data|check",
        "segment|sql|Win back customers in Toronto",
        "uplift|score|--model|m.json|--data|d.csv|--out|o.csv",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task BadProfile_ExitsTwo_WithOneLineNamingTheJsonPath(string command)
    {
        string path = Write("duplicate.json", p => p["triggers"]![1]!["id"] = "personalized_discount_offer");

        (int exit, string stdout, string stderr) = await RunAsync([.. command.Split('|'), "--profile", path]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"aether: --profile: invalid profile {path}: $.triggers[1].id: duplicate trigger id 'personalized_discount_offer' (first at $.triggers[0].id)", line);
    }

    [Fact]
    public async Task MalformedProfile_ExitsTwo_NamingTheLine()
    {
        string path = Path.Combine(_folder, "malformed.json");
        await File.WriteAllTextAsync(path, "{\n  \"format_version\": 1,\n  \"name\": \"x\",\n}");

        (int exit, _, string stderr) = await RunAsync(["interpret", "Win back customers in Toronto", "--profile", path]);

        Assert.Equal(2, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"aether: --profile: invalid profile {path}: $: malformed JSON at line 4, position 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingProfileFile_ExitsTwo()
    {
        string path = Path.Combine(_folder, "absent.json");

        (int exit, _, string stderr) = await RunAsync(["interpret", "Win back customers in Toronto", "--profile", path]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"aether: --profile: invalid profile {path}: $: cannot read the profile file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodProfile_RunsTheCommand()
    {
        string path = Write("furniture-copy.json", _ => { });

        (int exit, string stdout, string stderr) = await RunAsync(["interpret", "Win back customers in Toronto", "--profile", path]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("\"win_back\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_UseTheProfileFileOrElseTheHomeFurnishingDefault()
    {
        string path = Write("renamed.json", p => p["name"] = "renamed-retailer");
        RootCommand root = AetherCli.CreateRootCommand();

        using (ServiceProvider withFile = CliHost.BuildServices(root.Parse(["interpret", "x", "--profile", path])))
        {
            Assert.Equal("renamed-retailer", withFile.GetRequiredService<BusinessProfile>().Name);
        }

        using ServiceProvider withDefault = CliHost.BuildServices(root.Parse(["interpret", "x"]));
        Assert.Same(HomeFurnishingProfile.Load(), withDefault.GetRequiredService<BusinessProfile>());
    }

    [Fact]
    public void ProfileSetting_FromConfiguration_IsValidatedAtStartNamingTheSetting()
    {
        string path = Write("unknown-attribute.json", p => p["triggers"]![0]!["eligibility"]!["condition"]!["attribute"] = "shoe_size");
        RootCommand root = AetherCli.CreateRootCommand();

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() =>
            CliHost.BuildServices(root.Parse(["interpret", "x"]), [new("AetherSegment:Profile", path)]));

        string failure = Assert.Single(e.Failures);
        Assert.StartsWith($"AetherSegment:Profile: invalid profile {path}: $.triggers[0].eligibility.condition.attribute: unknown attribute 'shoe_size'", failure, StringComparison.Ordinal);
    }

    private string Write(string name, Action<JsonObject> edit)
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();
        JsonObject profile = JsonNode.Parse(stream)!.AsObject();
        profile.Remove("$schema");
        edit(profile);
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, profile.ToJsonString());
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
