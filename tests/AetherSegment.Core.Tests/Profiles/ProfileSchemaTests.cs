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
