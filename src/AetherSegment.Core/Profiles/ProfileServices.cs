using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Profiles;

/// <summary>
/// Registers the <see cref="BusinessProfile"/> singleton: the file of <c>AetherSegment:Profile</c> when it is set
/// (validated at start), else the profile registered in code with <c>UseProfile</c> / <c>TryUseProfile</c>.
/// </summary>
internal static class ProfileServices
{
    internal const string NoProfile =
        "No business profile: set AetherSegment:Profile (--profile FILE) to a profile file, or register one with AddAetherSegment().UseProfile(...).";

    internal static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<ProfileFileCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DependencyInjection.AetherSegmentOptions>, ProfileOptionsValidator>());
        services.TryAddSingleton(Resolve);
    }

    private static BusinessProfile Resolve(IServiceProvider services)
    {
        DependencyInjection.AetherSegmentOptions options = services.GetRequiredService<IOptions<DependencyInjection.AetherSegmentOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Profile))
        {
            return services.GetRequiredService<ProfileFileCache>().Load(options.Profile);
        }

        ProfileRegistration registration = services.GetService<ProfileRegistration>() ?? throw new InvalidOperationException(NoProfile);
        return registration.Factory(services);
    }
}
