using System.Diagnostics;
using AetherSegment.Diagnostics;
using AetherSegment.Interpretation;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// Traces and measures each interpretation on the <c>AetherSegment</c> source and meter: a span <c>interpret {name}</c>
/// tagged with the GenAI conventions' <c>gen_ai.operation.name</c> and <c>gen_ai.request.model</c> plus who answered and
/// the confidence; the counter <c>aethersegment.interpretations</c> and the histogram
/// <c>aethersegment.interpretation.duration</c> (s). Token counts per model call come from the chat client's own
/// OpenTelemetry step (Microsoft.Extensions.AI, <c>gen_ai.client.token.usage</c>). Thread-safe.
/// </summary>
internal sealed class OpenTelemetryCampaignInterpreter(ICampaignInterpreter inner, string? modelId) : DelegatingCampaignInterpreter(inner)
{
    public override async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        using Activity? activity = PackageTelemetry.ActivitySource.StartActivity("interpret " + Name);
        activity?.SetTag("gen_ai.operation.name", "interpret");
        activity?.SetTag("aethersegment.interpreter", Name);
        if (modelId is not null)
        {
            activity?.SetTag("gen_ai.request.model", modelId);
        }

        long start = Stopwatch.GetTimestamp();
        string answeredBy = "error";
        try
        {
            CampaignObjective answer = await InnerInterpreter.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
            answeredBy = answer.Interpreter;
            activity?.SetTag("aethersegment.answered_by", answer.Interpreter);
            activity?.SetTag("aethersegment.confidence", answer.Confidence);
            activity?.SetTag("aethersegment.warnings", answer.Warnings.Count);
            PackageTelemetry.Interpretations.Add(1, new KeyValuePair<string, object?>("interpreter", answer.Interpreter));
            return answer;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            PackageTelemetry.InterpretationDuration.Record(
                Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>("interpreter", Name),
                new KeyValuePair<string, object?>("answered_by", answeredBy));
        }
    }
}
