using System.Net;
using System.Text;
using AetherSegment.AI.Interpretation;
using AetherSegment.DependencyInjection;
using AetherSegment.Gemini;
using AetherSegment.Gemini.Interpretation;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Interpretation: the rule-based interpreter per objective (the public examples plus marketer phrasings), and the
/// Gemini path's own overhead (request building, HTTP pipeline, response parsing, schema and contract validation)
/// against an instant in-memory endpoint, so the figure excludes the network and the model.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Interpretation*' --job short</remarks>
[MemoryDiagnoser]
public class InterpretationBenchmarks
{
    private static readonly string[] Objectives =
    [
        "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%",
        "Recommend complementary furniture items to customers who purchased sofas in the last 30 days to drive cross-sell revenue by 20%",
        "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%",
        "Welcome new customers acquired in the last 7 days with free shipping to encourage first purchase and boost repeat rate by 30%",
        "Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth",
        "Send a reminder with no incentive to shoppers whose baskets were abandoned in the last 12 hours",
        "Offer Australian customers who viewed outdoor furniture this fortnight but did not buy free shipping",
        "Give customers with a CLV above 0.85 double points as a thank-you, aiming to lift repeat purchases by 10 percent",
        "Customers in Toronto who have not ordered for four months: win them back with 20 dollars off",
        "Launch the new lighting range with early access for everyone who signed up via referral",
        "Cross-sell to shoppers who bought office chairs in the past 3 weeks",
        "Hello",
        "Remind VIP customers about baskets worth more than £1,500 abandoned in the last 24 hours, no discount",
        "Upsell complementary decor to Londoners who bought living room furniture this month, raise AOV by 10%",
        "Onboard first-time buyers acquired through Instagram this month with 10% off their first order",
        "Canadian visitors who viewed patio sets over the past fortnight without buying, tell them stock is running low",
    ];

    private RuleBasedCampaignInterpreter _rules = null!;
    private LanguageModelCampaignInterpreter _gemini = null!;
    private VertexAiClient _client = null!;
    private string _answerJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _rules = new RuleBasedCampaignInterpreter(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load());
        _answerJson = AetherSegmentJson.Serialize(_rules.Interpret(Objectives[0]) with { Interpreter = "gemini", Confidence = 0.9 });
        byte[] response = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            candidates = new[] { new { content = new { role = "model", parts = new[] { new { text = _answerJson } } }, finishReason = "STOP" } },
        }));
        IOptions<GeminiOptions> options = Options.Create(new GeminiOptions { ProjectId = "bench", Endpoint = "http://127.0.0.1:1", AccessToken = "token" });
        _client = new VertexAiClient(options, logger: null, http: new HttpClient(new InstantHandler(response)));
        _gemini = new LanguageModelCampaignInterpreter(
            new VertexChatClient(_client, options.Value), "gemini", options.Value.Model, Timeout.InfiniteTimeSpan,
            AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load(), new AetherSegmentOptions(), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    /// <summary>One objective through the rules, averaged over 16 different objectives.</summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public int RulesPerObjective()
    {
        int sum = 0;
        foreach (string objective in Objectives)
        {
            sum += (int)_rules.Interpret(objective).CampaignType;
        }

        return sum;
    }

    /// <summary>The longest public example through the rules.</summary>
    [Benchmark]
    public CampaignObjective RulesSeed1() => _rules.Interpret(Objectives[0]);

    /// <summary>The Gemini interpreter (AetherSegment.AI's interpreter over the Vertex IChatClient adapter) end to end against an instant in-memory endpoint: its own overhead, including the rules reading the confidence compares with.</summary>
    [Benchmark]
    public async Task<CampaignObjective> GeminiOverhead() => await _gemini.InterpretAsync(Objectives[0]).ConfigureAwait(false);

    /// <summary>Validation of a model answer alone (schema, then contract).</summary>
    [Benchmark]
    public int ValidateAnswer() => CampaignObjectiveValidator.ValidateJson(_answerJson, AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load(), out _).Count;

    private sealed class InstantHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
