using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using Json.Schema;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>The published JSON Schema accepts the shipped profiles and rejects what the loader rejects structurally.</summary>
public sealed class ProfileSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ProfileSchema.Json);

    [Fact]
    public void EmbeddedSchema_IsTheOneInDocs()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "profile.schema.json"));

        Assert.Equal(docs, ProfileSchema.Json);
        Assert.Equal(ProfileSchema.Id, JsonNode.Parse(ProfileSchema.Json)!["$id"]!.GetValue<string>());
    }

    [Fact]
    public void HomeFurnishingProfile_ValidatesAgainstTheSchema()
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();
        using JsonDocument document = JsonDocument.Parse(stream);

        AssertValid(document.RootElement);
    }

    [Fact]
    public void AnotherRetailersProfile_ValidatesAgainstTheSchema()
    {
        using JsonDocument document = JsonDocument.Parse(BusinessProfileLoaderTests.Edit(_ => { }).ToJsonString());

        AssertValid(document.RootElement);
    }

    [Fact]
    public void SummitOutfittersProfile_WithInitsGuesses_ValidatesAgainstTheSchema()
    {
        string file = Path.Combine(RepositoryRoot(), "tests", "AetherSegment.TestRetailers", "SummitOutfitters", "summit-outfitters.profile.json");
        JsonObject profile = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        profile["_guesses"] = new JsonArray(new JsonObject { ["path"] = "$.entities.customers", ["guess"] = "the table whose id appears in the most others" });

        AssertValid(JsonDocument.Parse(profile.ToJsonString()).RootElement);
        Assert.Empty(BusinessProfileLoader.Validate(profile.ToJsonString()));
    }

    [Fact]
    public void Schema_RejectsUnderscoreKeysBelowTheTopLevel_AndExpressionsAsPersonalColumns()
    {
        JsonObject nested = BusinessProfileLoaderTests.Edit(p => p["entities"]!["customers"]!["_note"] = "x");
        JsonObject expression = BusinessProfileLoaderTests.Edit(p => p["entities"]!["customers"]!["personal_columns"] = new JsonArray("LOWER(email)"));

        Assert.False(Evaluate(JsonDocument.Parse(nested.ToJsonString()).RootElement).IsValid);
        Assert.False(Evaluate(JsonDocument.Parse(expression.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Schema_RejectsATypoAndAConditionOfUnknownKind()
    {
        JsonObject typo = BusinessProfileLoaderTests.Edit(p => p["entities"]!["orders"]!["tabel"] = "orders");
        JsonObject badKind = BusinessProfileLoaderTests.Edit(p => p["triggers"]![0]!["eligibility"]!["condition"]!["kind"] = "sometimes");

        Assert.False(Evaluate(JsonDocument.Parse(typo.ToJsonString()).RootElement).IsValid);
        Assert.False(Evaluate(JsonDocument.Parse(badKind.ToJsonString()).RootElement).IsValid);
    }

    private static void AssertValid(JsonElement profile)
    {
        EvaluationResults results = Evaluate(profile);
        string problems = string.Join(Environment.NewLine, (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        Assert.True(results.IsValid, problems);
    }

    private static EvaluationResults Evaluate(JsonElement profile) =>
        Schema.Evaluate(profile, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AetherSegment.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
