using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Gemini;

/// <summary>The language-model interpreters' service registrations.</summary>
internal static class GeminiServices
{
    internal static void AddGemini(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
