using System.Collections.Concurrent;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Hosting;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>A user's own <see cref="IUpliftModel"/>, created by a registered <see cref="IUpliftModelFactory"/>, ranks triggers.</summary>
public sealed class OwnUpliftModelTests(GeneratedStoreFixture store) : IClassFixture<GeneratedStoreFixture>
{
    private const string ModelName = "two-bucket-effect";

    private sealed class RecordingFactory : IUpliftModelFactory
    {
        public ConcurrentBag<TwoBucketEffectModel> Created { get; } = [];

        public ConcurrentBag<string?> Names { get; } = [];

        public IUpliftModel Create(string? name, UpliftModelOptions options)
        {
            Names.Add(name);
            TwoBucketEffectModel model = new(name ?? ModelName, "tenure_days");
            Created.Add(model);
            return model;
        }
    }

    [Fact]
    public async Task Rank_WithARegisteredFactory_TrainsAndScoresTheUsersOwnModel()
    {
        RecordingFactory factory = new();
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(GeneratedStoreFixture.AsOf));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().AddDuckDB(o => o.Path = store.Path);
        services.AddSingleton<IUpliftModelFactory>(factory);
        // The model name is the user's own: with their factory registered it is not checked against the built-in names.
        services.Configure<TriggerRankingOptions>(o => o.Model = ModelName);
        await using ServiceProvider provider = services.BuildServiceProvider();
        provider.ValidateAetherSegmentOptions();
        ITriggerRanker ranker = provider.GetRequiredService<ITriggerRanker>();

        IReadOnlyList<TriggerSuggestion> ranked = await ranker.RankAsync(new SqlStatement("SELECT customer_id FROM customers"));

        Assert.Equal(TriggerCatalog.All.Count, ranked.Count);
        Assert.NotEmpty(factory.Created);
        Assert.All(factory.Names, n => Assert.Equal(ModelName, n));
        Assert.All(factory.Created, m => Assert.True(m.IsFitted && m.TrainingRows > 0));
        foreach (TriggerSuggestion suggestion in ranked)
        {
            string trigger = TriggerCatalog.Get(suggestion.Trigger).Name;
            TwoBucketEffectModel? model = factory.Created.SingleOrDefault(m => m.Treatments.SequenceEqual([trigger]));
            if (model is null)
            {
                Assert.Equal(0, suggestion.PredictedUplift);
                continue;
            }

            // The ranker reports exactly what the user's model predicted for the members.
            Assert.Equal(model.LastPredictedMean, suggestion.PredictedUplift, 12);
            (double low, double high) = model.Effects;
            Assert.InRange(suggestion.PredictedUplift, Math.Min(low, high) - 1e-12, Math.Max(low, high) + 1e-12);
            Assert.Contains(model.Features[0], suggestion.Rationale, StringComparison.Ordinal);
        }

        Assert.Contains(ranked, s => s.PredictedUplift != 0);
        Assert.Equal(ranked.OrderByDescending(s => s.ExpectedIncrementalConversions).Select(s => s.ExpectedIncrementalConversions), ranked.Select(s => s.ExpectedIncrementalConversions));
        // Saved models load as the built-in ones, so the user's models are not written beside the database.
        Assert.False(Directory.Exists(store.Path + ".models") && Directory.EnumerateFiles(store.Path + ".models").Any());
    }

    [Fact]
    public void UnknownModelName_WithTheBuiltInFactory_StillFailsAtStartNamingTheKey()
    {
        ServiceCollection services = new();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().AddDuckDB(o => o.Path = store.Path);
        services.Configure<TriggerRankingOptions>(o => o.Model = ModelName);
        using ServiceProvider provider = services.BuildServiceProvider();

        Exception error = Record.Exception(provider.ValidateAetherSegmentOptions)!;

        Assert.Contains("AetherSegment:TriggerRanking:Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlAndFile_AreCapabilities_TheBuiltInModelsHaveThemAndTheUsersModelIsToldWhichIsMissing()
    {
        IUpliftModel builtIn = UpliftModels.Create(UpliftModels.TLearner);
        IUpliftModel own = new TwoBucketEffectModel(ModelName, "tenure_days");

        Assert.IsAssignableFrom<ISqlExportableUpliftModel>(builtIn);
        Assert.IsAssignableFrom<IPersistableUpliftModel>(builtIn);
        ArgumentException sql = Assert.Throws<ArgumentException>(() => UpliftSql.Compile(own, SqlDialect.DuckDB, 0, "t."));
        Assert.Contains(nameof(ISqlExportableUpliftModel), sql.Message, StringComparison.Ordinal);
        using MemoryStream file = new();
        ArgumentException save = Assert.Throws<ArgumentException>(() => UpliftModelFile.Save(own, file));
        Assert.Contains(nameof(IPersistableUpliftModel), save.Message, StringComparison.Ordinal);
    }
}
