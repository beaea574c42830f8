using System.Globalization;
using System.Text.Json;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.AI;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// The one language-model interpreter: the profile's system instruction and the objective as messages to any
/// <see cref="IChatClient"/> (Gemini on Vertex AI through its adapter, OpenAI, Ollama...), the model's answer schema
/// (only what the model decides) as <see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/>; the
/// answer is validated and the host fills the objective, the interpreter name, the confidence and the warnings.
/// Failures throw <see cref="CampaignInterpretationException"/> (with the reason as a <see cref="LanguageModelException"/>
/// inside) for a fallback step to handle. Thread-safe when the chat client is.
/// </summary>
internal sealed class LanguageModelCampaignInterpreter : ICampaignInterpreter
{
    private readonly JsonElement _schema;
    private readonly BusinessProfile _profile;
    private readonly IChatClient _chatClient;
    private readonly string _name;
    private readonly string? _modelId;
    private readonly TimeSpan _timeout;
    private readonly ICampaignInterpreter _rules;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the interpreter.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="name">The interpreter's short name (<c>gemini</c>, <c>chat</c>, <c>ollama</c>).</param>
    /// <param name="modelId">The model id for <c>ChatOptions.ModelId</c>; null lets the client choose.</param>
    /// <param name="timeout">The timeout of one call; <see cref="Timeout.InfiniteTimeSpan"/> when the transport has its own.</param>
    /// <param name="profile">The business whose vocabulary the prompt and schema carry.</param>
    /// <param name="coreOptions">Core options for the rule-based reading the confidence compares with.</param>
    /// <param name="timeProvider">Clock of the timeout.</param>
    public LanguageModelCampaignInterpreter(IChatClient chatClient, string name, string? modelId, TimeSpan timeout, BusinessProfile profile, AetherSegmentOptions coreOptions, TimeProvider timeProvider)
    {
        _profile = profile;
        _schema = JsonSerializer.SerializeToElement(ModelAnswerSchema.Create(profile));
        _chatClient = chatClient;
        _name = name;
        _modelId = modelId;
        _timeout = timeout;
        _rules = CampaignInterpreters.CreateRuleBased(profile, coreOptions);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string Name => _name;

    /// <inheritdoc />
    public async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        ChatOptions chatOptions = new()
        {
            ModelId = _modelId,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(_schema, "campaign_objective", "The model's decisions for one marketing objective."),
        };
        ChatMessage[] messages = [new(ChatRole.System, InterpretationPrompt.SystemInstruction(_profile)), new(ChatRole.User, text)];
        string reason;
        Exception? cause = null;
        using CancellationTokenSource timeout = new(_timeout, _timeProvider);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            ChatResponse response = await _chatClient.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
            if (ModelAnswer.Read(response.Text, text, _name, _profile, out reason) is { } result)
            {
                CampaignObjective rules = await _rules.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
                return ModelAnswer.Stamp(result, rules);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the model did not answer within the timeout of {_timeout.TotalSeconds:0.###} s");
            cause = ex;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reason = ex is HttpRequestException or InvalidOperationException or NotSupportedException
                ? $"the chat client failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}"
                : ex.Message.ReplaceLineEndings(" ");
            cause = ex;
        }

        LanguageModelException failure = cause is null ? new LanguageModelException(reason) : new LanguageModelException(reason, cause);
        throw new CampaignInterpretationException($"The {_name} interpreter failed: {reason}.", failure);
    }
}
