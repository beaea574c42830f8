using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;

namespace AetherSegment.Core.Tests.Interpretation;

public sealed class CampaignObjectiveJsonTests
{
    [Fact]
    public void Serialize_WritesEveryCanonicalFieldInSnakeCase()
    {
        CampaignObjective objective = new()
        {
            Objective = "Recover carts",
            CampaignType = CampaignType.AbandonedCartRecovery,
            Audience = new Audience { ValueTier = ValueTier.High, Behavior = new Behavior { AbandonedCartWithinDays = 2 } },
            Incentive = new Incentive { Type = IncentiveType.PercentDiscount, Value = 15 },
            Kpi = new Kpi { Metric = KpiMetric.ConversionRate, TargetChangePct = 25 },
            SuggestedTrigger = "personalized_discount_offer",
            Confidence = 0.9,
        };

        JsonObject json = JsonNode.Parse(AetherSegmentJson.Serialize(objective))!.AsObject();

        Assert.Equal("abandoned_cart_recovery", (string?)json["campaign_type"]);
        Assert.Equal("high", (string?)json["audience"]!["value_tier"]);
        Assert.Equal(2, (double)json["audience"]!["behavior"]!["abandoned_cart_within_days"]!);
        Assert.True(json["audience"]!["behavior"]!.AsObject().ContainsKey("min_cart_value"));
        Assert.Null(json["audience"]!["clv_min"]);
        Assert.Empty(json["audience"]!["cities"]!.AsArray());
        Assert.Equal("percent_discount", (string?)json["incentive"]!["type"]);
        Assert.Equal("personalized_discount_offer", (string?)json["suggested_trigger"]);
        Assert.Equal("rules", (string?)json["interpreter"]);
        Assert.Empty(json["warnings"]!.AsArray());
    }

    [Fact]
    public void Deserialize_RejectsAValueOutsideTheVocabulary()
    {
        const string json = """{"objective":"x","campaign_type":"flash_sale"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CampaignObjective>(json, AetherSegmentJson.Options));
    }
}
