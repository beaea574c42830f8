using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini;

/// <summary>Source-generated validator of <see cref="GeminiOptions"/>' annotations.</summary>
[OptionsValidator]
internal sealed partial class GeminiOptionsValidator : IValidateOptions<GeminiOptions>;

/// <summary>Checks the numeric ranges of <see cref="GeminiOptions"/>, naming the key.</summary>
internal sealed class GeminiOptionsRangeValidator : IValidateOptions<GeminiOptions>
{
    public ValidateOptionsResult Validate(string? name, GeminiOptions options)
    {
        ValidateOptionsResultBuilder result = new();
        if (options.Timeout < TimeSpan.FromMilliseconds(10) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            result.AddError("AetherSegment:Gemini:Timeout must be between 00:00:00.010 and 00:10:00.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            result.AddError("AetherSegment:Gemini:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            result.AddError("AetherSegment:Gemini:RetryBaseDelay must be between 00:00:00 and 00:01:00.");
        }

        if (options.TotalTimeout <= options.Timeout || options.TotalTimeout > TimeSpan.FromMinutes(30))
        {
            result.AddError("AetherSegment:Gemini:TotalTimeout must exceed AetherSegment:Gemini:Timeout and be at most 00:30:00.");
        }

        if (options.CircuitBreakerMinimumThroughput is < 2 or > 1000)
        {
            result.AddError("AetherSegment:Gemini:CircuitBreakerMinimumThroughput must be between 2 and 1000.");
        }

        if (options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) || options.CircuitBreakerBreakDuration > TimeSpan.FromDays(1))
        {
            result.AddError("AetherSegment:Gemini:CircuitBreakerBreakDuration must be between 00:00:00.500 and 1.00:00:00.");
        }

        return result.Build();
    }
}
