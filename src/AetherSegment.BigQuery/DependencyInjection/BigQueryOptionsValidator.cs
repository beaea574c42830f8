using System.Globalization;
using Microsoft.Extensions.Options;

namespace AetherSegment.BigQuery;

/// <summary>Source-generated validator of <see cref="BigQueryOptions"/>' annotations.</summary>
[OptionsValidator]
internal sealed partial class BigQueryOptionsValidator : IValidateOptions<BigQueryOptions>;

/// <summary>Checks the numeric ranges of <see cref="BigQueryOptions"/>, naming the key.</summary>
internal sealed class BigQueryOptionsRangeValidator : IValidateOptions<BigQueryOptions>
{
    public ValidateOptionsResult Validate(string? name, BigQueryOptions options)
    {
        ValidateOptionsResultBuilder result = new();
        if (options.MaximumBytesBilled < BigQueryQueryCost.MinimumBytesBilledPerTable)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"AetherSegment:BigQuery:MaximumBytesBilled must be at least {BigQueryQueryCost.MinimumBytesBilledPerTable} bytes (10 MB), got {options.MaximumBytesBilled}: BigQuery bills at least 10 MB for every table a query reads, so a smaller guard would refuse every query."));
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromHours(1))
        {
            result.AddError("AetherSegment:BigQuery:Timeout must be between 00:00:01 and 01:00:00.");
        }

        if (options.TotalTimeout <= options.Timeout || options.TotalTimeout > TimeSpan.FromHours(6))
        {
            result.AddError("AetherSegment:BigQuery:TotalTimeout must exceed AetherSegment:BigQuery:Timeout and be at most 06:00:00.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            result.AddError("AetherSegment:BigQuery:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            result.AddError("AetherSegment:BigQuery:RetryBaseDelay must be between 00:00:00 and 00:01:00.");
        }

        if (options.CircuitBreakerMinimumThroughput is < 2 or > 1000)
        {
            result.AddError("AetherSegment:BigQuery:CircuitBreakerMinimumThroughput must be between 2 and 1000.");
        }

        if (options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) || options.CircuitBreakerBreakDuration > TimeSpan.FromDays(1))
        {
            result.AddError("AetherSegment:BigQuery:CircuitBreakerBreakDuration must be between 00:00:00.500 and 1.00:00:00.");
        }

        return result.Build();
    }
}
