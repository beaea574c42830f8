using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Interpretation;

public sealed class CampaignObjectiveValidatorTests
{
    private static CampaignObjective Valid() =>
        CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load()).InterpretAsync("Win back lapsed UK customers in London who haven't purchased in 90 days with 20% off").AsTask().Result;

    [Fact]
    public void Validate_RulesAnswer_HasNoProblems() => Assert.Empty(CampaignObjectiveValidator.Validate(Valid(), HomeFurnishingProfile.Load()));

    [Fact]
    public void Validate_ReportsEveryProblemNamingItsField()
    {
        CampaignObjective bad = Valid() with
        {
            Audience = new Audience
            {
                ClvMin = 1.5,
                Cities = ["London", "Paris", "London"],
                ProductTypes = ["sofas"],
                Behavior = new Behavior { NoPurchaseForDays = -3, ViewedWithinDays = double.NaN },
            },
            Incentive = new Incentive { Type = IncentiveType.FreeShipping, Value = 5 },
            Confidence = 2,
        };

        IReadOnlyList<string> errors = CampaignObjectiveValidator.Validate(bad, HomeFurnishingProfile.Load());

        Assert.Contains(errors, e => e.StartsWith("audience.clv_min:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.cities:", StringComparison.Ordinal) && e.Contains("Paris", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.cities:", StringComparison.Ordinal) && e.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.product_types:", StringComparison.Ordinal) && e.Contains("sofas", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.behavior.no_purchase_for_days:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.behavior.viewed_within_days:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("incentive.value:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("confidence:", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Validate_PercentOverOneHundred_IsAProblem()
    {
        CampaignObjective bad = Valid() with { Incentive = new Incentive { Type = IncentiveType.PercentDiscount, Value = 150 } };

        Assert.Contains(CampaignObjectiveValidator.Validate(bad, HomeFurnishingProfile.Load()), e => e.StartsWith("incentive.value:", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateJson_ValidAnswer_ParsesIt()
    {
        IReadOnlyList<string> errors = CampaignObjectiveValidator.ValidateJson(AetherSegmentJson.Serialize(Valid()), HomeFurnishingProfile.Load(), out CampaignObjective? parsed);

        Assert.Empty(errors);
        Assert.Equal(CampaignType.WinBack, parsed!.CampaignType);
        Assert.Equal(["London"], parsed.Audience.Cities);
    }

    [Fact]
    public void ValidateJson_ReportsMissingFieldsWrongTypesAndValuesOutsideTheVocabulary()
    {
        JsonObject json = JsonNode.Parse(AetherSegmentJson.Serialize(Valid()))!.AsObject();
        json.Remove("kpi");
        json["campaign_type"] = "flash_sale";
        json["audience"]!["countries"] = new JsonArray("France");
        json["audience"]!["behavior"]!["no_purchase_for_days"] = "ninety";
        json["incentive"]!["type"] = "cashback";

        IReadOnlyList<string> errors = CampaignObjectiveValidator.ValidateJson(json.ToJsonString(), HomeFurnishingProfile.Load(), out CampaignObjective? parsed);

        Assert.Null(parsed);
        Assert.Contains(errors, e => e.StartsWith("kpi: required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("campaign_type:", StringComparison.Ordinal) && e.Contains("flash_sale", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.countries[0]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("audience.behavior.no_purchase_for_days:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("incentive.type:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void ValidateJson_NotAnObject_IsRejected(string json)
    {
        Assert.NotEmpty(CampaignObjectiveValidator.ValidateJson(json, HomeFurnishingProfile.Load(), out CampaignObjective? parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void ValidateObjectiveText_Empty_ThrowsNamingTheObjective(string? objective)
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => CampaignObjectiveValidator.ValidateObjectiveText(objective));

        Assert.Equal("objective", error.Field);
        Assert.Contains("objective", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateObjectiveText_OverTwoThousandCharacters_Throws()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => CampaignObjectiveValidator.ValidateObjectiveText(new string('x', 2001)));

        Assert.Equal("objective", error.Field);
        Assert.Contains("2,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(2000, CampaignObjectiveValidator.ValidateObjectiveText(new string('x', 2000)).Length);
    }
}
