using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Profiles;

namespace AetherSegment.Interpretation;

/// <summary>Factories of the built-in interpreters, for use without dependency injection.</summary>
public static class CampaignInterpreters
{
    /// <summary>
    /// Creates the embedded rule-based interpreter (<c>rules</c>): deterministic, no network, microseconds per
    /// objective. The instance is thread-safe and meant to be shared.
    /// </summary>
    /// <param name="profile">The business whose catalog words and closed sets the interpreter reads.</param>
    /// <param name="options">Thresholds (the churn-risk threshold is used when an objective gives a churn probability); defaults when null.</param>
    /// <returns>The interpreter.</returns>
    public static ICampaignInterpreter CreateRuleBased(BusinessProfile profile, AetherSegmentOptions? options = null) => new RuleBasedCampaignInterpreter(profile, options);
}
