using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment;

/// <summary>Registration of the Uplift feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddUplift(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<TriggerRankingOptions>)))
        {
            services.AddOptions<TriggerRankingOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TriggerRankingOptions>, TriggerRankingOptionsValidator>());
        }

        services.TryAddSingleton<IUpliftModelFactory, BuiltInUpliftModelFactory>();

        // Logging is optional for library users who register no logger factory. The ranker learns from the store's
        // campaign history: without a registered store there is none (null), and the segment engine ranks nothing.
        // The profile is the host's (the demo one by default, registered by AddSynthetic).
        services.TryAddSingleton<ITriggerRanker>(sp => sp.GetService<IDataStore>() is not { } store ? null! : new StoreTriggerRanker(
            store,
            sp.GetRequiredService<Profiles.BusinessProfile>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StoreTriggerRanker>>() ?? NullLogger<StoreTriggerRanker>.Instance,
            sp.GetRequiredService<IOptions<TriggerRankingOptions>>(),
            sp.GetRequiredService<IUpliftModelFactory>()));
        services.TryAddSingleton<ITriggerModelEvaluator>(sp => new StoreTriggerModelEvaluator(
            sp.GetRequiredService<IDataStore>(),
            sp.GetRequiredService<Profiles.BusinessProfile>(),
            sp.GetRequiredService<ITriggerRanker>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StoreTriggerModelEvaluator>>() ?? NullLogger<StoreTriggerModelEvaluator>.Instance,
            sp.GetRequiredService<IOptions<TriggerRankingOptions>>()));
    }
}
