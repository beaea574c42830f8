using System.Diagnostics;
using AetherSegment.Interpretation;
using Microsoft.Extensions.Logging;

namespace AetherSegment.AI.Interpretation;

/// <summary>Logs each interpretation: who answered, how fast, with what confidence (Debug); failures (Warning); the objective and answer only at Trace. Thread-safe.</summary>
internal sealed class LoggingCampaignInterpreter(ICampaignInterpreter inner, ILogger logger) : DelegatingCampaignInterpreter(inner)
{
    public override async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        AILog.Objective(logger, Name, objective);
        long start = Stopwatch.GetTimestamp();
        try
        {
            CampaignObjective answer = await InnerInterpreter.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
            double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            AILog.Interpreted(logger, Name, elapsedMs, answer.Interpreter, answer.Confidence);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                string json = AetherSegmentJson.Serialize(answer);
                AILog.Answer(logger, Name, json);
            }

            return answer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AetherSegmentInputException)
        {
            double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            AILog.InterpretFailed(logger, Name, elapsedMs, ex.Message);
            throw;
        }
    }
}
