using System.Diagnostics;
using System.Runtime.CompilerServices;
using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using AetherSegment.Profiles;
using Microsoft.Extensions.Options;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The embedded rule-based interpreter: deterministic, no network, microseconds per objective. A precompiled lexicon
/// (<see cref="LexiconEntries"/>: Core's marketing and language words plus the <see cref="BusinessProfile"/>'s catalog
/// words, built once per profile), a span tokenizer and the contract's first-match rules; per-thread scratch buffers
/// are reused, so repeated calls allocate only the returned object. Thread-safe.
/// </summary>
internal sealed class RuleBasedCampaignInterpreter : ICampaignInterpreter
{
    /// <summary>The interpreter's short name.</summary>
    public const string InterpreterName = "rules";

    [ThreadStatic]
    private static RuleAnalyzer? t_analyzer;

    private static readonly ConditionalWeakTable<BusinessProfile, InterpreterCatalog> Catalogs = [];

    private readonly double _churnRiskThreshold;
    private readonly InterpreterCatalog _catalog;

    /// <summary>Creates the interpreter for a profile with the configured thresholds.</summary>
    public RuleBasedCampaignInterpreter(BusinessProfile profile, IOptions<AetherSegmentOptions> options)
        : this(profile, options.Value)
    {
    }

    /// <summary>Creates the interpreter for a profile with explicit options (defaults when null).</summary>
    public RuleBasedCampaignInterpreter(BusinessProfile profile, AetherSegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _churnRiskThreshold = (options ?? new AetherSegmentOptions()).ChurnRiskThreshold ?? profile.Catalog.ChurnRisk?.High ?? 0.6;
        _catalog = Catalogs.GetValue(profile, static p => new InterpreterCatalog(p));
    }

    /// <summary>The profile's catalog and lexicon (shared by every interpreter of the same profile).</summary>
    internal InterpreterCatalog Catalog => _catalog;

    /// <inheritdoc />
    public string Name => InterpreterName;

    /// <inheritdoc />
    public ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("interpret " + InterpreterName);
        return ValueTask.FromResult(Interpret(objective));
    }

    /// <summary>Interprets an objective synchronously.</summary>
    /// <exception cref="AetherSegmentInputException">The objective is empty, whitespace-only or over-long.</exception>
    public CampaignObjective Interpret(string objective)
    {
        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        RuleAnalyzer? analyzer = t_analyzer;
        if (analyzer is null || !ReferenceEquals(analyzer.Catalog, _catalog))
        {
            t_analyzer = analyzer = new RuleAnalyzer(_catalog);
        }

        CampaignObjective result = analyzer.Interpret(text, _churnRiskThreshold);
        AetherSegmentTelemetry.Interpretations.Add(1, new KeyValuePair<string, object?>("interpreter", InterpreterName));
        return result;
    }
}
