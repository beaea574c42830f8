using AetherSegment.DependencyInjection;
using AetherSegment.Gemini;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the language-model interpreters.</summary>
public static class GeminiAetherSegmentBuilderExtensions
{
    /// <summary>Uses Gemini on Vertex AI to interpret objectives, with the rules as fallback. Calling it twice is harmless.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the options (for example by binding <c>AetherSegment:Gemini</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddGemini(this AetherSegmentBuilder builder, Action<GeminiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        GeminiServices.AddOptions(builder.Services, configure);
        GeminiServices.AddGemini(builder.Services);
        return builder;
    }
}
