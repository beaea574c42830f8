using AetherSegment.Analytics;
using AetherSegment.DependencyInjection;
using AetherSegment.Gemini;
using AetherSegment.Gemini.Analytics;
using AetherSegment.Gemini.Interpretation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers language models that write conversational-analytics SQL inside the Core SQL guard.</summary>
public static class GeminiAnalyticsAetherSegmentBuilderExtensions
{
    /// <summary>
    /// Lets Gemini on Vertex AI write the SQL of analytics answers. Its SQL runs only when the SQL guard accepts it;
    /// otherwise, and on any error, the rule-based parser answers and the answer's warnings say why. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the Gemini options (for example by binding <c>AetherSegment:Gemini</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddGeminiAnalytics(this AetherSegmentBuilder builder, Action<GeminiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        GeminiServices.AddOptions(builder.Services, configure);
        GeminiServices.AddVertexTransport(builder.Services);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalyticsSqlWriter, GeminiAnalyticsSqlWriter>(sp => new GeminiAnalyticsSqlWriter(
            sp.GetRequiredService<VertexAiClient>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<GeminiAnalyticsSqlWriter>>())));
        return builder;
    }

    /// <summary>
    /// Lets the registered <see cref="Microsoft.Extensions.AI.IChatClient"/> write the SQL of analytics answers, inside
    /// the same guard and fallback as <see cref="AddGeminiAnalytics"/>. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>; an <c>IChatClient</c> must be registered.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientAnalytics(this AetherSegmentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalyticsSqlWriter, ChatClientAnalyticsSqlWriter>());
        return builder;
    }
}
