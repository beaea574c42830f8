using AetherSegment.BigQuery;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Uplift;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Cli.Tests.DependencyInjection;

public sealed class AddAetherSegmentFromConfigurationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddAetherSegmentFromConfiguration(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registration_BindsEverySectionFromConfiguration()
    {
        using ServiceProvider provider = Build(new()
        {
            ["AetherSegment:Store"] = "duckdb",
            ["AetherSegment:HighValueThreshold"] = "0.8",
            ["AetherSegment:DuckDB:Path"] = "/tmp/custom.duckdb",
        });

        provider.ValidateAetherSegmentOptions();

        Assert.Equal(0.8, provider.GetRequiredService<IOptions<AetherSegmentOptions>>().Value.HighValueThreshold);
        Assert.Equal("/tmp/custom.duckdb", provider.GetRequiredService<IOptions<DuckDBOptions>>().Value.Path);
    }

    [Fact]
    public void Registration_CallingTwiceIsHarmless()
    {
        ServiceCollection services = new();
        services.AddLogging();
        services.AddAetherSegment(o => o.HighValueThreshold = 0.8).UseProfile(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()).AddDuckDB();
        services.AddAetherSegment().AddDuckDB();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.ValidateAetherSegmentOptions();

        Assert.Single(provider.GetServices<ICampaignInterpreter>());
        Assert.Single(provider.GetServices<AetherSegment.Data.IDataStore>());
        // The ranges and the profile file (issue 12): each validator once.
        IValidateOptions<AetherSegmentOptions>[] validators = [.. provider.GetServices<IValidateOptions<AetherSegmentOptions>>()];
        Assert.Equal(2, validators.Length);
        Assert.Equal(2, validators.Select(v => v.GetType()).Distinct().Count());
        Assert.Equal(0.8, provider.GetRequiredService<IOptions<AetherSegmentOptions>>().Value.HighValueThreshold);
    }

    [Theory]
    [InlineData("AetherSegment:HighValueThreshold", "1.5", "AetherSegment:HighValueThreshold")]
    [InlineData("AetherSegment:Store", "postgres", "AetherSegment:Store")]
    [InlineData("AetherSegment:DuckDB:Path", "", "AetherSegment:DuckDB:Path")]
    [InlineData("AetherSegment:TriggerRanking:TrainingRowsPerArm", "0", "AetherSegment:TriggerRanking:TrainingRowsPerArm")]
    [InlineData("AetherSegment:TriggerRanking:Timeout", "00:00:00", "AetherSegment:TriggerRanking:Timeout")]
    [InlineData("AetherSegment:TriggerRanking:TrainingTimeout", "02:00:00", "AetherSegment:TriggerRanking:TrainingTimeout")]
    [InlineData("AetherSegment:TriggerRanking:MinimumRowsPerArm", "0", "AetherSegment:TriggerRanking:MinimumRowsPerArm")]
    [InlineData("AetherSegment:TriggerRanking:ScoringSampleSize", "10", "AetherSegment:TriggerRanking:ScoringSampleSize")]
    [InlineData("AetherSegment:TriggerRanking:Model", "magic", "AetherSegment:TriggerRanking:Model")]
    public void BadSetting_FailsAtStartNamingTheKey(string key, string value, string expectedKey)
    {
        Dictionary<string, string?> settings = new() { [key] = value };
        using ServiceProvider provider = Build(settings);

        Exception error = Record.Exception(provider.ValidateAetherSegmentOptions)!;

        string message = error is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(e => e.Message)) : error.Message;
        Assert.True(message.Contains(expectedKey, StringComparison.Ordinal), message);
    }

    [Fact]
    public void DuckDBStore_KeepsTriggerModelsBesideTheDatabaseUnlessConfigured()
    {
        using ServiceProvider beside = Build(new() { ["AetherSegment:DuckDB:Path"] = "/tmp/shop.duckdb" });
        using ServiceProvider configured = Build(new()
        {
            ["AetherSegment:DuckDB:Path"] = "/tmp/shop.duckdb",
            ["AetherSegment:TriggerRanking:ModelDirectory"] = "/var/cache/aether-models",
            ["AetherSegment:TriggerRanking:TrainingRowsPerArm"] = "5000",
        });

        Assert.Equal("/tmp/shop.duckdb.models", beside.GetRequiredService<IOptions<TriggerRankingOptions>>().Value.ModelDirectory);
        TriggerRankingOptions options = configured.GetRequiredService<IOptions<TriggerRankingOptions>>().Value;
        Assert.Equal("/var/cache/aether-models", options.ModelDirectory);
        Assert.Equal(5000, options.TrainingRowsPerArm);
    }

    [Fact]
    public void BigQueryStore_WithoutProjectId_FailsAtStartNamingTheKey()
    {
        using ServiceProvider provider = Build(new() { ["AetherSegment:Store"] = "bigquery" });

        OptionsValidationException error = Assert.IsType<OptionsValidationException>(Record.Exception(provider.ValidateAetherSegmentOptions));

        Assert.Contains("AetherSegment:BigQuery:ProjectId", error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(BigQueryOptions), error.OptionsType);
    }
}
