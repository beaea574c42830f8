using AetherSegment.Synthetic.Profiles;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Web.Overview;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.Web.Tests.Overview;

public sealed partial class OverviewQueriesDialectTests
{
    [Fact]
    public async Task OnBigQuery_EveryValueIsANamedParameterInGoogleSqlStyle()
    {
        RecordingStore store = new(SqlDialect.BigQuery);
        ServiceCollection services = new();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDataStore>(store);
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load());
        await using ServiceProvider provider = services.BuildServiceProvider();
        OverviewQueries queries = new(store, TimeProvider.System, AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load(),
            provider.GetRequiredService<ISegmentEngine>(), provider.GetRequiredService<ICampaignInterpreter>());

        OverviewStats stats = await queries.GetAsync();

        // Nine dashboard statements plus one member count per opportunity (compiled by the segment engine), plus the
        // engine's as-of look-ups.
        Assert.True(store.Statements.Count >= 14, $"{store.Statements.Count} statements");
        foreach (SqlStatement statement in store.Statements)
        {
            Assert.DoesNotContain("$", statement.Sql, StringComparison.Ordinal);
            HashSet<string> used = [.. Placeholder().Matches(statement.Sql).Select(m => m.Groups[1].Value)];
            HashSet<string> given = [.. statement.Parameters.Select(p => p.Name)];
            Assert.Equal(given, used);
            Assert.DoesNotContain("London", statement.Sql, StringComparison.Ordinal);
            Assert.DoesNotContain("0.7", statement.Sql, StringComparison.Ordinal);
        }

        Assert.Equal(0, stats.Metrics.TotalCustomers);
        Assert.Equal(5, stats.Opportunities.Count);
    }

    [GeneratedRegex("@([a-z0-9_]+)")]
    private static partial Regex Placeholder();

    /// <summary>A store that records what it is asked and answers no rows.</summary>
    private sealed class RecordingStore(SqlDialect dialect) : IDataStore
    {
        private readonly List<SqlStatement> _statements = [];

        public SqlDialect Dialect => dialect;

        public IReadOnlyList<SqlStatement> Statements
        {
            get
            {
                lock (_statements)
                {
                    return [.. _statements];
                }
            }
        }

        public Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default)
        {
            lock (_statements)
            {
                _statements.Add(statement);
            }

            return Task.FromResult(new QueryResult([], []));
        }

        public async IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
