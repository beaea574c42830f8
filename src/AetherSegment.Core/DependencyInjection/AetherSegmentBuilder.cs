using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DependencyInjection;

/// <summary>
/// Returned by <c>AddAetherSegment</c>; provider packages extend it (<c>.AddDuckDB()</c>, <c>.AddBigQuery()</c>,
/// <c>.AddGemini()</c>, <c>.AddSynthetic()</c>).
/// </summary>
public sealed class AetherSegmentBuilder
{
    /// <summary>Creates a builder over a service collection.</summary>
    public AetherSegmentBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection the providers register into.</summary>
    public IServiceCollection Services { get; }
}
