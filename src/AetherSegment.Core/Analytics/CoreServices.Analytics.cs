using AetherSegment.Analytics;
using AetherSegment.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AetherSegment;

/// <summary>Registration of the Analytics feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddAnalytics(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<AnalyticsOptions>)))
        {
            services.AddOptions<AnalyticsOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>());
        }

        services.TryAddSingleton(sp => new SemanticLayer(sp.GetRequiredService<BusinessProfile>()));
        services.TryAddSingleton<IAnalyticsService, AnalyticsService>();
    }
}
