using AetherSegment.AI;
using AetherSegment.DependencyInjection;
using AetherSegment.Gemini;
using AetherSegment.Gemini.Interpretation;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Gemini on Vertex AI as the writer of conversational-analytics SQL inside the Core SQL guard.</summary>
public static class GeminiAnalyticsAetherSegmentBuilderExtensions
{
    /// <summary>
    /// Lets Gemini on Vertex AI write the SQL of analytics answers (AetherSegment.AI's SQL writer over the Vertex
    /// <c>IChatClient</c> adapter). Its SQL runs only when the SQL guard accepts it; otherwise, and on any error, the
    /// rule-based parser answers and the answer's warnings say why. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the Gemini options (for example by binding <c>AetherSegment:Gemini</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddGeminiAnalytics(this AetherSegmentBuilder builder, Action<GeminiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        GeminiServices.AddOptions(builder.Services, configure);
        GeminiServices.AddVertexTransport(builder.Services);
        AIServices.AddSqlWriter<VertexChatClient>(
            builder.Services, "gemini", sp => sp.GetRequiredService<VertexChatClient>(), modelId: null);
        return builder;
    }
}
