using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.AI.Interpretation;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class InterpreterPipelineTests
{
    private const string Objective = "Win back customers who haven't purchased in 90 days with free shipping";

    /// <summary>An interpreter step that records the order calls pass through it.</summary>
    private sealed class Recording(ICampaignInterpreter inner, string name, ConcurrentQueue<string> calls) : DelegatingCampaignInterpreter(inner)
    {
        public override async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
        {
            calls.Enqueue("enter " + name);
            CampaignObjective answer = await base.InterpretAsync(objective, cancellationToken);
            calls.Enqueue("leave " + name);
            return answer;
        }
    }

    [Fact]
    public async Task Builder_FirstUseIsOutermost()
    {
        ConcurrentQueue<string> calls = new();
        ICampaignInterpreter pipeline = new CampaignInterpreterBuilder(CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load()))
            .Use(inner => new Recording(inner, "a", calls))
            .Use(inner => new Recording(inner, "b", calls))
            .Build();

        CampaignObjective answer = await pipeline.InterpretAsync(Objective);

        Assert.Equal(["enter a", "enter b", "leave b", "leave a"], calls);
        Assert.Equal("rules", pipeline.Name);
        Assert.Equal(CampaignType.WinBack, answer.CampaignType);
    }

    [Fact]
    public async Task UseFallback_AnyFailingInterpreter_AnswersWithTheFallbackNamingTheReason()
    {
        ICampaignInterpreter failing = new CampaignInterpreterBuilder(new Failing()).UseFallback(CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load())).Build();

        CampaignObjective answer = await failing.InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Equal("The broken interpreter failed (the service is down); this answer comes from the rule-based interpreter.", answer.Warnings[0]);
    }

    private sealed class Failing : ICampaignInterpreter
    {
        public string Name => "broken";

        public ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default) =>
            throw new CampaignInterpretationException("the service is down.");
    }

    [Fact]
    public async Task OpenTelemetry_GeminiCall_TracesInterpretAndTheGenAiChatSpanWithTokens()
    {
        CampaignObjective rules = await CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load()).InterpretAsync(Objective);
        JsonObject minimal = JsonNode.Parse(AetherSegmentJson.Serialize(rules))!.AsObject();
        minimal.Remove("objective");
        minimal.Remove("interpreter");
        minimal.Remove("confidence");
        minimal.Remove("warnings");
        string response = JsonSerializer.Serialize(new
        {
            candidates = new[] { new { content = new { role = "model", parts = new[] { new { text = minimal.ToJsonString() } } }, finishReason = "STOP" } },
            usageMetadata = new { promptTokenCount = 4321, candidatesTokenCount = 87, totalTokenCount = 4408 },
        });
        ConcurrentQueue<Activity> activities = new();
        using ActivityListener listener = new()
        {
            ShouldListenTo = source => source.Name == "AetherSegment",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        ConcurrentQueue<(string Instrument, long Value)> tokens = new();
        using MeterListener meters = new();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "gen_ai.client.token.usage")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => tokens.Enqueue((instrument.Name, value)));
        meters.SetMeasurementEventCallback<int>((instrument, value, _, _) => tokens.Enqueue((instrument.Name, value)));
        meters.Start();
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, response));
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load())
            .AddGemini(o =>
            {
                o.ProjectId = "otel-project";
                o.Endpoint = server.Endpoint;
                o.AccessToken = "t";
            }).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        Activity chat = Assert.Single(activities, a => a.GetTagItem("gen_ai.usage.input_tokens") is 4321 or 4321L);
        Assert.Equal("gemini-2.5-flash", chat.GetTagItem("gen_ai.request.model"));
        Assert.Equal(87, Convert.ToInt64(chat.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Activity interpret = Assert.Single(activities, a => a.DisplayName == "interpret gemini" && a.Id == chat.ParentId);
        Assert.Equal("gemini", interpret.GetTagItem("aethersegment.answered_by"));
        Assert.Equal("gemini-2.5-flash", interpret.GetTagItem("gen_ai.request.model"));
        Assert.Contains(tokens, t => t.Value == 4321);
        Assert.Contains(tokens, t => t.Value == 87);
    }
}
