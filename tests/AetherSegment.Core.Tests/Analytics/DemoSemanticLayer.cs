using AetherSegment.Analytics;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>The semantic layer of the demo retailer's profile, built once for the analytics tests.</summary>
internal static class DemoSemanticLayer
{
    public static SemanticLayer Instance { get; } = new(HomeFurnishingProfile.Load());
}
