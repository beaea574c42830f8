using AetherSegment.BigQuery;
using AetherSegment.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BigQuery store.</summary>
public static class BigQueryAetherSegmentBuilderExtensions
{
    /// <summary>Uses BigQuery (REST v2) as the customer data store. Calling it twice is harmless.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the options (for example by binding <c>AetherSegment:BigQuery</c>).</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddBigQuery(this AetherSegmentBuilder builder, Action<BigQueryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<BigQueryOptions, BigQueryOptionsValidator>(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BigQueryOptions>, BigQueryOptionsRangeValidator>());
        BigQueryServices.Add(builder.Services);
        return builder;
    }
}
