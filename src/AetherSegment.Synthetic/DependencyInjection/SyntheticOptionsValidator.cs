using Microsoft.Extensions.Options;

namespace AetherSegment.Synthetic;

/// <summary>Checks <see cref="SyntheticOptions"/>, naming the key.</summary>
internal sealed class SyntheticOptionsValidator : IValidateOptions<SyntheticOptions>
{
    public ValidateOptionsResult Validate(string? name, SyntheticOptions options) =>
        options.Customers is < 1 or > 100_000_000
            ? ValidateOptionsResult.Fail("AetherSegment:Synthetic:Customers must be between 1 and 100000000.")
            : ValidateOptionsResult.Success;
}
