using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.DuckDB.Tests.Segments;

/// <summary>
/// Properties of the segment SQL on a real DuckDB database filled by the synthetic generator: every ordered pair of
/// filter kinds, and every filter kind with every trigger filter, compiles and runs, and the preview (a chain of steps)
/// agrees with the member statement (one WHERE) step by step.
/// </summary>
public sealed class SegmentSqlPropertyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private ISegmentEngine Engine => _services!.GetRequiredService<ISegmentEngine>();

    private IDataStore Store => _services!.GetRequiredService<IDataStore>();

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "pairs.duckdb");
        await using (IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: false))
        {
            await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 400, Seed = 13, AsOf = AsOf });
        }

        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Target high value customers who came from paid search with free shipping")]
    [InlineData("Customers acquired from referral in the last 30 days")]
    public async Task InterpretAndAnalyze_AcquisitionSourceWithAnotherCondition_RunsAndAgreesWithMembers(string objective)
    {
        CampaignAnalysis analysis = await Engine.InterpretAndAnalyzeAsync(objective);

        SegmentPreview preview = analysis.SegmentPreview;
        Assert.Contains(preview.Filters, f => f.Condition is AttributeCondition { Attribute: "acquisition_source" });
        Assert.True(preview.Filters.Count >= 2, "the objective should give the acquisition source and at least one more condition");
        Assert.Equal(preview.Size, await CountAsync(new SegmentDefinition { Filters = preview.Filters, AsOf = preview.AsOf }));
    }

    [Fact]
    public async Task Preview_EveryPairOfFilterKindsAndEveryTrigger_RunsAndEachStepEqualsTheMemberCount()
    {
        List<string> failures = [];
        int checkedPairs = 0;
        long nonEmpty = 0;
        foreach ((string name, IReadOnlyList<SegmentFilter> filters) in FilterKinds.Pairs())
        {
            SegmentDefinition definition = new() { Filters = filters, AsOf = AsOf };
            try
            {
                SegmentPreview preview = await Engine.PreviewAsync(definition);
                long first = await CountAsync(definition with { Filters = [filters[0]] });
                long both = await CountAsync(definition);
                if (preview.TotalCustomers != 400 || preview.Waterfall.Count != 2 || preview.Waterfall[0].Size != first
                    || preview.Waterfall[1].Size != both || preview.Size != both || both > first)
                {
                    failures.Add($"{name}: preview {preview.Waterfall[0].Size} -> {preview.Size}, members {first} -> {both}");
                }

                nonEmpty += both > 0 ? 1 : 0;
            }
            catch (DataStoreException e)
            {
                failures.Add($"{name}: {e.Message}");
            }

            checkedPairs++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedPairs} combinations failed:\n" + string.Join('\n', failures.Take(40)));
        Assert.Equal(FilterKinds.All.Count * (FilterKinds.All.Count + 2 * FilterKinds.Triggers.Count), checkedPairs);
        // The data is rich enough that the property is not vacuous: most combinations keep somebody.
        Assert.True(nonEmpty > checkedPairs / 2, $"only {nonEmpty} of {checkedPairs} combinations kept a member");
    }

    private async Task<long> CountAsync(SegmentDefinition definition)
    {
        SqlStatement members = Engine.CompileMembers(definition, Store.Dialect);
        return Convert.ToInt64((await Store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM (" + members.Sql + ") AS m", members.Parameters))).Scalar(),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
