using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Overview;

/// <summary>
/// Computes the overview dashboard with parameterized SQL through <see cref="IDataStore"/>, written through the store's
/// <see cref="SqlDialect"/> so it runs on the embedded DuckDB store and on BigQuery alike. Every value (thresholds,
/// time windows, cities) is a parameter; identifiers come from <see cref="DataSchema"/> only.
/// </summary>
/// <remarks>Thread-safe; the queries run concurrently.</remarks>
internal sealed class OverviewQueries(IDataStore store, TimeProvider time, IOptions<AetherSegmentOptions> options, ISegmentEngine engine, ICampaignInterpreter interpreter)
{
    private static readonly string[] OpportunityObjectives =
        [Objectives.AbandonedCarts, Objectives.WinBack, Objectives.SofaCrossSell, Objectives.Regional, Objectives.Welcome];

    private readonly Lock _gate = new();
    private Task<CampaignObjective[]>? _interpreted;

    /// <summary>The objectives the opportunities open, worded as a marketer would (they are the seed examples).</summary>
    internal static class Objectives
    {
        public const string AbandonedCarts = "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%";
        public const string WinBack = "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%";
        public const string SofaCrossSell = "Recommend complementary furniture items to customers who purchased sofas in the last 30 days to drive cross-sell revenue by 20%";
        public const string Regional = "Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth";
        public const string Welcome = "Welcome new customers acquired in the last 7 days with free shipping to encourage first purchase and boost repeat rate by 30%";
    }

    private static readonly string Customers = DataSchema.Customers.Name;
    private static readonly string Transactions = DataSchema.Transactions.Name;
    private static readonly string Events = DataSchema.BehavioralEvents.Name;
    private static readonly string Carts = DataSchema.AbandonedCarts.Name;
    private static readonly string History = DataSchema.CampaignHistory.Name;
    private static readonly string Scores = DataSchema.CustomerScores.Name;

