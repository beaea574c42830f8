using AetherSegment.Interpretation;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>What the language-model interpreters do when the model fails: answer with the rules and say why, or throw.</summary>
internal static class LanguageModelFallback
{
    /// <summary>Answers with the rules (interpreter <c>rules</c>, a warning naming the reason) or throws when fallback is off.</summary>
    /// <exception cref="CampaignInterpretationException">Fallback is off.</exception>
    public static async ValueTask<CampaignObjective> AnswerAsync(
        ICampaignInterpreter rules, string objective, string interpreter, string reason, bool fallbackToRules, ILogger logger, CancellationToken cancellationToken)
    {
        if (!fallbackToRules)
        {
            GeminiLog.Failed(logger, interpreter, reason);
            throw new CampaignInterpretationException($"The {interpreter} interpreter failed: {reason}.");
        }

        GeminiLog.FellBack(logger, interpreter, reason);
        CampaignObjective answer = await rules.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
        string warning = $"The {interpreter} interpreter failed ({reason}); this answer comes from the rule-based interpreter.";
        return answer with { Warnings = [warning, .. answer.Warnings] };
    }
}
