using Microsoft.Extensions.Options;

namespace AetherSegment.Uplift;

/// <summary>Source-generated validator of <see cref="TriggerRankingOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TriggerRankingOptionsValidator : IValidateOptions<TriggerRankingOptions>;
