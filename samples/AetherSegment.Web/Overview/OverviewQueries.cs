using System.Globalization;
using System.Text;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Web.Overview;

/// <summary>
/// Computes the overview dashboard with parameterized SQL through <see cref="IDataStore"/>, written through the store's
/// <see cref="SqlDialect"/> so it runs on the embedded DuckDB store and on BigQuery alike. Every table, column and
/// threshold comes from the <see cref="BusinessProfile"/> (its mapping, value tiers, churn threshold, place levels and
/// example objectives); every value is a parameter. A metric that needs an entity or attribute the profile does not map
/// is null, with a note naming the mapping that enables it.
/// </summary>
/// <remarks>Thread-safe; the queries run concurrently.</remarks>
internal sealed class OverviewQueries(IDataStore store, TimeProvider time, BusinessProfile profile, ISegmentEngine engine, ICampaignInterpreter interpreter)
{
    private readonly ExampleObjective[] _opportunities = [.. profile.Examples.Objectives.Where(o => o.Opportunity is not null)];
    private readonly Lock _gate = new();
    private Task<CampaignObjective[]>? _interpreted;

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
        DateTimeOffset now = definitions.Length > 0
            ? definitions[0].AsOf
            : (await engine.DefineAsync(new CampaignObjective { Objective = "overview" }, null, null, null, cancellationToken).ConfigureAwait(false)).AsOf;
        SqlDialect d = store.Dialect;
        EntityMappings entities = profile.Entities;
        EntityMapping customers = entities.Customers;
        ProfileAttribute? value = profile.FindAttribute(ProfileAttributeRole.ValueScore);
        ProfileAttribute? churn = profile.FindAttribute(ProfileAttributeRole.ChurnScore);
        ValueTierThresholds? tiers = profile.Catalog.ValueTiers;
        ChurnRiskThreshold? churnRisk = profile.Catalog.ChurnRisk;
        Dictionary<string, string> notes = new(StringComparer.Ordinal);

        // The key metrics in one statement: one sub-select per metric the profile can answer.
        List<string> metricColumns = [];
        List<QueryParameter> metricParameters = [];
        metricColumns.Add($"(SELECT COUNT(*) FROM {customers.Table}) AS total_customers");
        if (entities.Carts is { } carts)
        {
            metricColumns.Add($"(SELECT COUNT(*) FROM {carts.Table} WHERE {Col(d, carts.Column("timestamp")!)} >= {d.Parameter("since_7d")}) AS abandoned_carts_7d");
            metricParameters.Add(QueryParameter.Timestamp("since_7d", now.AddDays(-7)));
        }
        else
        {
            notes["abandoned_carts_7d"] = profile.MissingEntityMessage(EntityKind.Carts)!;
        }

        if (value is not null)
        {
            metricColumns.Add($"(SELECT AVG({Col(d, value.Column)}) FROM {TableOf(value)}) AS avg_clv_score");
        }
        else
        {
            notes["avg_clv_score"] = "needs an attribute with the role `value_score` (attributes[].role)";
        }

        if (churn is not null && churnRisk is not null)
        {
            metricColumns.Add($"(SELECT COUNT(*) FROM {TableOf(churn)} WHERE {Col(d, churn.Column)} >= {d.Parameter("churn")}) AS at_risk_customers");
            metricParameters.Add(QueryParameter.Float64("churn", churnRisk.High));
        }
        else
        {
            notes["at_risk_customers"] = churn is null
                ? "needs an attribute with the role `churn_score` (attributes[].role)"
                : "needs the `catalog.churn_risk` threshold";
        }

        Task<QueryResult> metrics = Run("SELECT " + string.Join(", ", metricColumns), [.. metricParameters]);

        // Geography over the profile's first place level (and its second, when there is one), on the customers table.
        HierarchyLevel[] placeLevels = [.. profile.Catalog.Places.Levels
            .TakeWhile(l => l.Attribute is not null && profile.FindAttribute(l.Attribute) is { Entity: EntityKind.Customers })
            .Take(2)];
        string? valueOnCustomers = value is { Entity: EntityKind.Customers } ? Col(d, value.Column) : null;
        Task<QueryResult>? geography = null;
        if (placeLevels.Length > 0)
        {
            string place = Col(d, profile.FindAttribute(placeLevels[0].Attribute!)!.Column);
            string? sub = placeLevels.Length > 1 ? Col(d, profile.FindAttribute(placeLevels[1].Attribute!)!.Column) : null;
            StringBuilder sql = new();
            sql.Append(CultureInfo.InvariantCulture, $"SELECT {place} AS place, {sub ?? place} AS sub, COUNT(*) AS customers");
            if (valueOnCustomers is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $", AVG({valueOnCustomers}) AS avg_value");
            }

