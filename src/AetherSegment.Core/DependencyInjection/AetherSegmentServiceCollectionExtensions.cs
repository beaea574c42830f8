using AetherSegment;
using AetherSegment.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AetherSegment's core services.</summary>
public static class AetherSegmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the core services (interpreter, segment engine, uplift ranking, analytics) with their dependency-free
    /// defaults, and validates <see cref="AetherSegmentOptions"/> at start. Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options (for example by binding the <c>AetherSegment</c> section).</param>
    /// <returns>A builder that provider packages extend.</returns>
    public static AetherSegmentBuilder AddAetherSegment(this IServiceCollection services, Action<AetherSegmentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddValidatedOptions<AetherSegmentOptions, AetherSegmentOptionsValidator>(configure);
        services.TryAddSingleton(TimeProvider.System);

        CoreServices.AddInterpretation(services);
        CoreServices.AddSegments(services);
        CoreServices.AddExperiments(services);
        CoreServices.AddUplift(services);
        CoreServices.AddAnalytics(services);
        AetherSegment.Profiles.ProfileServices.Add(services);

        return new AetherSegmentBuilder(services);
    }
}
