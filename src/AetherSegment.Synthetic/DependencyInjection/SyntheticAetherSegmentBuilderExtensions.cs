using AetherSegment.DependencyInjection;
using AetherSegment.Synthetic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the synthetic retailer generator.</summary>
public static class SyntheticAetherSegmentBuilderExtensions
{
    /// <summary>
    /// Adds the synthetic data generator and live event stream, and offers the home-furnishing profile it writes data for
    /// as the default <see cref="AetherSegment.Profiles.BusinessProfile"/> (<c>AetherSegment:Profile</c> and <c>UseProfile</c> win). Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the options (for example by binding <c>AetherSegment:Synthetic</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddSynthetic(this AetherSegmentBuilder builder, Action<SyntheticOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<SyntheticOptions, SyntheticOptionsValidator>(configure);
        SyntheticServices.Add(builder.Services);
        builder.TryUseProfile(_ => AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load());
        return builder;
    }
}
