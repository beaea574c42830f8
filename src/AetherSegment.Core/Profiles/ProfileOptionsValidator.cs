using AetherSegment.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Profiles;

/// <summary>
/// Loads and validates the file of <c>AetherSegment:Profile</c> at start; a problem fails the options with one message
/// naming the setting and the JSON paths of the first problems, so a host never starts on a partial profile.
/// </summary>
internal sealed class ProfileOptionsValidator(ProfileFileCache cache) : IValidateOptions<AetherSegmentOptions>
{
    private const int ErrorsShown = 5;

    public ValidateOptionsResult Validate(string? name, AetherSegmentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Profile))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            cache.Load(options.Profile);
            return ValidateOptionsResult.Success;
        }
        catch (ProfileValidationException e)
        {
            string shown = string.Join("; ", e.Errors.Take(ErrorsShown));
            string more = e.Errors.Count > ErrorsShown ? $" (and {e.Errors.Count - ErrorsShown} more)" : "";
            return ValidateOptionsResult.Fail($"AetherSegment:Profile: invalid profile {options.Profile}: {shown}{more}");
        }
    }
}