            sql.Append(CultureInfo.InvariantCulture, $" FROM {customers.Table} GROUP BY 1, 2 ORDER BY 1, 2");
            geography = Run(sql.ToString());
        }

        Task<QueryResult>? tierCounts = null;
        if (value is not null && tiers is not null)
        {
            string v = Col(d, value.Column);
            tierCounts = Run(
                $"SELECT CASE WHEN {v} >= {d.Parameter("high")} THEN 'high' WHEN {v} < {d.Parameter("low")} THEN 'low' ELSE 'medium' END AS tier, " +
                $"COUNT(*) AS customers, AVG({v}) AS avg_clv, MIN({v}) AS min_clv, MAX({v}) AS max_clv FROM {TableOf(value)} GROUP BY 1",
                QueryParameter.Float64("high", tiers.High), QueryParameter.Float64("low", tiers.Low));
        }

        // The opportunity cards count exactly the segment "Build this segment" opens: the same interpretation, the same
        // definition (no trigger, as step 2 shows it), the same as-of, compiled by the segment engine.
        Task<QueryResult>[] opportunities = [.. definitions.Select(definition =>
        {
            SqlStatement members = engine.CompileMembers(definition, d);
            return store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM (" + members.Sql + ") AS m", members.Parameters), cancellationToken);
        })];

        Task<QueryResult>? daily = null, eventTypes = null, features = null, devices = null, categories = null;
        string[] featureTypes = [.. profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.Other).Select(e => e.Name)];
        if (entities.Events is { } events)
        {
            string ts = Col(d, events.Column("timestamp")!), customer = Col(d, events.Column("customer_id")!), type = Col(d, events.Column("type")!);
            daily = Run(
                $"SELECT CAST(CAST({ts} AS DATE) AS STRING) AS day, COUNT(*) AS events, COUNT(DISTINCT {customer}) AS customers " +
                $"FROM {events.Table} WHERE {ts} >= {d.Parameter("since_14d")} GROUP BY 1 ORDER BY 1",
                QueryParameter.Timestamp("since_14d", now.Date.AddDays(-13)));
            eventTypes = Run(
                $"SELECT {type} AS event_type, COUNT(*) AS events FROM {events.Table} WHERE {ts} >= {d.Parameter("since_7d")} GROUP BY 1 ORDER BY events DESC, event_type",
                QueryParameter.Timestamp("since_7d", now.AddDays(-7)));
            if (featureTypes.Length > 0)
            {
                string list = string.Join(", ", featureTypes.Select((_, i) => d.Parameter("feature_" + i.ToString(CultureInfo.InvariantCulture))));
                features = Run(
                    $"SELECT {type} AS event_type, COUNT(DISTINCT {customer}) AS customers, COUNT(*) AS events FROM {events.Table} " +
                    $"WHERE {type} IN ({list}) AND {ts} >= {d.Parameter("since_30d")} GROUP BY 1",
                    [.. featureTypes.Select((t, i) => QueryParameter.String("feature_" + i.ToString(CultureInfo.InvariantCulture), t)),
                        QueryParameter.Timestamp("since_30d", now.AddDays(-30))]);
            }

            if (events.Column("device") is { } deviceColumn)
            {
                devices = Run(
                    $"SELECT {Col(d, deviceColumn)} AS device, COUNT(*) AS events FROM {events.Table} WHERE {ts} >= {d.Parameter("since_30d")} GROUP BY 1 ORDER BY events DESC, device",
                    QueryParameter.Timestamp("since_30d", now.AddDays(-30)));
            }
        }

        if (entities.Orders is { } orders && profile.Catalog.Taxonomy.Levels is [{ OrdersColumn: { } categoryColumn }, ..])
        {
            string ts = Col(d, orders.Column("timestamp")!);
            categories = Run(
                $"SELECT {Col(d, categoryColumn)} AS category, COUNT(*) AS orders, SUM({Col(d, orders.Column("value")!)}) AS revenue FROM {orders.Table} " +
                $"WHERE {ts} >= {d.Parameter("since_30d")} GROUP BY 1 ORDER BY revenue DESC, category LIMIT 5",
                QueryParameter.Timestamp("since_30d", now.AddDays(-30)));
        }

        // Data health: row count and latest record of every mapped entity, in one statement (index, count, latest).
        (EntityMapping Entity, string? Latest)[] mapped = [.. HealthEntities(entities).Select(m => (m.Item1, m.Item2 is null ? null : Col(d, m.Item2)))];
        Task<QueryResult> health = Run(string.Join(" UNION ALL ", mapped.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"SELECT {i} AS i, COUNT(*) AS row_count, {(m.Latest is null ? "MIN(CAST(NULL AS TIMESTAMP))" : $"MAX({m.Latest})")} AS latest FROM {m.Entity.Table}"))));

        await Task.WhenAll(opportunities).ConfigureAwait(false);
        await Task.WhenAll(new[] { metrics, geography, tierCounts, daily, eventTypes, categories, features, devices, health }.OfType<Task<QueryResult>>()).ConfigureAwait(false);

        KeyMetrics keyMetrics = ReadMetrics(metrics.Result, notes);
        List<FeatureUse> featureUse = features is null ? [] : ReadFeatures(features.Result, featureTypes);
        return new OverviewStats(
            keyMetrics,
            geography is null ? [] : ReadGeography(geography.Result, keyMetrics.TotalCustomers, valueOnCustomers is not null),
            tierCounts is null ? [] : ReadTiers(tierCounts.Result, keyMetrics.TotalCustomers),
            ReadOpportunities([.. opportunities.Select(o => AsLong(o.Result.Scalar()))], interpreted),
            new BehavioralInsights(
                daily is null ? [] : ReadDaily(daily.Result),
                eventTypes is null ? [] : ReadNamedCounts(eventTypes.Result),
                categories is null ? [] : ReadCategories(categories.Result),
                featureUse.FirstOrDefault(f => f.Name == "room_planner_use"),
                featureUse.FirstOrDefault(f => f.Name == "ar_view"),
                devices is null ? [] : ReadNamedCounts(devices.Result))
            {
                Features30d = featureUse,
            },
            ReadHealth(health.Result, mapped, wallClock),
            wallClock,
            now);

        Task<QueryResult> Run(string sql, params QueryParameter[] parameters) =>
            store.QueryAsync(new SqlStatement(sql, parameters), cancellationToken);
    }

    /// <summary>A mapped column in SQL: a plain column name quoted by the dialect (it may be a reserved word), an expression in parentheses.</summary>
    private static string Col(SqlDialect dialect, string value) => ProfileSql.IsColumnName(value) ? dialect.Quote(value) : "(" + value + ")";

    /// <summary>The table an attribute's column is read from.</summary>
    private string TableOf(ProfileAttribute attribute) => profile.Entities.Get(attribute.Entity)?.Table ?? profile.Entities.Customers.Table;

    /// <summary>Every mapped entity, in the mapping's order, with the expression of its "latest record" time.</summary>
    private static IEnumerable<(EntityMapping, string?)> HealthEntities(EntityMappings entities)
    {
        yield return (entities.Customers, entities.Customers.Column("created_at"));
        foreach ((EntityMapping? mapping, string column) in new[]
        {
            (entities.Orders, "timestamp"), (entities.Events, "timestamp"), (entities.Carts, "timestamp"),
            (entities.CampaignSends, "sent_at"), (entities.Scores, "scored_at"),
        })
        {
            if (mapping is not null)
            {
                yield return (mapping, mapping.Column(column));
            }
        }
    }

    private static KeyMetrics ReadMetrics(QueryResult result, Dictionary<string, string> notes)
    {
        object?[]? row = result.Rows.Count > 0 ? result.Rows[0] : null;
        object? Column(string name) => result.IndexOf(name) is >= 0 and int index && row is not null ? row[index] : null;

        bool Has(string name) => !notes.ContainsKey(name);
        return new KeyMetrics(
            AsLong(Column("total_customers")),
            Has("abandoned_carts_7d") ? AsLong(Column("abandoned_carts_7d")) : null,
            Has("avg_clv_score") ? Math.Round(AsDouble(Column("avg_clv_score")), 4) : null,
            Has("at_risk_customers") ? AsLong(Column("at_risk_customers")) : null)
        {
            Notes = notes.Count == 0 ? null : notes,
        };
    }

    private static List<CountryDistribution> ReadGeography(QueryResult result, long total, bool hasValue)
    {
        Dictionary<string, List<CityCount>> cities = new(StringComparer.Ordinal);
        foreach (object?[] row in result.Rows)
        {
            string place = row[0] as string ?? "";
            if (!cities.TryGetValue(place, out List<CityCount>? list))
            {
                cities[place] = list = [];
            }

            list.Add(new CityCount(row[1] as string ?? "", AsLong(row[2]), hasValue ? Math.Round(AsDouble(row[3]), 4) : null));
        }

        List<CountryDistribution> places = [];
        foreach ((string place, List<CityCount> list) in cities)
        {
            long customers = 0;
            double valueSum = 0;
            foreach (CityCount city in list)
            {
                customers += city.Customers;
                valueSum += (city.AvgClv ?? 0) * city.Customers;
            }

            list.Sort((a, b) => b.Customers.CompareTo(a.Customers));
            double? avg = !hasValue ? null : customers == 0 ? 0 : Math.Round(valueSum / customers, 4);
            places.Add(new CountryDistribution(place, customers, Share(customers, total), avg, list));
        }

        places.Sort((a, b) => b.Customers.CompareTo(a.Customers));
        return places;
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
        // The objectives are the profile's: interpret them once (a model-backed interpreter would otherwise be asked on
        // every overview load); a failed attempt is retried on the next load.
        lock (_gate)
        {
            if (_interpreted is null || _interpreted.IsFaulted || _interpreted.IsCanceled)
            {
                _interpreted = Task.WhenAll(_opportunities.Select(o => interpreter.InterpretAsync(o.Text, CancellationToken.None).AsTask()));
            }

            return _interpreted.WaitAsync(cancellationToken);
        }
    }

    private List<Opportunity> ReadOpportunities(long[] sizes, CampaignObjective[] interpreted)
    {
        List<Opportunity> list = new(sizes.Length);
        for (int i = 0; i < sizes.Length; i++)
        {
            ExampleObjective example = _opportunities[i];
            ExampleOpportunity card = example.Opportunity!;
            string campaignType = JsonNamingPolicy.SnakeCaseLower.ConvertName(interpreted[i].CampaignType.ToString());
            list.Add(new Opportunity(card.Id, card.Title, card.Description, sizes[i], campaignType, example.Text));
        }

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

    /// <summary>Use of each of the profile's own event types (those of kind <c>other</c>), in catalog order, zero when unused.</summary>
    private static List<FeatureUse> ReadFeatures(QueryResult result, string[] featureTypes)
    {
        List<FeatureUse> uses = new(featureTypes.Length);
        foreach (string name in featureTypes)
        {
            object?[]? row = result.Rows.FirstOrDefault(r => r[0] as string == name);
            uses.Add(row is null ? new FeatureUse(0, 0) { Name = name } : new FeatureUse(AsLong(row[1]), AsLong(row[2])) { Name = name });
        }

        return uses;
    }

    private static List<TableHealth> ReadHealth(QueryResult result, (EntityMapping Entity, string? Latest)[] mapped, DateTimeOffset now)
    {
        List<TableHealth> tables = new(result.Rows.Count);
        foreach (object?[] row in result.Rows.OrderBy(r => AsLong(r[0])))
        {
            EntityMapping entity = mapped[AsLong(row[0])].Entity;
            DateTimeOffset? latest = row[2] switch
            {
                DateTimeOffset o => o,
                DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
                _ => null,
            };
            double? age = latest is { } l ? Math.Round((now - l).TotalHours, 2) : null;
            // Rows stamped after the wall clock are a data problem (a generator or loader clock ahead): flag them.
            tables.Add(new TableHealth(entity.Table, AsLong(row[1]), latest, age, latest is { } f && f > now.AddMinutes(1))
            {
                Entity = JsonNamingPolicy.SnakeCaseLower.ConvertName(entity.Kind.ToString()),
            });
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
