using System.Globalization;
using Microsoft.Extensions.Options;

namespace AetherSegment.Uplift;

/// <summary>Checks <see cref="TriggerRankingOptions"/> at start, naming the configuration key of every bad setting.</summary>
/// <remarks>The model name is checked against the built-in models only when the built-in <see cref="IUpliftModelFactory"/>
/// creates them: a registered factory of one's own takes its own names.</remarks>
internal sealed class TriggerRankingOptionsValidator(IUpliftModelFactory? models = null) : IValidateOptions<TriggerRankingOptions>
{
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, TriggerRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResultBuilder result = new();
        const string Section = TriggerRankingOptions.SectionName;
        if (options.MinimumRowsPerArm < 1)
        {
            result.AddError(Invariant($"{Section}:MinimumRowsPerArm must be at least 1 (was {options.MinimumRowsPerArm})."));
        }

        if (options.TrainingRowsPerArm is < 100 or > 10_000_000)
        {
            result.AddError(Invariant($"{Section}:TrainingRowsPerArm must be between 100 and 10000000 (was {options.TrainingRowsPerArm})."));
        }

        if (options.AudienceSnapshotMaxLag is { } lag && (lag < TimeSpan.Zero || lag > TimeSpan.FromDays(1)))
        {
            result.AddError(Invariant($"{Section}:AudienceSnapshotMaxLag must be between 00:00:00 and 1.00:00:00 (was {lag})."));
        }

        if (options.TrainingRowsPerArm < options.MinimumRowsPerArm)
        {
            result.AddError($"{Section}:TrainingRowsPerArm must not be below {Section}:MinimumRowsPerArm, or no trigger could get a model.");
        }

        if (options.ScoringSampleSize is < 1_000)
        {
            result.AddError(Invariant($"{Section}:ScoringSampleSize must be at least 1000, or empty to score every member (was {options.ScoringSampleSize})."));
        }

        CheckTimeout(result, $"{Section}:Timeout", options.Timeout);
        CheckTimeout(result, $"{Section}:TrainingTimeout", options.TrainingTimeout);
        if (models is null or BuiltInUpliftModelFactory && options.Model is { } model && !UpliftModels.Names.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            result.AddError($"{Section}:Model must be one of {string.Join(", ", UpliftModels.Names)} (was '{model}').");
        }

        return result.Build();
    }

    private static void CheckTimeout(ValidateOptionsResultBuilder result, string key, TimeSpan value)
    {
        if (value < ShortestTimeout || value > LongestTimeout)
        {
            result.AddError(Invariant($"{key} must be between 00:00:00.010 and 01:00:00 (was {value})."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
