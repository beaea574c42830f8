using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Hosting;

/// <summary>Source-generated validator of <see cref="WebOptions"/>' annotations.</summary>
[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;
