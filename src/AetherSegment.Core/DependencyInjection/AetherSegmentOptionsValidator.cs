using Microsoft.Extensions.Options;

namespace AetherSegment.DependencyInjection;

/// <summary>Checks ranges and the rules that span several settings of <see cref="AetherSegmentOptions"/>, naming the key.</summary>
internal sealed class AetherSegmentOptionsValidator : IValidateOptions<AetherSegmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AetherSegmentOptions options)
    {
        ValidateOptionsResultBuilder result = new();
        CheckUnit(result, "AetherSegment:HighValueThreshold", options.HighValueThreshold);
        CheckUnit(result, "AetherSegment:LowValueThreshold", options.LowValueThreshold);
        CheckUnit(result, "AetherSegment:ChurnRiskThreshold", options.ChurnRiskThreshold);
        if (options.LowValueThreshold > options.HighValueThreshold)
        {
            result.AddError("AetherSegment:LowValueThreshold must not exceed AetherSegment:HighValueThreshold.");
        }

        return result.Build();
    }

    private static void CheckUnit(ValidateOptionsResultBuilder result, string key, double value)
    {
        if (!(value is >= 0 and <= 1))
        {
            result.AddError($"{key} must be between 0 and 1 (was {value}).");
        }
    }
}