    /// <summary>Computes the whole overview.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The overview.</returns>
    /// <exception cref="DataStoreException">The store failed.</exception>
    public async Task<OverviewStats> GetAsync(CancellationToken cancellationToken = default)
    {
        // One "now" for the whole product: the segment engine's as-of (the data's latest event by default), the same
        // instant the campaign builder and analytics count windows from. The wall clock only judges freshness.
        DateTimeOffset wallClock = time.GetUtcNow();
        CampaignObjective[] interpreted = await InterpretOpportunitiesAsync(cancellationToken).ConfigureAwait(false);
        SegmentDefinition[] definitions = await Task.WhenAll(interpreted.Select(o => engine.DefineAsync(o, null, null, null, cancellationToken))).ConfigureAwait(false);
        DateTimeOffset now = definitions[0].AsOf;
        SqlDialect d = store.Dialect;
        AetherSegmentOptions o = options.Value;

        Task<QueryResult> metrics = Run(
            $"SELECT (SELECT COUNT(*) FROM {Customers}) AS total_customers, " +
            $"(SELECT COUNT(*) FROM {Carts} WHERE abandoned_at >= {d.Parameter("since_7d")}) AS abandoned_carts_7d, " +
            $"(SELECT AVG(clv_score) FROM {Customers}) AS avg_clv_score, " +
            $"(SELECT COUNT(*) FROM {Scores} WHERE churn_probability >= {d.Parameter("churn")}) AS at_risk_customers",
            QueryParameter.Timestamp("since_7d", now.AddDays(-7)), QueryParameter.Float64("churn", o.ChurnRiskThreshold));

        Task<QueryResult> geography = Run(
            $"SELECT country, city, COUNT(*) AS customers, AVG(clv_score) AS avg_clv FROM {Customers} GROUP BY country, city ORDER BY country, city");

        Task<QueryResult> tiers = Run(
            $"SELECT CASE WHEN clv_score >= {d.Parameter("high")} THEN 'high' WHEN clv_score < {d.Parameter("low")} THEN 'low' ELSE 'medium' END AS tier, " +
            $"COUNT(*) AS customers, AVG(clv_score) AS avg_clv, MIN(clv_score) AS min_clv, MAX(clv_score) AS max_clv FROM {Customers} GROUP BY 1",
            QueryParameter.Float64("high", o.HighValueThreshold), QueryParameter.Float64("low", o.LowValueThreshold));

        // The opportunity cards count exactly the segment "Build this segment" opens: the same interpretation, the same
        // definition (no trigger, as step 2 shows it), the same as-of, compiled by the segment engine.
        Task<QueryResult>[] opportunities = [.. definitions.Select(definition =>
        {
            SqlStatement members = engine.CompileMembers(definition, d);
            return store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM (" + members.Sql + ") AS m", members.Parameters), cancellationToken);
        })];

        Task<QueryResult> daily = Run(
            $"SELECT CAST(CAST(event_timestamp AS DATE) AS STRING) AS day, COUNT(*) AS events, COUNT(DISTINCT customer_id) AS customers " +
            $"FROM {Events} WHERE event_timestamp >= {d.Parameter("since_14d")} GROUP BY 1 ORDER BY 1",
            QueryParameter.Timestamp("since_14d", now.Date.AddDays(-13)));

        Task<QueryResult> eventTypes = Run(
            $"SELECT event_type, COUNT(*) AS events FROM {Events} WHERE event_timestamp >= {d.Parameter("since_7d")} GROUP BY event_type ORDER BY events DESC, event_type",
            QueryParameter.Timestamp("since_7d", now.AddDays(-7)));

        Task<QueryResult> categories = Run(
            $"SELECT category, COUNT(*) AS orders, SUM(order_value) AS revenue FROM {Transactions} " +
            $"WHERE transaction_date >= {d.Parameter("since_30d")} GROUP BY category ORDER BY revenue DESC, category LIMIT 5",
            QueryParameter.Timestamp("since_30d", now.AddDays(-30)));

        Task<QueryResult> features = Run(
            $"SELECT event_type, COUNT(DISTINCT customer_id) AS customers, COUNT(*) AS events FROM {Events} " +
            $"WHERE (event_type = {d.Parameter("planner")} OR event_type = {d.Parameter("ar")}) AND event_timestamp >= {d.Parameter("since_30d")} GROUP BY event_type",
            QueryParameter.String("planner", "room_planner_use"), QueryParameter.String("ar", "ar_view"),
            QueryParameter.Timestamp("since_30d", now.AddDays(-30)));

        Task<QueryResult> devices = Run(
            $"SELECT device, COUNT(*) AS events FROM {Events} WHERE event_timestamp >= {d.Parameter("since_30d")} GROUP BY device ORDER BY events DESC, device",
            QueryParameter.Timestamp("since_30d", now.AddDays(-30)));

        Task<QueryResult> health = Run(
            $"SELECT '{Customers}' AS table_name, COUNT(*) AS row_count, MAX(created_at) AS latest FROM {Customers} UNION ALL " +
            $"SELECT '{Transactions}', COUNT(*), MAX(transaction_date) FROM {Transactions} UNION ALL " +
            $"SELECT '{Events}', COUNT(*), MAX(event_timestamp) FROM {Events} UNION ALL " +
            $"SELECT '{Carts}', COUNT(*), MAX(abandoned_at) FROM {Carts} UNION ALL " +
            $"SELECT '{History}', COUNT(*), MAX(sent_at) FROM {History} UNION ALL " +
            $"SELECT '{Scores}', COUNT(*), MAX(scored_at) FROM {Scores}");

        await Task.WhenAll(opportunities).ConfigureAwait(false);
        await Task.WhenAll(metrics, geography, tiers, daily, eventTypes, categories, features, devices, health).ConfigureAwait(false);

        KeyMetrics keyMetrics = ReadMetrics(metrics.Result);
        return new OverviewStats(
            keyMetrics,
            ReadGeography(geography.Result, keyMetrics.TotalCustomers),
            ReadTiers(tiers.Result, keyMetrics.TotalCustomers),
            ReadOpportunities([.. opportunities.Select(o => AsLong(o.Result.Scalar()))]),
            new BehavioralInsights(
                ReadDaily(daily.Result),
                ReadNamedCounts(eventTypes.Result),
                ReadCategories(categories.Result),
                ReadFeature(features.Result, "room_planner_use"),
                ReadFeature(features.Result, "ar_view"),
                ReadNamedCounts(devices.Result)),
            ReadHealth(health.Result, wallClock),
            wallClock,
            now);

        Task<QueryResult> Run(string sql, params QueryParameter[] parameters) =>
            store.QueryAsync(new SqlStatement(sql, parameters), cancellationToken);
    }

    private static object?[] FirstRow(QueryResult result, int columns) => result.Rows.Count > 0 ? result.Rows[0] : new object?[columns];

    private static KeyMetrics ReadMetrics(QueryResult result)
    {
        object?[] row = FirstRow(result, 4);
        return new KeyMetrics(AsLong(row[0]), AsLong(row[1]), Math.Round(AsDouble(row[2]), 4), AsLong(row[3]));
    }

    private static List<CountryDistribution> ReadGeography(QueryResult result, long total)
    {
        Dictionary<string, List<CityCount>> cities = new(StringComparer.Ordinal);
        foreach (object?[] row in result.Rows)
        {
            string country = row[0] as string ?? "";
            if (!cities.TryGetValue(country, out List<CityCount>? list))
            {
                cities[country] = list = [];
            }

            list.Add(new CityCount(row[1] as string ?? "", AsLong(row[2]), Math.Round(AsDouble(row[3]), 4)));
        }

        List<CountryDistribution> countries = [];
        foreach ((string country, List<CityCount> list) in cities)
        {
            long customers = 0;
            double clvSum = 0;
            foreach (CityCount city in list)
            {
                customers += city.Customers;
                clvSum += city.AvgClv * city.Customers;
            }

            list.Sort((a, b) => b.Customers.CompareTo(a.Customers));
            countries.Add(new CountryDistribution(country, customers, Share(customers, total), customers == 0 ? 0 : Math.Round(clvSum / customers, 4), list));
        }

        countries.Sort((a, b) => b.Customers.CompareTo(a.Customers));
        return countries;
    }

