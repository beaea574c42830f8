using System.Text.Json.Nodes;
using System.Text.Json;
using AetherSegment.Gemini.Interpretation;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class GeminiInterpreterTests
{
    private const string Objective = "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%";
    private const string ExpectedPath = "/v1/projects/test-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent";

    private static ServiceProvider Build(FakeVertexServer server, Action<GeminiOptions>? configure = null) =>
        new ServiceCollection()
            .AddAetherSegment().UseProfile(HomeFurnishingProfile.Load())
            .AddGemini(o =>
            {
                o.ProjectId = "test-project";
                o.Endpoint = server.Endpoint;
                o.AccessToken = "test-token";
                o.Timeout = TimeSpan.FromSeconds(10);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                configure?.Invoke(o);
            })
            .Services.BuildServiceProvider();

    /// <summary>A valid answer that differs from the rules' (so the test sees whose answer it got).</summary>
    private static string ValidAnswer()
    {
        CampaignObjective rules = CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load()).InterpretAsync(Objective).AsTask().Result;
        CampaignObjective model = rules with { Objective = "echoed by the model", Interpreter = "whatever", Confidence = 0.99, Warnings = [] };
        return AetherSegmentJson.Serialize(model);
    }

    [Fact]
    public async Task Interpret_ValidAnswer_ReturnsGeminiObjectAndSendsTheContractRequest()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(ValidAnswer())));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        Assert.Equal(Objective, answer.Objective);
        Assert.Equal(1.0, answer.Confidence); // the host's: valid and in full agreement with the rules, whatever the model claimed
        Assert.Equal(CampaignType.AbandonedCartRecovery, answer.CampaignType);
        Assert.Empty(answer.Warnings);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ExpectedPath, request.PathAndQuery);
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        JsonObject body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Contains("campaign_type", (string?)body["systemInstruction"]!["parts"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal("user", (string?)body["contents"]![0]!["role"]);
        Assert.Equal(Objective, (string?)body["contents"]![0]!["parts"]![0]!["text"]);
        JsonObject config = body["generationConfig"]!.AsObject();
        Assert.Equal("application/json", (string?)config["responseMimeType"]);
        JsonObject schema = config["responseSchema"]!.AsObject();
        Assert.Equal("OBJECT", (string?)schema["type"]);
        JsonArray cities = schema["properties"]!["audience"]!["properties"]!["cities"]!["items"]!["enum"]!.AsArray();
        Assert.Contains("London", cities.Select(c => (string?)c));
        Assert.Equal(21, cities.Count);
        JsonObject tier = schema["properties"]!["audience"]!["properties"]!["value_tier"]!.AsObject();
        Assert.True((bool)tier["nullable"]!);
        Assert.DoesNotContain(tier["enum"]!.AsArray(), v => v is null);
    }

    /// <summary>What a model decides, and nothing the host owns: no objective, interpreter, confidence or warnings.</summary>
    private static string MinimalAnswer(Action<JsonObject>? change = null)
    {
        JsonObject answer = JsonNode.Parse(ValidAnswer())!.AsObject();
        foreach (string hostField in (string[])["objective", "interpreter", "confidence", "warnings"])
        {
            answer.Remove(hostField);
        }

        answer["kpi"]!["target_change_pct"] = 40;
        change?.Invoke(answer);
        return answer.ToJsonString();
    }

    [Fact]
    public async Task Interpret_MinimalModelAnswerWithoutHostFields_IsUsedAndTheHostFillsThem()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(MinimalAnswer())));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        Assert.Equal(Objective, answer.Objective);
        Assert.Equal(40, answer.Kpi.TargetChangePct);
        Assert.InRange(answer.Confidence, 0.5, 1.0);
        Assert.DoesNotContain(answer.Warnings, w => w.Contains("rule-based interpreter", StringComparison.Ordinal));
        JsonObject schema = JsonNode.Parse(Assert.Single(server.Requests).Body)!["generationConfig"]!["responseSchema"]!.AsObject();
        foreach (string hostField in (string[])["objective", "interpreter", "confidence", "warnings"])
        {
            Assert.False(schema["properties"]!.AsObject().ContainsKey(hostField), hostField + " is the host's, not the model's");
            Assert.DoesNotContain(schema["required"]!.AsArray(), f => (string?)f == hostField);
        }
    }

    [Fact]
    public async Task Interpret_ModelDisagreesWithTheRules_ConfidenceIsLowerAndAWarningSaysWhere()
    {
        await using FakeVertexServer agreeing = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(MinimalAnswer())));
        await using FakeVertexServer disagreeing = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(MinimalAnswer(a => a["campaign_type"] = "win_back"))));
        using ServiceProvider agreeingServices = Build(agreeing);
        using ServiceProvider disagreeingServices = Build(disagreeing);

        CampaignObjective agreed = await agreeingServices.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);
        CampaignObjective disagreed = await disagreeingServices.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", disagreed.Interpreter);
        Assert.Equal(CampaignType.WinBack, disagreed.CampaignType);
        Assert.True(disagreed.Confidence < agreed.Confidence, $"{disagreed.Confidence} < {agreed.Confidence}");
        Assert.Contains(disagreed.Warnings, w => w.Contains("campaign_type", StringComparison.Ordinal) && w.Contains("abandoned_cart_recovery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interpret_ApiKey_SendsItAsTheKeyParameterWithoutBearer()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(ValidAnswer())));
        using ServiceProvider services = Build(server, o =>
        {
            o.AccessToken = null;
            o.ApiKey = "k3y/with+chars";
        });

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(ExpectedPath + "?key=k3y%2Fwith%2Bchars", request.PathAndQuery);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Interpret_InvalidJson_FallsBackToRulesSayingWhy()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate("{\"campaign_type\": \"abandoned_cart_recovery\", oops")));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Equal(CampaignType.AbandonedCartRecovery, answer.CampaignType);
        Assert.Contains(answer.Warnings, w => w.Contains("gemini", StringComparison.Ordinal) && w.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interpret_WrongVocabulary_FallsBackNamingTheFieldAndNeverReturnsTheInventedValue()
    {
        JsonObject invented = JsonNode.Parse(ValidAnswer())!.AsObject();
        invented["audience"]!["cities"] = new JsonArray("Paris");
        invented["campaign_type"] = "flash_sale";
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(invented.ToJsonString())));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Empty(answer.Audience.Cities);
        string warning = answer.Warnings[0];
        Assert.Contains("audience.cities[0]", warning, StringComparison.Ordinal);
        Assert.Contains("campaign_type", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_429ThenSuccess_RetriesHonouringRetryAfterAndReturnsGemini()
    {
        await using FakeVertexServer server = new((attempt, _) => attempt == 0
            ? new FakeResponse(429, """{"error":{"code":429,"message":"Resource exhausted"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : new FakeResponse(200, FakeVertexServer.Candidate(ValidAnswer())));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Interpret_TransientWithRetryAfter_WaitsWhatTheServerSaysNotTheBackoff(int status)
    {
        // The backoff alone would wait 30 s, past the 8 s total timeout: only honouring Retry-After (1 s) gets the answer.
        await using FakeVertexServer server = new((attempt, _) => attempt == 0
            ? new FakeResponse(status, """{"error":{"message":"Resource exhausted"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new FakeResponse(200, FakeVertexServer.Candidate(MinimalAnswer())));
        using ServiceProvider services = Build(server, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(4);
            o.TotalTimeout = TimeSpan.FromSeconds(8);
        });

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("gemini", answer.Interpreter);
        Assert.Equal(40, answer.Kpi.TargetChangePct);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Interpret_OpenCircuit_AnswersFromTheFallbackWithoutCallingVertex()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(503, """{"error":{"message":"overloaded"}}"""));
        using ServiceProvider services = Build(server, o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        ICampaignInterpreter interpreter = services.GetRequiredService<ICampaignInterpreter>();

        CampaignObjective first = await interpreter.InterpretAsync(Objective);
        CampaignObjective second = await interpreter.InterpretAsync(Objective);
        CampaignObjective third = await interpreter.InterpretAsync(Objective);

        Assert.Contains("HTTP 503", first.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 503", second.Warnings[0], StringComparison.Ordinal);
        Assert.Equal("rules", third.Interpreter);
        Assert.Contains("circuit breaker is open", third.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(CampaignType.AbandonedCartRecovery, third.CampaignType);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Interpret_SameObjectiveTwice_SecondAnswerComesFromTheCache()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(MinimalAnswer())));
        using ServiceProvider services = Build(server);
        ICampaignInterpreter interpreter = services.GetRequiredService<ICampaignInterpreter>();

        CampaignObjective first = await interpreter.InterpretAsync(Objective);
        CampaignObjective second = await interpreter.InterpretAsync(Objective);
        CampaignObjective other = await interpreter.InterpretAsync(Objective + " this spring");

        Assert.Equal(first, second);
        Assert.Equal("gemini", other.Interpreter);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Options_TotalTimeoutNotAboveTheAttemptTimeout_FailsAtStartNamingTheKey()
    {
        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load())
            .AddGemini(o =>
            {
                o.ProjectId = "p";
                o.Timeout = TimeSpan.FromSeconds(30);
                o.TotalTimeout = TimeSpan.FromSeconds(10);
            }).Services.BuildServiceProvider();

        Microsoft.Extensions.Options.OptionsValidationException error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GeminiOptions>>().Value);

        Assert.Contains("AetherSegment:Gemini:TotalTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_500_RetriesThenFallsBackWithTheStatusInTheWarning()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(500, """{"error":{"code":500,"message":"Internal error encountered."}}"""));
        using ServiceProvider services = Build(server, o => o.MaxRetries = 2);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("HTTP 500", answer.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("Internal error encountered", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_400_DoesNotRetryAndFallsBack()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(400, """{"error":{"code":400,"message":"Invalid JSON payload"}}"""));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Single(server.Requests);
        Assert.Contains("HTTP 400", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_Timeout_FallsBackSayingItTimedOut()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate(ValidAnswer()), Delay: TimeSpan.FromSeconds(5)));
        using ServiceProvider services = Build(server, o => o.Timeout = TimeSpan.FromMilliseconds(200));

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Contains("timeout", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_CandidateWithoutText_FallsBack()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, """{"candidates":[{"finishReason":"SAFETY"}]}"""));
        using ServiceProvider services = Build(server);

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Contains("SAFETY", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_FailureWithFallbackOff_ThrowsAClearException()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(503, "{}"));
        using ServiceProvider services = Build(server, o =>
        {
            o.FallbackToRules = false;
            o.MaxRetries = 0;
        });

        CampaignInterpretationException error = await Assert.ThrowsAsync<CampaignInterpretationException>(
            () => services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective).AsTask());

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_EmptyObjective_IsAnInputErrorNotAFallback()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, "{}"));
        using ServiceProvider services = Build(server);

        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(
            () => services.GetRequiredService<ICampaignInterpreter>().InterpretAsync("  ").AsTask());

        Assert.Equal("objective", error.Field);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Interpret_UnreachableEndpoint_FallsBack()
    {
        int port;
        using (System.Net.Sockets.TcpListener probe = new(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddGemini(o =>
        {
            o.ProjectId = "p";
            o.Endpoint = $"http://127.0.0.1:{port}";
            o.AccessToken = "t";
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        }).Services.BuildServiceProvider();

        CampaignObjective answer = await services.GetRequiredService<ICampaignInterpreter>().InterpretAsync(Objective);

        Assert.Equal("rules", answer.Interpreter);
        Assert.Contains("could not be reached", answer.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_SkipsThoughtParts()
    {
        using JsonDocument response = JsonDocument.Parse("""{"candidates":[{"content":{"parts":[{"thought":true,"text":"thinking"},{"text":"{}"}]}}]}""");

        Assert.Equal("{}", VertexAiClient.ReadText(response.RootElement));
    }
}
