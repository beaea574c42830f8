using System.Text.Json;
using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// Interprets objectives with any <see cref="IChatClient"/>: the contract's system instruction and the objective as
/// messages, <see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/> with the generated schema,
/// then the same validation and fallback as Gemini. Thread-safe when the chat client is.
/// </summary>
internal sealed class ChatClientCampaignInterpreter : ICampaignInterpreter
{
    private readonly JsonElement _schema;
    private readonly BusinessProfile _profile;
    private readonly IChatClient _chatClient;
    private readonly ChatClientInterpreterOptions _options;
    private readonly ICampaignInterpreter _rules;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ChatClientCampaignInterpreter(IChatClient chatClient, ChatClientInterpreterOptions options, BusinessProfile profile, AetherSegmentOptions coreOptions, TimeProvider timeProvider, ILogger? logger = null)
    {
        _profile = profile;
        _schema = JsonSerializer.SerializeToElement(ModelAnswerSchema.Create(profile));
        _chatClient = chatClient;
        _options = options;
        _rules = CampaignInterpreters.CreateRuleBased(profile, coreOptions);
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        using System.Diagnostics.Activity? activity = PackageTelemetry.ActivitySource.StartActivity("interpret " + Name);
        GeminiLog.Objective(_logger, Name, text);
        ChatOptions chatOptions = new()
        {
            ModelId = _options.ModelId,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(_schema, "campaign_objective", "The Campaign Objective Object of one marketing objective."),
        };
        ChatMessage[] messages = [new(ChatRole.System, InterpretationPrompt.SystemInstruction(_profile)), new(ChatRole.User, text)];
        string reason;
        using CancellationTokenSource timeout = new(_options.Timeout, _timeProvider);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            ChatResponse response = await _chatClient.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
            GeminiLog.Answer(_logger, Name, response.Text);
            if (ModelAnswer.Read(response.Text, text, Name, _profile, out reason) is { } result)
            {
                CampaignObjective rules = await _rules.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
                PackageTelemetry.Interpretations.Add(1, new KeyValuePair<string, object?>("interpreter", Name));
                return ModelAnswer.Stamp(result, rules);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = $"the chat model did not answer within the timeout of {_options.Timeout.TotalSeconds:0.###} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reason = $"the chat client failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
        }

        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
        return await LanguageModelFallback.AnswerAsync(_rules, text, Name, reason, _options.FallbackToRules, _logger, cancellationToken).ConfigureAwait(false);
    }
}
