using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.DuckDB;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Times the ranker's feature queries (training sample and every-member scoring) on a generated database and prints
/// DuckDB's profile of each (EXPLAIN ANALYZE), to see where cold analyze and a stratified holdout spend their time.
/// The database is opened read-only in spirit: only SELECT and EXPLAIN statements run.
/// </summary>
internal static class FeatureQueryPlan
{
    public static async Task<int> RunAsync(string database, bool explain)
    {
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = database);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IDataStore store = provider.GetRequiredService<IDataStore>();
        BusinessProfile profile = HomeFurnishingProfile.Load();
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(store, profile, CancellationToken.None);
        SqlStatement training = UpliftFeatureQuery.Training(store.Dialect, features, 25_000);
        SqlStatement members = new("SELECT customer_id FROM customers WHERE country = 'United States'");
        SqlStatement scoring = UpliftFeatureQuery.Scoring(store.Dialect, features, members, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach ((string name, SqlStatement statement) in new[] { ("training", training), ("scoring", scoring) })
        {
            Stopwatch watch = Stopwatch.StartNew();
            long rows = await store.ReadAsync(statement, async (reader, ct) =>
            {
                long n = 0;
                while (await reader.ReadAsync(ct))
                {
                    n++;
                }

                return n;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s"));
            if (explain)
            {
                Console.WriteLine(statement.Sql);
                QueryResult plan = await store.QueryAsync(new SqlStatement("EXPLAIN ANALYZE " + statement.Sql, statement.Parameters));
                foreach (object?[] row in plan.Rows)
                {
                    Console.WriteLine(row[^1]);
                }
            }
        }

        return 0;
    }
}
