using AetherSegment.Interpretation;
using Microsoft.Extensions.Logging;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// When the inner interpreter fails (<see cref="CampaignInterpretationException"/>: timeout, transport error, an answer
/// that fails validation), answers with the fallback interpreter and puts a warning naming the reason first. Input
/// errors (<see cref="AetherSegmentInputException"/>) and the caller's cancellation pass through. Thread-safe.
/// </summary>
internal sealed class FallbackCampaignInterpreter(ICampaignInterpreter inner, ICampaignInterpreter fallback, ILogger logger)
    : DelegatingCampaignInterpreter(inner)
{
    public override async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        string reason;
        try
        {
            return await InnerInterpreter.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
        }
        catch (CampaignInterpretationException ex)
        {
            reason = ex.InnerException is LanguageModelException model ? model.Message : ex.Message.TrimEnd('.');
        }

        AILog.FellBack(logger, Name, reason, fallback.Name);
        CampaignObjective answer = await fallback.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
        string by = fallback.Name == "rules" ? "the rule-based interpreter" : $"the {fallback.Name} interpreter";
        string warning = $"The {Name} interpreter failed ({reason}); this answer comes from {by}.";
        return answer with { Warnings = [warning, .. answer.Warnings] };
    }
}