    private static List<ValueSegment> ReadTiers(QueryResult result, long total)
    {
        List<ValueSegment> tiers = [];
        foreach (string tier in (ReadOnlySpan<string>)["high", "medium", "low"])
        {
            object?[]? row = result.Rows.FirstOrDefault(r => r[0] as string == tier);
            tiers.Add(row is null
                ? new ValueSegment(tier, 0, 0, 0, 0, 0)
                : new ValueSegment(tier, AsLong(row[1]), Share(AsLong(row[1]), total), Math.Round(AsDouble(row[2]), 4), Math.Round(AsDouble(row[3]), 4), Math.Round(AsDouble(row[4]), 4)));
        }

        return tiers;
    }

    private Task<CampaignObjective[]> InterpretOpportunitiesAsync(CancellationToken cancellationToken)
    {
        // The objectives are constants: interpret them once (a model-backed interpreter would otherwise be asked on
        // every overview load); a failed attempt is retried on the next load.
        lock (_gate)
        {
            if (_interpreted is null || _interpreted.IsFaulted || _interpreted.IsCanceled)
            {
                _interpreted = Task.WhenAll(OpportunityObjectives.Select(text => interpreter.InterpretAsync(text, CancellationToken.None).AsTask()));
            }

            return _interpreted.WaitAsync(cancellationToken);
        }
    }

    private static List<Opportunity> ReadOpportunities(long[] row)
    {
        List<Opportunity> list =
        [
            new("abandoned-carts-high-value", "High-value carts abandoned in the last 48 hours",
                "Customers in the high value tier who left a cart in the last two days: the warmest audience for a personalized discount.",
                AsLong(row[0]), "abandoned_cart_recovery", Objectives.AbandonedCarts),
            new("churn-risk-no-purchase", "High churn risk, no purchase in 90 days",
                "Customers the churn model scores at high risk who have not bought for a quarter: win them back before they lapse.",
                AsLong(row[1]), "win_back", Objectives.WinBack),
            new("sofa-buyers-cross-sell", "Recent sofa buyers",
                "Customers who bought a sofa in the last 30 days: recommend matching armchairs, coffee tables and cushions.",
                AsLong(row[2]), "cross_sell", Objectives.SofaCrossSell),
            new("london-manchester-high-clv", "High CLV in London and Manchester",
                "High value customers in the two largest UK cities: early access to the new collection.",
                AsLong(row[3]), "geographic_targeting", Objectives.Regional),
            new("new-customers-welcome", "Customers acquired this week",
                "New customers of the last 7 days: a welcome with free shipping to win the first purchase.",
                AsLong(row[4]), "new_customer_onboarding", Objectives.Welcome),
        ];
        list.Sort((a, b) => b.Size.CompareTo(a.Size));
        return list;
    }

    private static List<DailyActivity> ReadDaily(QueryResult result)
    {
        List<DailyActivity> days = new(result.Rows.Count);
        foreach (object?[] row in result.Rows)
        {
            days.Add(new DailyActivity(Convert.ToString(row[0], CultureInfo.InvariantCulture) ?? "", AsLong(row[1]), AsLong(row[2])));
        }

        return days;
    }

    private static List<NamedCount> ReadNamedCounts(QueryResult result)
    {
        List<NamedCount> counts = new(result.Rows.Count);
        foreach (object?[] row in result.Rows)
        {
            counts.Add(new NamedCount(row[0] as string ?? "", AsLong(row[1])));
        }

        return counts;
    }

    private static List<CategorySales> ReadCategories(QueryResult result)
    {
        List<CategorySales> categories = new(result.Rows.Count);
        foreach (object?[] row in result.Rows)
        {
            categories.Add(new CategorySales(row[0] as string ?? "", AsLong(row[1]), Math.Round(AsDouble(row[2]), 2)));
        }

        return categories;
    }

    private static FeatureUse ReadFeature(QueryResult result, string eventType)
    {
        object?[]? row = result.Rows.FirstOrDefault(r => r[0] as string == eventType);
        return row is null ? new FeatureUse(0, 0) : new FeatureUse(AsLong(row[1]), AsLong(row[2]));
    }

    private static List<TableHealth> ReadHealth(QueryResult result, DateTimeOffset now)
    {
        List<TableHealth> tables = new(result.Rows.Count);
        foreach (object?[] row in result.Rows)
        {
            DateTimeOffset? latest = row[2] as DateTimeOffset?;
            double? age = latest is { } l ? Math.Round((now - l).TotalHours, 2) : null;
            // Rows stamped after the wall clock are a data problem (a generator or loader clock ahead): flag them.
            tables.Add(new TableHealth(row[0] as string ?? "", AsLong(row[1]), latest, age, latest is { } f && f > now.AddMinutes(1)));
        }

        return tables;
    }

    private static double Share(long part, long total) => total == 0 ? 0 : Math.Round((double)part / total, 4);

    private static long AsLong(object? value) => value switch
    {
        null => 0,
        long l => l,
        double d => (long)d,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double AsDouble(object? value) => value switch
    {
        null => 0,
        double d => d,
        long l => l,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
