using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// Interprets objectives with Gemini on Vertex AI: the contract's system instruction, the objective and the response
/// schema go through <see cref="VertexAiClient"/>; the answer is validated against the schema and the contract.
/// Any failure (timeout, HTTP error, authentication, invalid JSON, a value outside the vocabulary) falls back to the
/// rules with a warning that says why, unless <see cref="GeminiOptions.FallbackToRules"/> is off. Thread-safe.
/// </summary>
internal sealed class GeminiCampaignInterpreter : ICampaignInterpreter
{
    /// <summary>The interpreter's short name.</summary>
    public const string InterpreterName = "gemini";

    private readonly VertexAiClient _client;
    private readonly BusinessProfile _profile;
    private readonly ICampaignInterpreter _rules;
    private readonly GeminiOptions _options;
    private readonly ILogger _logger;

    public GeminiCampaignInterpreter(VertexAiClient client, BusinessProfile profile, IOptions<GeminiOptions> options, IOptions<AetherSegmentOptions> coreOptions, ILogger<GeminiCampaignInterpreter>? logger = null)
    {
        _profile = profile;
        _client = client;
        _options = options.Value;
        _rules = CampaignInterpreters.CreateRuleBased(profile, coreOptions.Value);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => InterpreterName;

    /// <inheritdoc />
    public async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        using System.Diagnostics.Activity? activity = PackageTelemetry.ActivitySource.StartActivity("interpret gemini");
        GeminiLog.Objective(_logger, InterpreterName, text);
        string reason;
        try
        {
            string answer = await _client.GenerateAsync(InterpretationPrompt.SystemInstruction(_profile), text, cancellationToken).ConfigureAwait(false);
            GeminiLog.Answer(_logger, InterpreterName, answer);
            if (ModelAnswer.Read(answer, text, InterpreterName, _profile, out reason) is { } result)
            {
                CampaignObjective rules = await _rules.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
                PackageTelemetry.Interpretations.Add(1, new KeyValuePair<string, object?>("interpreter", InterpreterName));
                return ModelAnswer.Stamp(result, rules);
            }
        }
        catch (VertexAiException ex)
        {
            reason = ex.Message;
        }

        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
        return await LanguageModelFallback.AnswerAsync(_rules, text, InterpreterName, reason, _options.FallbackToRules, _logger, cancellationToken).ConfigureAwait(false);
    }
}
