using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded DuckDB store.</summary>
public static class DuckDBAetherSegmentBuilderExtensions
{
    /// <summary>Uses the embedded DuckDB file as the customer data store. Calling it twice is harmless.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the options (for example by binding <c>AetherSegment:DuckDB</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddDuckDB(this AetherSegmentBuilder builder, Action<DuckDBOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<DuckDBOptions, DuckDBOptionsValidator>(configure);
        DuckDBServices.Add(builder.Services);
        return builder;
    }
}
