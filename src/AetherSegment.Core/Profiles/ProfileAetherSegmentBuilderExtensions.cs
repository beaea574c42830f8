using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Chooses the <see cref="BusinessProfile"/> of an app. The setting <c>AetherSegment:Profile</c> (a file path) always
/// wins; otherwise the profile registered here is used. Resolve <see cref="BusinessProfile"/> from the container.
/// </summary>
public static class ProfileAetherSegmentBuilderExtensions
{
    /// <summary>Uses a profile (replacing any registered before) when <c>AetherSegment:Profile</c> is not set.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="profile">The profile, for example from <see cref="BusinessProfileBuilder"/> or <see cref="BusinessProfileLoader"/>.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder UseProfile(this AetherSegmentBuilder builder, BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return builder.UseProfile(_ => profile);
    }

    /// <summary>Uses the profile a factory creates (once; replacing any registered before) when <c>AetherSegment:Profile</c> is not set.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="factory">Creates the profile.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder UseProfile(this AetherSegmentBuilder builder, Func<IServiceProvider, BusinessProfile> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(new ProfileRegistration(factory)));
        return builder;
    }

    /// <summary>
    /// Offers a default profile: used when neither <c>AetherSegment:Profile</c> nor <see cref="UseProfile(AetherSegmentBuilder, BusinessProfile)"/>
    /// chose one. For packages that ship a profile (AetherSegment.Synthetic's demo retailer). Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="factory">Creates the profile.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder TryUseProfile(this AetherSegmentBuilder builder, Func<IServiceProvider, BusinessProfile> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.TryAddSingleton(new ProfileRegistration(factory));
        return builder;
    }
}
