using System.Text.Json.Nodes;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;

namespace AetherSegment.Cli.Tests.Profiles;

/// <summary>
/// Both shipped profiles load with the loader, and a draft of <c>aether profile init</c> loads once the user fills
/// what it cannot know; before that the loader names each missing piece by its JSON path.
/// </summary>
public sealed class ShippedProfilesLoadTests(SummitDatabase summit) : IClassFixture<SummitDatabase>
{
    [Fact]
    public void HomeFurnishingProfile_Loads()
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();

        BusinessProfile profile = BusinessProfileLoader.Load(stream, HomeFurnishingProfile.FileName);

        Assert.Equal("home-furnishing", profile.Name);
        Assert.Equal(["email", "first_name", "last_name"], profile.Entities.Customers.PersonalColumns);
    }

    [Fact]
    public void SummitOutfittersProfile_Loads_WithItsVocabularyDimensionAndPersonalColumns()
    {
        BusinessProfile profile = LoadOrExplain(SummitOutfittersProfile.Path);

        Assert.Equal("summit-outfitters", profile.Name);
        Assert.Equal(["full_name", "email_address"], profile.Entities.Customers.PersonalColumns);
        Assert.Equal(["shell jacket", "storm shell"], profile.Vocabulary.Synonyms["Rain Shells"]);
        Assert.Equal(["trail meetup"], profile.Vocabulary.Synonyms["trail_event_invite"]);
        ProfileDimension tier = Assert.Single(profile.Analytics.Dimensions);
        Assert.Equal(("loyalty_tier", EntityKind.Customers, "{loyalty_tier}"), (tier.Name, tier.Entity, tier.Expression));
        Assert.Equal(SummitEffects.Triggers.Select(t => t.Id).Order(StringComparer.Ordinal), profile.Triggers.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InitDraft_NamesWhatIsMissing_AndLoadsOnceFilled()
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", summit.Path);
        Assert.True(exit == 0, stderr);
        JsonObject draft = JsonNode.Parse(stdout)!.AsObject();
        Assert.NotEmpty(draft["_guesses"]!.AsArray());

        // As drafted (placeholders such as "TODO: ..." are text): it loads, _guesses and all.
        IReadOnlyList<ProfileError> asDrafted = BusinessProfileLoader.Validate(draft.ToJsonString());
        Assert.True(asDrafted.Count == 0, string.Join(Environment.NewLine, asDrafted));

        // What a user may break while editing is named by its JSON path.
        JsonObject broken = draft.DeepClone().AsObject();
        broken.Remove("description");
        broken["entities"]!["customers"]!["columns"]!.AsObject().Remove("id");
        broken["entities"]!["customers"]!["personal_columns"]!.AsArray().Add("CONCAT(first, last)");
        IReadOnlyList<ProfileError> errors = BusinessProfileLoader.Validate(broken.ToJsonString());
        Assert.Contains(errors, e => e.Path == "$.description");
        Assert.Contains(errors, e => e.Path == "$.entities.customers.columns.id");
        Assert.Contains(errors, e => e.Path == "$.entities.customers.personal_columns[2]");
        Assert.DoesNotContain(errors, e => e.Path.StartsWith("$._", StringComparison.Ordinal));

        JsonObject filled = draft.DeepClone().AsObject();
        filled["description"] = "an outdoor-apparel retailer";
        BusinessProfile profile = BusinessProfileLoader.Parse(filled.ToJsonString(), "draft.profile.json");
        Assert.Equal("members", profile.Entities.Customers.Table);
        Assert.Equal(["full_name", "email_address"], profile.Entities.Customers.PersonalColumns);
    }

    [Fact]
    public void UnderscoreKeys_AreCommentsAtTheTopLevelOnly()
    {
        JsonObject profile = JsonNode.Parse(File.ReadAllText(SummitOutfittersProfile.Path))!.AsObject();
        profile["_guesses"] = new JsonArray(new JsonObject { ["path"] = "$.name", ["guess"] = "from the file name" });
        profile["_note"] = "reviewed";
        profile["entities"]!["orders"]!["_note"] = "not here";

        ProfileError error = Assert.Single(BusinessProfileLoader.Validate(profile.ToJsonString()));
        Assert.Equal("$.entities.orders._note", error.Path);
    }

    private static BusinessProfile LoadOrExplain(string path)
    {
        IReadOnlyList<ProfileError> errors = BusinessProfileLoader.Validate(File.ReadAllText(path));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return BusinessProfileLoader.LoadFile(path);
    }
}
