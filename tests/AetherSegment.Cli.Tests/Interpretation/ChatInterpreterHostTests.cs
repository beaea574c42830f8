using System.Text.Json.Nodes;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Interpretation;

/// <summary>The hosts' `chat` interpreter over an OpenAI-compatible endpoint, against a fake one on loopback.</summary>
public sealed class ChatInterpreterHostTests
{
    private const string Objective = "Win back lapsed customers in Toronto with 20 dollars off";

    [Fact]
    public async Task ChatInterpreter_AnswersThroughTheOpenAICompatibleEndpoint()
    {
        using FakeChatEndpoint endpoint = new(_ => """
            {"objective":"x","campaign_type":"win_back","audience":{"value_tier":null,"clv_min":null,"countries":[],"cities":["Toronto"],"categories":[],"product_types":[],"churn_risk":null,"acquisition_sources":[],"behavior":{"abandoned_cart_within_days":null,"purchased_within_days":null,"no_purchase_for_days":null,"acquired_within_days":null,"viewed_within_days":null,"min_cart_value":null}},"incentive":{"type":"fixed_discount","value":20},"kpi":{"metric":null,"target_change_pct":null},"suggested_trigger":"personalized_discount_offer","interpreter":"chat","confidence":0.8,"warnings":[]}
            """);
        using ServiceProvider services = Build(endpoint.BaseAddress);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("chat", answer.Interpreter);
        Assert.Equal(CampaignType.WinBack, answer.CampaignType);
        Assert.Equal(["Toronto"], answer.Audience.Cities);
        Assert.Equal(Objective, answer.Objective);
        JsonObject request = Assert.Single(endpoint.Requests);
        Assert.Equal("test-model", (string?)request["model"]);
        Assert.Contains(Objective, request["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatInterpreter_WrongVocabulary_FallsBackToTheRulesWithAWarning()
    {
        using FakeChatEndpoint endpoint = new(_ => """{"objective":"x","campaign_type":"flash_sale"}""");
        using ServiceProvider services = Build(endpoint.BaseAddress);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Equal(CampaignType.WinBack, answer.CampaignType);
        Assert.Contains(answer.Warnings, w => w.Contains("chat", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Uri endpoint)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AetherSegment:Interpreter"] = "chat",
            ["AetherSegment:Chat:Endpoint"] = endpoint.ToString(),
            ["AetherSegment:Chat:Model"] = "test-model",
        }).Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddAetherSegmentFromConfiguration(configuration);
        return services.BuildServiceProvider();
    }
}
