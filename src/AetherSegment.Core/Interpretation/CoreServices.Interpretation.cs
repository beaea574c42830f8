using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment;

/// <summary>Registration of the Interpretation feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddInterpretation(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RuleBasedCampaignInterpreter>(sp => new RuleBasedCampaignInterpreter(sp.GetRequiredService<BusinessProfile>(), sp.GetRequiredService<IOptions<AetherSegmentOptions>>()));
        services.TryAddSingleton<ICampaignInterpreter>(sp => sp.GetRequiredService<RuleBasedCampaignInterpreter>());
    }
}
