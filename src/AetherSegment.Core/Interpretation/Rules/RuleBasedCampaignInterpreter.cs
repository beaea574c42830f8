using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using Microsoft.Extensions.Options;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The embedded rule-based interpreter: deterministic, no network, microseconds per objective. A precompiled lexicon
/// (<see cref="LexiconEntries"/>), a span tokenizer and the contract's first-match rules; per-thread scratch buffers
/// are reused, so repeated calls allocate only the returned object. Thread-safe.
/// </summary>
internal sealed class RuleBasedCampaignInterpreter : ICampaignInterpreter
{
    /// <summary>The interpreter's short name.</summary>
    public const string InterpreterName = "rules";

    [ThreadStatic]
    private static RuleAnalyzer? t_analyzer;

    private readonly double _churnRiskThreshold;

    /// <summary>Creates the interpreter with the configured thresholds.</summary>
    public RuleBasedCampaignInterpreter(IOptions<AetherSegmentOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>Creates the interpreter with explicit options (defaults when null).</summary>
    public RuleBasedCampaignInterpreter(AetherSegmentOptions? options = null)
    {
        _churnRiskThreshold = (options ?? new AetherSegmentOptions()).ChurnRiskThreshold;
    }

    /// <inheritdoc />
    public string Name => InterpreterName;

    /// <inheritdoc />
    public ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Interpret(objective));
    }

    /// <summary>Interprets an objective synchronously.</summary>
    /// <exception cref="AetherSegmentInputException">The objective is empty, whitespace-only or over-long.</exception>
    public CampaignObjective Interpret(string objective)
    {
        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        RuleAnalyzer analyzer = t_analyzer ??= new RuleAnalyzer(Lexicon.Default, LexiconEntries.Catalog);
        CampaignObjective result = analyzer.Interpret(text, _churnRiskThreshold);
        AetherSegmentTelemetry.Interpretations.Add(1, new KeyValuePair<string, object?>("interpreter", InterpreterName));
        return result;
    }
}
