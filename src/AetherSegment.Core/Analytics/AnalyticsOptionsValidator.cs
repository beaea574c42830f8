using Microsoft.Extensions.Options;

namespace AetherSegment.Analytics;

/// <summary>Source-generated validator of <see cref="AnalyticsOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>;
