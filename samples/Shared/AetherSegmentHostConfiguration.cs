using AetherSegment.Analytics;
using AetherSegment.BigQuery;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using AetherSegment.Gemini;
using AetherSegment.Synthetic;
using AetherSegment.Uplift;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AetherSegment.Hosting;

/// <summary>
/// How both sample hosts wire AetherSegment from configuration (shared/contracts/providers.md): the
/// <c>AetherSegment</c> section and its provider sub-sections, with the prototype's environment variables as fallbacks.
/// </summary>
public static class AetherSegmentHostConfiguration
{
    /// <summary>Registers AetherSegment with the store and interpreter the configuration names.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The builder, for further provider calls.</returns>
    public static AetherSegmentBuilder AddAetherSegmentFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        IConfigurationSection root = configuration.GetSection(AetherSegmentOptions.SectionName);
        AetherSegmentHostOptions choice = AetherSegmentHostOptions.From(root);
        string interpreter = choice.Interpreter;

        // The provider choice is the host's: validated at start like the library's own settings, naming the key.
        services.AddOptions<AetherSegmentHostOptions>().Bind(root).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<AetherSegmentHostOptions>, AetherSegmentHostOptionsValidator>());
        AetherSegmentBuilder builder = services.AddAetherSegment(o => root.Bind(o));
        services.Configure<AnalyticsOptions>(configuration.GetSection(AnalyticsOptions.SectionName));
        services.Configure<TriggerRankingOptions>(configuration.GetSection(TriggerRankingOptions.SectionName));
        builder.AddSynthetic(o => configuration.GetSection(SyntheticOptions.SectionName).Bind(o));

        if (choice.UsesBigQuery)
        {
            builder.AddBigQuery(o =>
            {
                configuration.GetSection(BigQueryOptions.SectionName).Bind(o);
                o.ProjectId ??= configuration["GOOGLE_CLOUD_PROJECT"];
                if (configuration[$"{BigQueryOptions.SectionName}:Dataset"] is null && configuration["BIGQUERY_DATASET"] is { } dataset)
                {
                    o.Dataset = dataset;
                }
            });
        }
        else
        {
            builder.AddDuckDB(o => configuration.GetSection(DuckDBOptions.SectionName).Bind(o));
        }

        if (string.Equals(interpreter, "gemini", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddGemini(o =>
            {
                configuration.GetSection(GeminiOptions.SectionName).Bind(o);
                o.ProjectId ??= configuration["GOOGLE_CLOUD_PROJECT"];
                if (configuration[$"{GeminiOptions.SectionName}:Location"] is null && configuration["GOOGLE_CLOUD_REGION"] is { } region)
                {
                    o.Location = region;
                }
            });
            builder.AddGeminiAnalytics();
        }
        else if (string.Equals(interpreter, "chat", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(ChatEndpointSettings.From(configuration).CreateChatClient());
            builder.AddChatClientInterpreter();
            builder.AddChatClientAnalytics();
        }

        return builder;
    }
}

/// <summary>Start-time checks for hosts without a generic host (the CLI, tests).</summary>
public static class AetherSegmentServiceProviderExtensions
{
    /// <summary>Runs every <c>ValidateOnStart</c> options validation now; throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming the key.</summary>
    public static void ValidateAetherSegmentOptions(this IServiceProvider services) =>
        services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
}
