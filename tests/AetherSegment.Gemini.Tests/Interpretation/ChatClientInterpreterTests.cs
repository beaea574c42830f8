using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class ChatClientInterpreterTests
{
    private const string Objective = "Cross-sell to shoppers who bought office chairs in the past 3 weeks";

    /// <summary>A chat client driven by a delegate; records the options it was called with.</summary>
    private sealed class FakeChatClient(Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> respond) : IChatClient
    {
        public ChatOptions? LastOptions { get; private set; }

        public List<ChatMessage> LastMessages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastOptions = options;
            LastMessages.Clear();
            LastMessages.AddRange(messages);
            return respond(messages, options, cancellationToken);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static string ModelAnswer() =>
        AetherSegmentJson.Serialize(CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load()).InterpretAsync(Objective).AsTask().Result with { Confidence = 0.77 });

    [Fact]
    public async Task Interpret_ValidAnswer_ReturnsTheChatObjectAndAsksForTheSchema()
    {
        FakeChatClient chat = new((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "```json\n" + ModelAnswer() + "\n```"))));
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddChatClientInterpreter(chat).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("chat", answer.Interpreter);
        Assert.Equal(1.0, answer.Confidence); // the host's, not the 0.77 the model claimed
        Assert.Equal(["Office Chairs"], answer.Audience.ProductTypes);
        ChatResponseFormatJson format = Assert.IsType<ChatResponseFormatJson>(chat.LastOptions!.ResponseFormat);
        Assert.Contains("product_types", format.Schema!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(ChatRole.System, chat.LastMessages[0].Role);
        Assert.Equal(Objective, chat.LastMessages[1].Text);
    }

    [Fact]
    public async Task Interpret_SummitProfile_PromptAndSchemaCarrySummitsCatalogAndNoFurnitureWord()
    {
        BusinessProfile summit = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);
        const string objective = "Win back lapsed members in the Pacific Northwest who bought tents";
        string modelAnswer = AetherSegmentJson.Serialize(await CampaignInterpreters.CreateRuleBased(summit).InterpretAsync(objective) with { SuggestedTrigger = null });
        FakeChatClient chat = new((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, modelAnswer))));
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(summit).AddChatClientInterpreter(chat).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(objective);

        Assert.Equal("chat", answer.Interpreter);
        Assert.Equal(["Pacific Northwest"], answer.Audience.OtherLevels["regions"]);
        string prompt = chat.LastMessages[0].Text;
        string schema = Assert.IsType<ChatResponseFormatJson>(chat.LastOptions!.ResponseFormat).Schema!.Value.GetRawText();
        Assert.Contains(summit.Description, prompt, StringComparison.Ordinal);
        Assert.Contains("regions (regions, canonical names as listed; other words for them map to them): Pacific Northwest, Rockies", prompt, StringComparison.Ordinal);
        Assert.Contains("trailhead_event", prompt, StringComparison.Ordinal);
        Assert.Contains("repair_voucher", prompt, StringComparison.Ordinal);
        Assert.Contains("\"Pacific Northwest\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"Tents\"", schema, StringComparison.Ordinal);
        foreach (string furniture in (string[])["furniture", "home-furnishing", "Sofas", "London", "United Kingdom", "chairs", "desks", "room_planner", "organic_search"])
        {
            Assert.DoesNotContain(furniture, prompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(furniture, schema, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Interpret_ClientFromContainerWithAName_UsesThatName()
    {
        FakeChatClient chat = new((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, ModelAnswer()))));
        ServiceCollection collection = new();
        collection.AddSingleton<IChatClient>(chat);
        using ServiceProvider services = collection.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddChatClientInterpreter(o => o.Name = "ollama").Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("ollama", answer.Interpreter);
    }

    [Fact]
    public async Task Interpret_ClientThrows_FallsBackToRulesSayingWhy()
    {
        FakeChatClient chat = new((_, _, _) => throw new HttpRequestException("connection refused"));
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddChatClientInterpreter(chat).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Equal(CampaignType.CrossSell, answer.CampaignType);
        Assert.Contains("connection refused", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_AnswerOutsideTheVocabulary_FallsBack()
    {
        string invented = ModelAnswer().Replace("\"Office Chairs\"", "\"Gaming Chairs\"", StringComparison.Ordinal);
        FakeChatClient chat = new((_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, invented))));
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddChatClientInterpreter(chat).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Contains("Gaming Chairs", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_SlowClient_TimesOutAndFallsBack()
    {
        FakeChatClient chat = new(async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return new ChatResponse();
        });
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load())
            .AddChatClientInterpreter(chat, o => o.Timeout = TimeSpan.FromMilliseconds(100)).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Contains("timeout", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_DefaultIsRulesAndGeminiReplacesIt()
    {
        using ServiceProvider rules = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).Services.BuildServiceProvider();
        using ServiceProvider gemini = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddGemini(o => o.ProjectId = "p").AddGemini().Services.BuildServiceProvider();

        Assert.Equal("rules", rules.GetRequiredService<ICampaignInterpreter>().Name);
        Assert.Equal("gemini", gemini.GetRequiredService<ICampaignInterpreter>().Name);
    }
}
