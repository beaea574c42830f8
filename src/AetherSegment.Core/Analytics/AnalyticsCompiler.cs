using System.Text;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>A compiled question: the statement and the names of its result columns.</summary>
internal sealed record CompiledQuery(SqlStatement Statement, string MeasureColumn, string? DimensionColumn, IReadOnlyList<string> Warnings)
{
    /// <summary>The format of the part and the whole of a share (the measure's own format).</summary>
    public MeasureFormat PartFormat { get; init; }

    /// <summary>The SQL of the measure as compiled (a count of session-start rows for sessions where that is exact), or null where it is the measure's own.</summary>
    public string? MeasureSql { get; init; }
}

/// <summary>
/// Compiles an <see cref="AnalyticsQuery"/> to parameterized SQL in a dialect. Identifiers come only from the semantic
/// layer (which takes them from the profile's mapping); every value is a parameter; time ranges are TIMESTAMP parameters.
/// </summary>
internal static partial class AnalyticsCompiler
{
    public static CompiledQuery? Compile(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason) => Compile(query, layer, dialect, thresholds, range, null, maxRows, out reason);

    /// <summary>Compiles a query; <paramref name="compared"/> is the resolved second period of a comparison of periods.</summary>
    public static CompiledQuery? Compile(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        (DateTimeOffset Start, DateTimeOffset End)? compared,
        int maxRows,
        out string? reason)
    {
        if (query.CountOfValues)
        {
            return CompileCountOfValues(query, layer, dialect, thresholds, range, compared, maxRows, out reason);
        }

        if (query.CartItems)
        {
            // "which 3 categories show up most often among the items in abandoned carts": one row per item.
            if (layer.CartItems is not { } items)
            {
                reason = $"the items of {layer.Fact(EntityKind.Carts)?.Description ?? "abandoned carts"} are not mapped (entities.carts.columns.items and item_fields)";
                return null;
            }

            layer = items.ItemsFor(dialect);
        }

        if (PerSessionDecline(query, layer, dialect, range is not null || compared is not null) is { } perSession)
        {
            reason = perSession;
            return null;
        }

        if (query.NeedsAsOf && query.AsOf is null)
        {
            reason = $"{(query.Statistic?.Of ?? query.Measure).Label} counts to the data's as-of instant, which was not resolved";
            return null;
        }

        return Compile(query, layer, dialect, thresholds, range, compared, maxRows, plain: true, out reason);
    }

    // "how many different cities do our customers live in": the rows of the breakdown ("customers by city"), under every
    // filter, condition and HAVING of the question, counted; a value read as NULL is not one of them.
    private static CompiledQuery? CompileCountOfValues(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        (DateTimeOffset Start, DateTimeOffset End)? compared,
        int maxRows,
        out string? reason)
    {
        AnalyticsQuery listed = query with { CountOfValues = false, Limit = null, Sort = AnalyticsSort.Default, Unordered = true };
        if (Compile(listed, layer, dialect, thresholds, range, compared, maxRows, out reason) is not { } list)
        {
            return null;
        }

        if (list.DimensionColumn is not { } key)
        {
            reason = $"the number of different {query.Dimension?.PluralLabel ?? "values"} needs their list, which I could not build";
            return null;
        }

        string column = "different_" + key;
        string sql = $"SELECT COUNT(g.{key}) AS {column}\nFROM ({list.Statement.Sql}) AS g";
        return new CompiledQuery(new SqlStatement(sql, list.Statement.Parameters), column, null, list.Warnings) { PartFormat = MeasureFormat.Count };
    }

    // A measure read once per session on the session's start row ("average session duration") is exact only when each
    // filter and the breakdown hold one value per session and no time range cuts a session; otherwise it is declined,
    // never averaged over the events (that would weigh each session by its number of events).
    private static string? PerSessionDecline(AnalyticsQuery query, SemanticLayer layer, SqlDialect dialect, bool timed)
    {
        List<(MeasureDefinition Measure, IReadOnlyList<QueryFilter> Filters, bool Condition)> read = [(query.Measure, query.Filters, false)];
        if (query.Ratio is { } ratio)
        {
            read.Add((ratio.Numerator, query.Filters, false));
            read.Add((ratio.Denominator, query.Filters, false));
        }

        read.AddRange(query.Conditions.Select(c => (c.Measure, c.Filters, true)));
        foreach ((MeasureDefinition measure, IReadOnlyList<QueryFilter> filters, bool condition) in read)
        {
            if (!measure.PerSession)
            {
                continue;
            }

            if (layer.SessionStart is null || layer.Fact(EntityKind.Events) is not { } events)
            {
                return $"{measure.Label} counts each session once on its start row, which this store does not have (columns.session_start)";
            }

            // A time range or a breakdown by time places each session by its start row (stop 41): the measure reads the start
            // row only, so a session falls in the range (or the period) its start falls in, once. A condition read per
            // customer over a range is still declined.
            if ((timed && condition) || (query.Dimension is { } dimension && !condition && !dimension.IsTime && !PerSession(dimension, layer, events, dialect)))
            {
                return $"{measure.Label} counts each session once; with a time range or a breakdown by time or by a value that changes within a session a session could fall in two places; ask without it";
            }

            List<QueryFilter> all = [.. filters];
            if (!condition && query.FilterRatio is { } sides)
            {
                all.AddRange(sides.Numerator);
                all.AddRange(sides.Denominator);
            }

            if (all.FirstOrDefault(f => layer.Dimension(f.Dimension) is not { } d || !PerSession(d, layer, events, dialect)) is { } within)
            {
                return $"{measure.Label} counts each session once; \"{within.Phrase}\" can change within a session, so I cannot tell which sessions it keeps; ask with filters on the device or the customers";
            }

            if (condition ? !layer.CustomerPerSession : query.Conditions.Count > 0 && !layer.CustomerPerSession)
            {
                return $"{measure.Label} counts each session once, but a session's customer is not declared one per session (session_columns)";
            }
        }

        return null;
    }

    // plain: the statement may take the grouped form of a row comparison (false where a caller splices the statement's text).
    private static CompiledQuery? Compile(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        (DateTimeOffset Start, DateTimeOffset End)? compared,
        int maxRows,
        bool plain,
        out string? reason)
    {
        if (query.Statistic is not null)
        {
            return CompileStatistic(query, layer, dialect, thresholds, range, maxRows, out reason);
        }

        if (query.ComparedTime is not null)
        {
            return CompilePeriods(query, layer, dialect, thresholds, range, compared, maxRows, out reason);
        }

        if (query.FilterRatio is not null)
        {
            return CompileFilterRatio(query, layer, dialect, thresholds, range, maxRows, out reason);
        }

        if (query.Share)
        {
            return CompileShare(query, layer, dialect, thresholds, range, maxRows, out reason);
        }

        if (query.Ratio is { SameTable: false })
        {
            return CompileRatio(query, layer, dialect, thresholds, range, maxRows, out reason);
        }

        reason = null;
        if (query.Measure.Missing is not null || layer.Fact(query.Measure.Fact) is not { } fact)
        {
            reason = $"{query.Measure.Label} {query.Measure.Missing ?? layer.Profile.MissingEntityMessage(query.Measure.Fact)}";
            return null;
        }

        List<QueryParameter> parameters = [];
        List<string> warnings = [];
        List<string> where = [];
        bool needsCustomers = query.Measure.NeedsCustomers;

        string? dimensionSql = null;
        if (query.Dimension is { } dimension)
        {
            dimensionSql = layer.DimensionExpression(dimension, fact, dialect, out reason);
            if (dimensionSql is null)
            {
                reason = $"{reason}, so {query.Measure.Label} cannot be split by {dimension.Label}";
                return null;
            }

            needsCustomers |= dimension.OnCustomers;
            if (!dimension.OnCustomers && !dimension.IsTime)
            {
                where.Add($"{dimensionSql} IS NOT NULL");
            }
        }

        List<int> customerTerms = [];
        if (!WhereOf(query.Filters, query.Measure, fact, layer, dialect, where, parameters, ref needsCustomers, out reason, customerTerms))
        {
            return null;
        }

        string? groupedRowValue = null;
        if (query.RowComparison is { } row)
        {
            if ((query.RowValue?.Sql ?? layer.RowColumn(fact.Kind, row)) is not { } valueColumn)
            {
                reason = $"{fact.ShortName} have no mapped {(row.Items ? "item count" : "value")}, so \"{row.Phrase}\" cannot be compared";
                return null;
            }

            if (query.RowValue is { OnEachRow: true })
            {
                // "sessions that lasted longer than 15 minutes": each event carries its session's duration.
                where.Add(ComparisonSql(valueColumn(dialect), row, "row_value", dialect, parameters));
            }
            else
            {
                // One pass grouped by the order id where that reads the same ("how many orders over $100"); otherwise a
                // filter on the order ids whose total passes.
                if (plain && dimensionSql is null && query.Conditions.Count == 0 && query.Ratio is null && !needsCustomers && query.AlsoRowComparison is null && layer.IdColumn(fact.Kind) is { } id)
                {
                    groupedRowValue = GroupedRowValueSql(query.Measure.Expression(dialect), fact, id(dialect), valueColumn(dialect), row, filtered: where.Count > 0 || query.Conditions.Count > 0 || range is not null, dialect, parameters);
                }

                if (groupedRowValue is null)
                {
                    where.Add(RowValueSql(layer, fact, valueColumn(dialect), row, "row_value", dialect, parameters));
                }
            }

            // "abandoned carts over $1,000 with at least 3 items": the other value of each row, compared too.
            if (query.AlsoRowComparison is { } also)
            {
                if (query.RowValue is not null || layer.RowColumn(fact.Kind, also) is not { } alsoColumn)
                {
                    reason = $"{fact.ShortName} have no mapped {(also.Items ? "item count" : "value")}, so \"{also.Phrase}\" cannot be compared";
                    return null;
                }

                where.Add(RowValueSql(layer, fact, alsoColumn(dialect), also, "row_value_also", dialect, parameters));
            }
        }

        for (int i = 0; i < query.Conditions.Count; i++)
        {
            string? condition = ConditionSql(query.Conditions[i], i, layer, fact.CustomerId(dialect), dialect, AttributeUntimed(query, query.Conditions[i], layer) ? null : range, parameters, out reason);
            if (condition is null)
            {
                return null;
            }

            where.Add(condition);
        }

        DropImpliedConditions(where, where.Count - query.Conditions.Count);

        if (range is { } window && !query.TimeOnConditions)
        {
            if (fact.Time is null)
            {
                warnings.Add($"{query.Measure.Label} comes from the latest customer scores, which have no history; the time range was not applied.");
            }
            else
            {
                parameters.Add(QueryParameter.Timestamp("time_start", window.Start));
                parameters.Add(QueryParameter.Timestamp("time_end", window.End));
                string time = fact.Time(dialect);
                where.Add($"{time} >= {dialect.Parameter("time_start")}");
                where.Add($"{time} < {dialect.Parameter("time_end")}");
            }
        }

        string measureSql = query.Measure.Expression(dialect);
        if (plain && SessionStartFilter(query, layer, fact, timed: range is not null && !query.TimeOnConditions, dialect) is { } sessionStart)
        {
            measureSql = "COUNT(*)";
            where.Add(sessionStart);
        }

        // Each customer is one row of the customers table (entities.customers.id_unique, verified by profile check), and
        // a count of customers reads that table alone (filters on other tables are IN conditions), so the distinct count
        // is a row count (36% faster on 1,000,000 customers, docs/benchmarks.md "Stop 30").
        if (plain && fact.Kind == EntityKind.Customers && layer.CustomersUnique && measureSql == $"COUNT(DISTINCT {fact.CustomerId(dialect)})")
        {
            measureSql = "COUNT(*)";
        }

        string measureName = query.Measure.Name;
        // Not with a filter on a customer attribute ("buyers in one country"): the plain join reads only the matching
        // customers' orders there, where the totals would be over every buyer (measured slower, docs/benchmarks.md).
        PerCustomerRewrite? perCustomer = plain && groupedRowValue is null && needsCustomers && customerTerms.Count == 0 ? PerCustomer(query, layer, fact, dialect) : null;
        if (perCustomer is not null)
        {
            measureSql = perCustomer.Outer(measureSql);
        }

        StringBuilder sql = new("SELECT ");
        if (groupedRowValue is not null)
        {
            // The rows' filters decide which rows of a passing order count; the order's total is over all its rows, as in the IN form.
            sql.Append(groupedRowValue.Replace(RowFilterMark, where.Count > 0 ? string.Join(" AND ", where) : "TRUE", StringComparison.Ordinal).Replace(MeasureNameMark, measureName, StringComparison.Ordinal));
            return Finish(sql.ToString(), dialect, parameters, thresholds, layer, measureName, null, warnings, query.AsOf);
        }

        if (dimensionSql is not null)
        {
            sql.Append(dimensionSql).Append(" AS ").Append(query.Dimension!.Name).Append(", ");
        }

        // A ratio on one table: both totals next to the ratio (after it without a breakdown, before it with one).
        string? ratioParts = query.Ratio is { SameTable: true } ratio
            ? $"{Outer(ratio.Numerator.Expression(dialect))} AS {ratio.Numerator.Name}, {Outer(ratio.Denominator.Expression(dialect))} AS {ratio.Denominator.Name}"
            : null;
        if (ratioParts is not null && perCustomer is null && SessionStartCount(query, layer, fact, timed: range is not null && !query.TimeOnConditions, dialect) is { } sessions)
        {
            // "events per session": the sessions of a ratio counted on their start rows (3.5 s -> 0.2 s over 10,783,493 events).
            measureSql = measureSql.Replace(sessions.Distinct, sessions.Starts, StringComparison.Ordinal);
            ratioParts = ratioParts.Replace(sessions.Distinct, sessions.Starts, StringComparison.Ordinal);
        }

        if (ratioParts is not null && dimensionSql is not null)
        {
            sql.Append(ratioParts).Append(", ");
        }

        sql.Append(measureSql).Append(" AS ").Append(measureName);
        if (ratioParts is not null && dimensionSql is null)
        {
            sql.Append(", ").Append(ratioParts);
        }

        if (perCustomer is not null)
        {
            // Each buyer's orders totalled first (the order-side terms inside), then one row per buyer joined to its
            // customer (the customer-side terms outside).
            FactInfo customers = layer.Fact(EntityKind.Customers)!;
            List<string> inner = [.. where.Where((_, i) => !customerTerms.Contains(i))];
            List<string> outer = [.. where.Where((_, i) => customerTerms.Contains(i))];
            sql.Append("\nFROM (SELECT ").Append(fact.CustomerId(dialect)).Append(" AS ").Append(PerCustomerKey);
            for (int i = 0; i < perCustomer.Parts.Count; i++)
            {
                sql.Append(", ").Append(perCustomer.Parts[i]).Append(" AS ").Append(PerCustomerRewrite.PartName(i));
            }

            sql.Append(" FROM ").Append(fact.Table).Append(" AS ").Append(fact.Alias);
            if (inner.Count > 0)
            {
                sql.Append(" WHERE ").AppendJoin(" AND ", inner);
            }

            sql.Append(" GROUP BY 1) AS p");
            sql.Append("\nJOIN ").Append(customers.Table).Append(" AS c ON ").Append(customers.CustomerId(dialect)).Append(" = p.").Append(PerCustomerKey);
            if (outer.Count > 0)
            {
                sql.Append("\nWHERE ").AppendJoin("\n  AND ", outer);
            }
        }
        else
        {
            sql.Append("\nFROM ").Append(fact.Table).Append(" AS ").Append(fact.Alias);
            if (needsCustomers && fact.Kind != EntityKind.Customers)
            {
                FactInfo customers = layer.Fact(EntityKind.Customers)!;
                sql.Append("\nJOIN ").Append(customers.Table).Append(" AS c ON ").Append(customers.CustomerId(dialect)).Append(" = ").Append(fact.CustomerId(dialect));
            }

            if (where.Count > 0)
            {
                sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
            }
        }

        if (dimensionSql is not null)
        {
            string dimensionName = query.Dimension!.Name;
            sql.Append("\nGROUP BY 1");
            if (query.Having is { } having)
            {
                sql.Append("\nHAVING ").Append(ComparisonSql(measureSql, having, "having_value", dialect, parameters));
            }

            if (!query.Unordered)
            {
                AppendOrder(sql, query, measureSql, measureName, dimensionName, dialect, parameters, maxRows);
            }
        }

        return Finish(sql.ToString(), dialect, parameters, thresholds, layer, measureName, query.Dimension?.Name, warnings, query.AsOf) with { MeasureSql = measureSql };

        string Outer(string expression) => perCustomer is null ? expression : perCustomer.Outer(expression);
    }

    private const string PerCustomerKey = "per_customer_id";

    // A count of distinct buyers over orders joined to customers ("buyers by country", "top 3 cities by revenue per
    // buyer") is one of rows once each buyer's orders are totalled first: with the customers table holding each id once
    // (entities.customers.id_unique, verified by profile check), each buyer is one joined row, so
    // COUNT(DISTINCT t.customer_id) becomes COUNT(*), SUM(x) the sum of the per-buyer sums and COUNT(*) the sum of the
    // per-buyer counts. Only where it reads faster and the same: the measure (and a same-table ratio's parts) counts
    // distinct buyers and is built of those three aggregates alone; the breakdown is by a customer attribute; every
    // filter is on a column of the orders (the caller keeps the plain join for a filter on a customer attribute); the
    // measure reads no customer column. Null otherwise (the plain join). Sums of doubles may differ from the plain
    // join's in their last bits (summation order).
    private static PerCustomerRewrite? PerCustomer(AnalyticsQuery query, SemanticLayer layer, FactInfo fact, SqlDialect dialect)
    {
        if (fact.Kind != EntityKind.Orders || !layer.CustomersUnique || query.Measure.NeedsCustomers || query.RowComparison is not null
            || query.Dimension is not { OnCustomers: true })
        {
            return null;
        }

        foreach (QueryFilter filter in query.Filters)
        {
            if (layer.Dimension(filter.Dimension) is not { } filtered || (!filtered.OnCustomers && (filtered.IsTime || filtered.Role == DimensionRole.ValueTier)))
            {
                return null;
            }
        }

        List<string> expressions = [query.Measure.Expression(dialect)];
        if (query.Ratio is { SameTable: true } ratio)
        {
            if (ratio.Numerator.NeedsCustomers || ratio.Denominator.NeedsCustomers)
            {
                return null;
            }

            expressions.Add(ratio.Numerator.Expression(dialect));
            expressions.Add(ratio.Denominator.Expression(dialect));
        }

        string distinctBuyers = $"COUNT(DISTINCT {fact.CustomerId(dialect)})";
        if (!expressions[0].Contains(distinctBuyers, StringComparison.Ordinal))
        {
            return null;
        }

        PerCustomerRewrite rewrite = new(distinctBuyers);
        foreach (string expression in expressions)
        {
            if (!rewrite.TryAdd(expression))
            {
                return null;
            }
        }

        return rewrite;
    }

    // Sessions counted as their start rows (columns.session_start, true on one row of each session) instead of distinct
    // session ids: the same number when whatever keeps a row keeps every row of its session, so its start row too. That
    // holds for the session's own columns (session_columns) and, when the customer is one per session, for the
    // customer's attributes and conditions on the customer; a time range or an event's own column (its type, its
    // product) can keep rows of a session without its start, so those keep the distinct count. Null when it does not hold.
    private static string? SessionStartFilter(AnalyticsQuery query, SemanticLayer layer, FactInfo fact, bool timed, SqlDialect dialect)
    {
        if (fact.Kind != EntityKind.Events || timed || query.Ratio is not null || query.RowComparison is not null
            || layer.SessionStart is not { } start || layer.SessionId is not { } session
            || query.Measure.Expression(dialect) != $"COUNT(DISTINCT {session(dialect)})" || !OneValuePerSession(query, layer, fact, dialect))
        {
            return null;
        }

        return start(dialect);
    }

    // Whether every customer condition, breakdown and filter of the query takes one value per session, so a session's rows
    // are kept or dropped together.
    private static bool OneValuePerSession(AnalyticsQuery query, SemanticLayer layer, FactInfo fact, SqlDialect dialect) =>
        ((!query.Measure.NeedsCustomers && query.Conditions.Count == 0) || layer.CustomerPerSession)
        && (query.Dimension is not { } dimension || PerSession(dimension, layer, fact, dialect))
        && query.Filters.All(filter => layer.Dimension(filter.Dimension) is { } filtered && PerSession(filtered, layer, fact, dialect));

    // A ratio on the events with the sessions as one part ("events per session"): the distinct count of session ids and
    // the count of session-start rows (the same under the conditions of SessionStartFilter: no time range cutting a
    // session, every filter, breakdown and condition one value per session); the other part still reads every row.
    private static (string Distinct, string Starts)? SessionStartCount(AnalyticsQuery query, SemanticLayer layer, FactInfo fact, bool timed, SqlDialect dialect)
    {
        if (fact.Kind != EntityKind.Events || timed || query.Ratio is not { SameTable: true } || query.RowComparison is not null
            || layer.SessionStart is not { } start || layer.SessionId is not { } session || !OneValuePerSession(query, layer, fact, dialect))
        {
            return null;
        }

        string distinct = $"COUNT(DISTINCT {session(dialect)})";
        return query.Measure.Expression(dialect).Contains(distinct, StringComparison.Ordinal) ? (distinct, $"COUNT(CASE WHEN {start(dialect)} THEN 1 END)") : null;
    }

    private static bool PerSession(DimensionDefinition dimension, SemanticLayer layer, FactInfo fact, SqlDialect dialect) =>
        !dimension.IsTime && (dimension.OnCustomers
            ? layer.CustomerPerSession
            : layer.DimensionExpression(dimension, fact, dialect, out _) is { } sql && layer.IsPerSession(sql, dialect));

    /// <summary>The parameter of the data's as-of instant, in a measure that counts to it ("days since the last purchase").</summary>
    internal const string AsOfParameter = "as_of";

    private static CompiledQuery Finish(string text, SqlDialect dialect, List<QueryParameter> parameters, AetherSegmentOptions thresholds, SemanticLayer layer, string measureName, string? dimensionName, List<string> warnings, DateTimeOffset? asOf)
    {
        if (asOf is { } instant && text.Contains(dialect.Parameter(AsOfParameter), StringComparison.Ordinal))
        {
            parameters.Add(QueryParameter.Timestamp(AsOfParameter, instant));
        }

        AddIfUsed(text, dialect, parameters, SemanticLayer.HighValueThreshold, thresholds.HighValueThreshold ?? 0.7);
        AddIfUsed(text, dialect, parameters, SemanticLayer.LowValueThreshold, thresholds.LowValueThreshold ?? 0.4);
        AddIfUsed(text, dialect, parameters, SemanticLayer.ChurnThreshold, thresholds.ChurnRiskThreshold ?? 0.6);
        if (layer.Profile.Entities.CampaignSends is { } sends)
        {
            // Each arm's value only where the SQL names it (the treatment-arm measures name only the treatment's).
            if (sends.TreatmentValue is not null && text.Contains(dialect.Parameter(SemanticLayer.TreatmentGroup), StringComparison.Ordinal))
            {
                parameters.Add(QueryParameter.String(SemanticLayer.TreatmentGroup, sends.TreatmentValue));
            }

            if (sends.ControlValue is not null && text.Contains(dialect.Parameter(SemanticLayer.ControlGroup), StringComparison.Ordinal))
            {
                parameters.Add(QueryParameter.String(SemanticLayer.ControlGroup, sends.ControlValue));
            }
        }

        return new CompiledQuery(new SqlStatement(text, parameters), measureName, dimensionName, warnings);
    }

    // Top or bottom N with ties (every group whose rank is within N, so a tie at the cut is never dropped), the order and the row limit.
    private static void AppendOrder(StringBuilder sql, AnalyticsQuery query, string measureSql, string measureName, string dimensionName, SqlDialect dialect, List<QueryParameter> parameters, int maxRows)
    {
        AnalyticsSort sort = query.Sort == AnalyticsSort.Default
            ? (query.Dimension!.IsTime ? AnalyticsSort.DimensionAscending : AnalyticsSort.MeasureDescending)
            : query.Sort;
        bool ranked = query.Limit is not null && sort != AnalyticsSort.DimensionAscending;
        if (ranked)
        {
            sql.Append("\nQUALIFY RANK() OVER (ORDER BY ").Append(measureSql).Append(sort == AnalyticsSort.MeasureAscending ? " ASC" : " DESC")
                .Append(") <= ").Append(dialect.Parameter("rank_limit"));
            parameters.Add(QueryParameter.Int64("rank_limit", query.Limit!.Value));
        }

        sql.Append("\nORDER BY ");
        sql.Append(sort switch
        {
            AnalyticsSort.DimensionAscending => $"{dimensionName} ASC",
            AnalyticsSort.MeasureAscending => $"{measureName} ASC, {dimensionName} ASC",
            _ => $"{measureName} DESC, {dimensionName} ASC",
        });
        sql.Append("\nLIMIT ").Append(dialect.Parameter("row_limit"));
        parameters.Add(QueryParameter.Int64("row_limit", ranked ? maxRows : Math.Min(query.Limit ?? maxRows, maxRows)));
    }

    // A ratio of two measures on different tables ("abandoned carts to orders", "revenue per customer"): each measure is
    // computed over the same filters and time range in its own subquery (grouped alike with a breakdown), then divided,
    // NULL when the denominator is zero. With a breakdown, the groups are the denominator's (a group with none of the
    // numerator has a ratio of zero).
    private static CompiledQuery? CompileRatio(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason)
    {
        RatioParts ratio = query.Ratio!;
        bool timed = range is not null || query.Dimension is { IsTime: true };
        if (timed && (ratio.Numerator.Fact is EntityKind.Customers or EntityKind.Scores || ratio.Denominator.Fact is EntityKind.Customers or EntityKind.Scores))
        {
            MeasureDefinition snapshot = ratio.Denominator.Fact is EntityKind.Customers or EntityKind.Scores ? ratio.Denominator : ratio.Numerator;
            string instead = layer.Measure("buyers") is { Missing: null } && ratio.Numerator.Fact == EntityKind.Orders ? $"; ask \"{ratio.Numerator.Label} per buyer\" to divide by the customers who ordered in the range" : "";
            reason = $"a time range on {query.Measure.Label} is ambiguous: {snapshot.Label} are counted over all time, not in {query.Time?.Phrase ?? "each " + query.Dimension?.Label}{instead}";
            return null;
        }

        AnalyticsQuery part = query with { Ratio = null, Limit = null, Having = null, Sort = AnalyticsSort.Default, Unordered = true };
        CompiledQuery? numerator = Compile(part with { Measure = ratio.Numerator }, layer, dialect, thresholds, range, maxRows, out reason);
        CompiledQuery? denominator = numerator is null ? null : Compile(part with { Measure = ratio.Denominator }, layer, dialect, thresholds, range, maxRows, out reason);
        if (numerator is null || denominator is null)
        {
            reason = $"{reason} (in {query.Measure.Label})";
            return null;
        }

        // Both parts are compiled from the same filters in the same order, so a parameter name means the same value in both.
        List<QueryParameter> parameters = [.. numerator.Statement.Parameters];
        foreach (QueryParameter parameter in denominator.Statement.Parameters)
        {
            if (!parameters.Exists(p => p.Name == parameter.Name))
            {
                parameters.Add(parameter);
            }
        }

        string top = ratio.Numerator.Name;
        string bottom = ratio.Denominator.Name;
        string name = query.Measure.Name;
        List<string> warnings = [.. numerator.Warnings, .. denominator.Warnings.Where(w => !numerator.Warnings.Contains(w))];
        StringBuilder sql = new();
        if (query.Dimension is not { } dimension)
        {
            sql.Append($"SELECT n.{top} / NULLIF(d.{bottom}, 0) AS {name}, n.{top} AS {top}, d.{bottom} AS {bottom}\nFROM ({numerator.Statement.Sql}) AS n\nCROSS JOIN ({denominator.Statement.Sql}) AS d");
            return new CompiledQuery(new SqlStatement(sql.ToString(), parameters), name, null, warnings) { PartFormat = ratio.Numerator.Format };
        }

        string key = dimension.Name;
        string value = $"COALESCE(n.{top}, 0) / NULLIF(d.{bottom}, 0)";
        sql.Append($"SELECT d.{key} AS {key}, COALESCE(n.{top}, 0) AS {top}, d.{bottom} AS {bottom}, {value} AS {name}\nFROM ({denominator.Statement.Sql}) AS d\nLEFT JOIN ({numerator.Statement.Sql}) AS n ON n.{key} = d.{key}\nWHERE d.{key} IS NOT NULL");
        AppendOrder(sql, query, value, name, key, dialect, parameters, maxRows);
        return new CompiledQuery(new SqlStatement(sql.ToString(), parameters), name, key, warnings) { PartFormat = ratio.Numerator.Format };
    }

    // One measure under two filters of one dimension ("iOS sessions to Android sessions"): each side is the measure over
    // the shared filters plus its own, in its own subquery, then divided (NULL when the denominator is zero). A parameter
    // of the denominator whose name the numerator already gives another value is renamed.
    private static CompiledQuery? CompileFilterRatio(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason)
    {
        FilterRatio sides = query.FilterRatio!;
        AnalyticsQuery side = query with { FilterRatio = null, Limit = null, Having = null, Sort = AnalyticsSort.Default, Unordered = true };
        CompiledQuery? numerator = Compile(side with { Filters = [.. query.Filters, .. sides.Numerator] }, layer, dialect, thresholds, range, maxRows, out reason);
        CompiledQuery? denominator = numerator is null ? null : Compile(side with { Filters = [.. query.Filters, .. sides.Denominator] }, layer, dialect, thresholds, range, maxRows, out reason);
        if (numerator is null || denominator is null)
        {
            return null;
        }

        List<QueryParameter> parameters = [.. numerator.Statement.Parameters];
        Dictionary<string, string> renamed = new(StringComparer.Ordinal);
        foreach (QueryParameter parameter in denominator.Statement.Parameters)
        {
            QueryParameter? same = parameters.Find(p => p.Name == parameter.Name);
            if (same is null)
            {
                parameters.Add(parameter);
            }
            else if (!Equals(same.Value, parameter.Value) || same.Type != parameter.Type)
            {
                string fresh = UniqueName(parameter.Name + "_denominator", [.. parameters, .. denominator.Statement.Parameters]);
                renamed[parameter.Name] = fresh;
                parameters.Add(parameter with { Name = fresh });
            }
        }

        string bottomSql = Rename(denominator.Statement.Sql, dialect.ParameterPrefix, renamed);
        string name = query.Measure.Name;
        // "A as a % of B" is 100 times the quotient, in a column named as a percentage.
        (string column, string times) = sides.Percent ? ("percent_of_" + name, "100.0 * ") : ("ratio_of_" + name, "");
        string sql = $"SELECT {times}n.{name} / NULLIF(d.{name}, 0) AS {column}, n.{name} AS numerator_{name}, d.{name} AS denominator_{name}\nFROM ({numerator.Statement.Sql}) AS n\nCROSS JOIN ({bottomSql}) AS d";
        List<string> warnings = [.. numerator.Warnings, .. denominator.Warnings.Where(w => !numerator.Warnings.Contains(w))];
        return new CompiledQuery(new SqlStatement(sql, parameters), column, null, warnings) { PartFormat = query.Measure.Format };
    }

    // The statement with each parameter named in renamed given its new name (a name is the prefix and an identifier).
    private static string Rename(string sql, char prefix, Dictionary<string, string> renamed)
    {
        if (renamed.Count == 0)
        {
            return sql;
        }

        StringBuilder text = new(sql.Length + 32);
        int i = 0;
        while (i < sql.Length)
        {
            if (sql[i] != prefix)
            {
                text.Append(sql[i++]);
                continue;
            }

            int start = ++i;
            while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }

            string identifier = sql[start..i];
            text.Append(prefix).Append(renamed.TryGetValue(identifier, out string? fresh) ? fresh : identifier);
        }

        return text.ToString();
    }

    // Two periods of one measure: one row per period (CASE on the time column, both ranges in the WHERE), or with growth
    // the change from the earlier to the later period, absolute and relative.
    private static CompiledQuery? CompilePeriods(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        (DateTimeOffset Start, DateTimeOffset End)? compared,
        int maxRows,
        out string? reason)
    {
        if (range is not { } a || compared is not { } b || query.Time is null || query.ComparedTime is null)
        {
            reason = "two periods are needed for a comparison";
            return null;
        }

        if (layer.Fact(query.Measure.Fact) is not { Time: { } time } || query.TimeOnConditions || query.Conditions.Count > 0)
        {
            reason = $"{query.Measure.Label} has no time of its own in the data (or carries a condition), so two periods cannot be compared";
            return null;
        }

        if (a.Start < b.End && b.Start < a.End)
        {
            reason = $"{query.Time.Phrase} and {query.ComparedTime.Phrase} overlap; compare two separate periods";
            return null;
        }

        if (query.Ratio is { SameTable: false })
        {
            reason = $"{query.Measure.Label} divides measures of two tables, so two periods of it cannot be compared yet; ask for each period on its own";
            return null;
        }

        CompiledQuery? total = Compile(query with { ComparedTime = null, Time = null, Growth = false, GrowthPercent = false, Ratio = null }, layer, dialect, thresholds, null, null, maxRows, plain: false, out reason);
        if (total is null)
        {
            return null;
        }

        bool firstIsEarlier = a.Start <= b.Start;
        if (query.Growth && query.FirstSaidIsLater is bool laterFirst && laterFirst == firstIsEarlier)
        {
            // "how much more revenue in 2025 than in 2026": the earlier minus the later, the change taken backwards.
            reason = $"{query.Time.Phrase} is {(firstIsEarlier ? "before" : "after")} {query.ComparedTime.Phrase}, so that difference is the change taken backwards; ask \"how much did {query.Measure.Label} change from {(firstIsEarlier ? query.Time.Phrase : query.ComparedTime.Phrase)} to {(firstIsEarlier ? query.ComparedTime.Phrase : query.Time.Phrase)}\"";
            return null;
        }

        ((DateTimeOffset Start, DateTimeOffset End) earlier, string earlierPhrase) = firstIsEarlier ? (a, query.Time.Phrase) : (b, query.ComparedTime.Phrase);
        ((DateTimeOffset Start, DateTimeOffset End) later, string laterPhrase) = firstIsEarlier ? (b, query.ComparedTime.Phrase) : (a, query.Time.Phrase);
        List<QueryParameter> parameters = [.. total.Statement.Parameters];
        parameters.Add(QueryParameter.Timestamp("period_1_start", earlier.Start));
        parameters.Add(QueryParameter.Timestamp("period_1_end", earlier.End));
        parameters.Add(QueryParameter.Timestamp("period_2_start", later.Start));
        parameters.Add(QueryParameter.Timestamp("period_2_end", later.End));
        parameters.Add(QueryParameter.String("period_1", earlierPhrase));
        parameters.Add(QueryParameter.String("period_2", laterPhrase + (laterPhrase == earlierPhrase ? " (later)" : "")));
        string t = time(dialect);
        string inEarlier = $"{t} >= {dialect.Parameter("period_1_start")} AND {t} < {dialect.Parameter("period_1_end")}";
        string inLater = $"{t} >= {dialect.Parameter("period_2_start")} AND {t} < {dialect.Parameter("period_2_end")}";
        string measureName = query.Measure.Name;
        string body = total.Statement.Sql;
        StringBuilder sql = new();
        sql.Append("SELECT CASE WHEN ").Append(inEarlier).Append(" THEN ").Append(dialect.Parameter("period_1")).Append(" ELSE ").Append(dialect.Parameter("period_2")).Append(" END AS period, ")
            .Append(body.AsSpan("SELECT ".Length))
            .Append(body.Contains("\nWHERE ", StringComparison.Ordinal) ? "\n  AND " : "\nWHERE ").Append("((").Append(inEarlier).Append(") OR (").Append(inLater).Append("))")
            .Append("\nGROUP BY 1");
        if (!query.Growth)
        {
            sql.Append("\nORDER BY MIN(").Append(t).Append(')');
            return new CompiledQuery(new SqlStatement(sql.ToString(), parameters), measureName, "period", total.Warnings) { PartFormat = query.Measure.Format };
        }

        string before = $"(SELECT {measureName} FROM periods WHERE period = {dialect.Parameter("period_1")})";
        string after = $"(SELECT {measureName} FROM periods WHERE period = {dialect.Parameter("period_2")})";
        string change = $"COALESCE({after}, 0) - COALESCE({before}, 0) AS change_in_{measureName}";
        string percent = $"COALESCE({after}, 0) / NULLIF({before}, 0) - 1 AS percent_change_in_{measureName}";
        string growth = $"WITH periods AS (\n{sql}\n)\nSELECT {(query.GrowthPercent ? percent + ", " + change : change + ", " + percent)}, {before} AS {measureName}_{"before"}, {after} AS {measureName}_{"after"}";
        return new CompiledQuery(new SqlStatement(growth, parameters), (query.GrowthPercent ? "percent_change_in_" : "change_in_") + measureName, null, total.Warnings) { PartFormat = query.Measure.Format };
    }

    // The share of the measure: the question's filters and conditions over the same measure without them (same time
    // range); with a breakdown, each group's share of the groups' total.
    private static CompiledQuery? CompileShare(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason)
    {
        string measureName = query.Measure.Name;
        string shareName = "share_of_" + measureName;
        if (query.Dimension is not null && query.WithinGroups)
        {
            // Each group's part over that group's own whole: the same breakdown without the conditions and the filters that
            // pick the part, joined on the group.
            CompiledQuery? groupPart = Compile(query with { Share = false, WithinGroups = false, Limit = null, Unordered = true }, layer, dialect, thresholds, range, maxRows, out reason);
            CompiledQuery? groupWhole = groupPart is null ? null : Compile(query with { Share = false, WithinGroups = false, Limit = null, Unordered = true, Filters = [.. query.Filters.Where(f => f.NamesMeasure || f.Dimension == query.Dimension.Key)], Conditions = [], RowComparison = null, TimeOnConditions = false }, layer, dialect, thresholds, query.TimeOnConditions ? null : range, maxRows, out reason);
            if (groupPart is null || groupWhole is null || groupPart.DimensionColumn is not { } column)
            {
                reason ??= "the share within each group could not be compiled";
                return null;
            }

            List<QueryParameter> bound = [.. groupPart.Statement.Parameters];
            bound.AddRange(groupWhole.Statement.Parameters.Where(p => !bound.Exists(b => b.Name == p.Name)));
            string order = query.Sort switch
            {
                AnalyticsSort.MeasureAscending => $"{shareName} ASC, {column} ASC",
                AnalyticsSort.DimensionAscending => $"{column} ASC",
                _ => $"{shareName} DESC, {column} ASC",
            };
            bound.RemoveAll(p => p.Name == "row_limit");
            bound.Add(QueryParameter.Int64("row_limit", Math.Min(query.Limit ?? maxRows, maxRows)));
            string limit = "\nLIMIT " + dialect.Parameter("row_limit");
            string withinSql = $"SELECT whole.{column} AS {column}, COALESCE(part.{measureName}, 0) AS {measureName}, whole.{measureName} AS total_{measureName}, " +
                $"COALESCE(part.{measureName}, 0) / NULLIF(whole.{measureName}, 0) AS {shareName}\n" +
                $"FROM ({groupWhole.Statement.Sql}) AS whole\nLEFT JOIN ({groupPart.Statement.Sql}) AS part ON part.{column} IS NOT DISTINCT FROM whole.{column}\nORDER BY {order}{limit}";
            return new CompiledQuery(new SqlStatement(withinSql, bound), shareName, column, [.. groupPart.Warnings, .. groupWhole.Warnings.Where(w => !groupPart.Warnings.Contains(w))]) { PartFormat = query.Measure.Format };
        }

        if (query.Dimension is not null)
        {
            CompiledQuery? grouped = Compile(query with { Share = false }, layer, dialect, thresholds, range, maxRows, out reason);
            if (grouped is null)
            {
                return null;
            }

            string measureSql = grouped.MeasureSql ?? query.Measure.Expression(dialect);
            string wholeSql = $"SUM({measureSql}) OVER ()";
            List<QueryParameter> groupedParameters = [.. grouped.Statement.Parameters];
            List<string> warnings = [.. grouped.Warnings];
            if (query.Filters.Any(f => f.Dimension == query.Dimension.Key))
            {
                // "share of revenue from <A> and <B>": the values picked out of the breakdown are shares of the
                // whole, not of each other; the whole is the same question without the breakdown and those values.
                CompiledQuery? all = Compile(query with { Share = false, Dimension = null, Limit = null, Filters = [.. query.Filters.Where(f => f.Dimension != query.Dimension.Key)] }, layer, dialect, thresholds, range, maxRows, out reason);
                if (all is null)
                {
                    return null;
                }

                foreach (QueryParameter parameter in all.Statement.Parameters)
                {
                    if (!groupedParameters.Exists(p => p.Name == parameter.Name))
                    {
                        groupedParameters.Add(parameter);
                    }
                }

                warnings.AddRange(all.Warnings.Where(w => !warnings.Contains(w)));
                wholeSql = $"(SELECT whole.{measureName} FROM ({all.Statement.Sql}) AS whole)";
            }

            string text = grouped.Statement.Sql.Replace(
                $" AS {measureName}\nFROM ",
                $" AS {measureName}, {measureSql} / NULLIF({wholeSql}, 0) AS {shareName}\nFROM ",
                StringComparison.Ordinal);
            return new CompiledQuery(new SqlStatement(text, groupedParameters), shareName, grouped.DimensionColumn, warnings) { PartFormat = query.Measure.Format };
        }

        CompiledQuery? part = Compile(query with { Share = false, ShareWhole = null }, layer, dialect, thresholds, range, maxRows, out reason);
        CompiledQuery? whole = part is null ? null
            : query.ShareWhole is { } ownWhole ? SharedWhole(part, ownWhole, layer, dialect, thresholds, range, maxRows, out reason)
            : Compile(query with { Share = false, Filters = [.. query.Filters.Where(f => f.NamesMeasure)], Conditions = [], RowComparison = null, TimeOnConditions = false }, layer, dialect, thresholds, query.TimeOnConditions || query.ShareOfTime ? null : range, maxRows, out reason);
        if (part is null || whole is null)
        {
            return null;
        }

        if (part.Statement.Sql == whole.Statement.Sql && part.Statement.Parameters.SequenceEqual(whole.Statement.Parameters))
        {
            // "For customers acquired through X, what proportion have ever abandoned a cart?" was read as the abandoned carts
            // of X out of the abandoned carts of X (stop 50, an unseen set): a part that is its own whole is no share.
            reason = $"I read the part and the whole of that share as the same {query.Measure.Label}, so it would always be 100%; say the whole and the part apart, as in \"what share of <the whole> have <the part>\"";
            return null;
        }

        List<QueryParameter> parameters = [.. part.Statement.Parameters];
        foreach (QueryParameter parameter in whole.Statement.Parameters)
        {
            if (!parameters.Exists(p => p.Name == parameter.Name))
            {
                parameters.Add(parameter);
            }
        }

        string total = "total_" + measureName;
        string sql = OneGroupedPassShare(part.Statement.Sql, whole.Statement.Sql, measureName, shareName, total)
            ?? $"SELECT part.{measureName} / NULLIF(whole.{measureName}, 0) AS {shareName}, part.{measureName} AS {measureName}, whole.{measureName} AS {total}\n" +
            $"FROM ({part.Statement.Sql}) AS part\nCROSS JOIN ({whole.Statement.Sql}) AS whole";
        return new CompiledQuery(new SqlStatement(sql, parameters), shareName, null, [.. part.Warnings, .. whole.Warnings.Where(w => !part.Warnings.Contains(w))]) { PartFormat = query.Measure.Format };
    }

    // The whole of a share said with conditions of its own (AnalyticsQuery.ShareWhole), compiled as its own query over the
    // same time range; a parameter whose name the part already gives another value is renamed.
    private static CompiledQuery? SharedWhole(CompiledQuery part, AnalyticsQuery whole, SemanticLayer layer, SqlDialect dialect, AetherSegmentOptions thresholds, (DateTimeOffset Start, DateTimeOffset End)? range, int maxRows, out string? reason)
    {
        CompiledQuery? compiled = Compile(whole, layer, dialect, thresholds, range, maxRows, out reason);
        if (compiled is null)
        {
            return null;
        }

        List<QueryParameter> parameters = [];
        Dictionary<string, string> renamed = new(StringComparer.Ordinal);
        foreach (QueryParameter parameter in compiled.Statement.Parameters)
        {
            QueryParameter? same = part.Statement.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
            if (same is not null && (!Equals(same.Value, parameter.Value) || same.Type != parameter.Type))
            {
                string fresh = UniqueName(parameter.Name + "_whole", [.. part.Statement.Parameters, .. compiled.Statement.Parameters, .. parameters]);
                renamed[parameter.Name] = fresh;
                parameters.Add(parameter with { Name = fresh });
            }
            else
            {
                parameters.Add(parameter);
            }
        }

        return compiled with { Statement = new SqlStatement(Rename(compiled.Statement.Sql, dialect.ParameterPrefix, renamed), parameters) };
    }

    // The filters of a question or of a condition on one fact, as WHERE terms; false (with the reason) when one cannot be
    // placed. customerTerms, when given, receives the positions in where of the terms on a customer attribute.
    private static bool WhereOf(
        IReadOnlyList<QueryFilter> filters,
        MeasureDefinition measure,
        FactInfo fact,
        SemanticLayer layer,
        SqlDialect dialect,
        List<string> where,
        List<QueryParameter> parameters,
        ref bool needsCustomers,
        out string? reason,
        List<int>? customerTerms = null)
    {
        reason = null;
        foreach (QueryFilter filter in filters)
        {
            DimensionDefinition filtered = layer.Dimension(filter.Dimension)!;
            string? filterSql = layer.DimensionExpression(filtered, fact, dialect, out reason);
            if (filterSql is null)
            {
                reason = $"{reason}, so {measure.Label} cannot be filtered to {filter.Phrase}";
                return false;
            }

            needsCustomers |= filtered.OnCustomers;
            if (filter.Negated && SessionsWithout(filter, filtered, filterSql, measure, fact, layer, dialect, parameters) is { } without)
            {
                where.Add(without);
                continue;
            }

            where.Add(FilterSql(filter, filtered, filterSql, dialect, parameters));
            if (filtered.OnCustomers)
            {
                customerTerms?.Add(where.Count - 1);
            }
        }

        return true;
    }

    // "sessions without a checkout start": a count of sessions with a value excluded that can change within a session (an
    // event's type or product) keeps the sessions none of whose events has it, not every session with some other event
    // (stop 37). Null where the filter is read on each row as before.
    private static string? SessionsWithout(QueryFilter filter, DimensionDefinition dimension, string filterSql, MeasureDefinition measure, FactInfo fact, SemanticLayer layer, SqlDialect dialect, List<QueryParameter> parameters)
    {
        if (fact.Kind != EntityKind.Events || layer.SessionId is not { } session || dimension.OnCustomers
            || measure.Expression(dialect) != $"COUNT(DISTINCT {session(dialect)})" || PerSession(dimension, layer, fact, dialect))
        {
            return null;
        }

        string with = FilterSql(filter with { Negated = false }, dimension, filterSql, dialect, parameters);
        return $"{session(dialect)} NOT IN (SELECT {session(dialect)} FROM {fact.Table} AS {fact.Alias} WHERE {session(dialect)} IS NOT NULL AND {with})";
    }

    private static string FilterSql(QueryFilter filter, DimensionDefinition dimension, string filterSql, SqlDialect dialect, List<QueryParameter> parameters)
    {
        string name = UniqueName(dimension.Name, parameters);
        if (filter.Values.Count == 1)
        {
            parameters.Add(QueryParameter.String(name, filter.Values[0]));
            return filter.Negated
                ? $"({filterSql} IS NULL OR {filterSql} <> {dialect.Parameter(name)})"
                : $"{filterSql} = {dialect.Parameter(name)}";
        }

        parameters.Add(QueryParameter.StringArray(name, filter.Values));
        return filter.Negated ? $"({filterSql} IS NULL OR NOT ({dialect.InStringList(filterSql, name)}))" : dialect.InStringList(filterSql, name);
    }

    private static string ComparisonSql(string expression, NumericComparison comparison, string name, SqlDialect dialect, List<QueryParameter> parameters)
    {
        name = UniqueName(name, parameters);
        parameters.Add(QueryParameter.Float64(name, comparison.Value));
        string value = dialect.Parameter(name);
        switch (comparison.Operator)
        {
            case ComparisonOperator.Greater: return $"{expression} > {value}";
            case ComparisonOperator.GreaterOrEqual: return $"{expression} >= {value}";
            case ComparisonOperator.Less: return $"{expression} < {value}";
            case ComparisonOperator.LessOrEqual: return $"{expression} <= {value}";
            default:
                string upper = UniqueName(name + "_upper", parameters);
                parameters.Add(QueryParameter.Float64(upper, comparison.Upper ?? comparison.Value));
                return $"{expression} BETWEEN {value} AND {dialect.Parameter(upper)}";
        }
    }

    // customer id [NOT] IN (SELECT customer id FROM fact WHERE filters AND time GROUP BY 1 HAVING measure op value)
    private static string? ConditionSql(
        CustomerCondition condition,
        int index,
        SemanticLayer layer,
        string outerCustomerId,
        SqlDialect dialect,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        List<QueryParameter> parameters,
        out string? reason)
    {
        reason = null;
        if (layer.Fact(condition.Measure.Fact) is not { } fact)
        {
            reason = $"{condition.Measure.Label} {layer.Profile.MissingEntityMessage(condition.Measure.Fact)}";
            return null;
        }

        if (condition.AllTime)
        {
            // "... but have never bought anything from <category>": no range on this condition.
            range = null;
        }

        if (condition.Time is not null)
        {
            // Its own range ("haven't bought anything in the last 30 days" beside "abandoned a cart in the last 7 days").
            if (condition.Range is not { } conditionRange || fact.Time is null)
            {
                reason = $"the time range {condition.Time.Phrase} of {condition.Measure.Label} could not be resolved";
                return null;
            }

            range = conditionRange;
        }

        List<string> where = [];
        bool needsCustomers = condition.Measure.NeedsCustomers;
        if (!WhereOf(condition.Filters, condition.Measure, fact, layer, dialect, where, parameters, ref needsCustomers, out reason))
        {
            return null;
        }

        if (condition.RowComparison is { } row)
        {
            if (layer.RowColumn(fact.Kind, row) is not { } valueColumn)
            {
                reason = $"{fact.ShortName} have no mapped {(row.Items ? "item count" : "value")}, so \"{row.Phrase}\" cannot be compared";
                return null;
            }

            where.Add(RowValueSql(layer, fact, valueColumn(dialect), row, $"condition_{index}_row_value", dialect, parameters));
        }

        if (condition.Time is not null && range is { } ownWindow && fact.Time is { } ownTime)
        {
            // Its own range takes parameters of its own.
            parameters.Add(QueryParameter.Timestamp($"condition_{index}_time_start", ownWindow.Start));
            parameters.Add(QueryParameter.Timestamp($"condition_{index}_time_end", ownWindow.End));
            where.Add($"{ownTime(dialect)} >= {dialect.Parameter($"condition_{index}_time_start")}");
            where.Add($"{ownTime(dialect)} < {dialect.Parameter($"condition_{index}_time_end")}");
        }
        else if (range is { } window && fact.Time is { } time && !fact.IsCustomerGrain)
        {
            // Not on a customer's attribute or score ("revenue last month from customers with a CLV score over 0.7"): the
            // range is the measure's rows', never when the customers joined (stop 37; it read created_at in the range).
            string start = UniqueName("time_start", parameters);
            if (start == "time_start")
            {
                parameters.Add(QueryParameter.Timestamp("time_start", window.Start));
                parameters.Add(QueryParameter.Timestamp("time_end", window.End));
            }

            where.Add($"{time(dialect)} >= {dialect.Parameter("time_start")}");
            where.Add($"{time(dialect)} < {dialect.Parameter("time_end")}");
        }

        NumericComparison? having = condition.Comparison;
        bool negated = condition.Negated;

        // On a table with one row per customer (id_unique), a customer's average of a column is the column on their row:
        // it is compared on the row, with no grouping ("customers with churn probability over 0.7"). When that table is
        // the customers table the outer query reads, the condition is on the outer row itself.
        if (having is { } own && condition.Measure.RowValue is { } rowValue && !needsCustomers && layer.OneRowPerCustomer(fact.Kind))
        {
            where.Add(ComparisonSql(rowValue(dialect), own, $"condition_{index}_value", dialect, parameters));
            if (fact.Kind == EntityKind.Customers && fact.CustomerId(dialect) == outerCustomerId)
            {
                string onRow = string.Join(" AND ", where);
                return negated ? $"NOT COALESCE(({onRow}), FALSE)" : $"({onRow})";
            }

            having = null;
        }

        // "Fewer than 2 orders", "spent less than $100": customers with no rows at all count too, so an upper bound on a
        // sum or count is read as "not at or above it"; unless the condition requires rows ("shoppers who spent less than
        // $200 last month": those who bought in the range), when the HAVING groups are the answer.
        if (having is { Operator: ComparisonOperator.Less or ComparisonOperator.LessOrEqual } && condition.Measure.Additive && !fact.IsCustomerGrain && !condition.RowsRequired)
        {
            having = having with { Operator = having.Operator == ComparisonOperator.Less ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater };
            negated = !negated;
        }

        // A measure of some rows only (a campaign arm's): when 0 fails the comparison, a customer passes only with such
        // rows, so the rows' predicate filters and the plain aggregate compares ("in the control group of 3 or more
        // campaigns" on 5,080,694 sends: the arm read once per row, not in a CASE inside a distinct count per customer).
        string measureSql = condition.Measure.Expression(dialect);
        if (having is { } counted && condition.Measure.Counted is { } rows && !ZeroPasses(counted))
        {
            where.Add(rows.Where(dialect));
            measureSql = rows.Aggregate(dialect);
            if (counted.Operator is ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual && counted.Value <= 1
                && (counted.Operator == ComparisonOperator.GreaterOrEqual || counted.Value < 1))
            {
                // "At least one such row" (a count of 1 or more): every customer listed passes (DISTINCT below); a distinct
                // count is 1 or more with one row whose value is not null.
                if (measureSql.StartsWith("COUNT(DISTINCT ", StringComparison.Ordinal) && measureSql.EndsWith(')') && Balanced(measureSql.AsSpan(15, measureSql.Length - 16)))
                {
                    where.Add($"{measureSql[15..^1]} IS NOT NULL");
                    having = null;
                }
                else if (measureSql == "COUNT(*)")
                {
                    having = null;
                }
            }
        }

        // Without a HAVING the subquery lists each customer once (DISTINCT): the semi-join then builds its hash table on
        // the customers, not on every row (a NOT IN over 5,000,000 orders: 579 -> 220 ms on 1,000,000 customers).
        StringBuilder sql = new();
        sql.Append(outerCustomerId).Append(negated ? " NOT IN (" : " IN (");
        sql.Append(having is null ? "SELECT DISTINCT " : "SELECT ").Append(fact.CustomerId(dialect)).Append(" FROM ").Append(fact.Table).Append(" AS ").Append(fact.Alias);
        if (needsCustomers && fact.Kind != EntityKind.Customers)
        {
            FactInfo customers = layer.Fact(EntityKind.Customers)!;
            sql.Append(" JOIN ").Append(customers.Table).Append(" AS c ON ").Append(customers.CustomerId(dialect)).Append(" = ").Append(fact.CustomerId(dialect));
        }

        where.Add($"{fact.CustomerId(dialect)} IS NOT NULL");
        sql.Append(" WHERE ").AppendJoin(" AND ", where);
        if (having is { } comparison)
        {
            sql.Append(" GROUP BY ").Append(fact.CustomerId(dialect)).Append(" HAVING ")
                .Append(ComparisonSql(measureSql, comparison, $"condition_{index}_value", dialect, parameters));
        }

        return sql.Append(')').ToString();
    }

    // "Of customers who have ordered, what % ordered more than once": a customer with any row that passes the same WHERE
    // ("IN (SELECT DISTINCT id FROM f WHERE w)") is implied by a grouped condition on the same rows ("IN (SELECT id FROM
    // f WHERE w GROUP BY id HAVING ...)": a group has a row), so it is left out (a second semi-join over every order; 806
    // ms on 1,000,000 customers). So is one implied by a condition on fewer rows of the same table: "customers with any
    // events in the last 30 days" beside "who viewed a product in the last 30 days" (the same WHERE and one more filter:
    // every customer with such a row has a row of the wider WHERE), a distinct over every event in the range (10,783,493
    // rows on 1,000,000 customers) that changes no answer. Only the conditions from first on, compared as written: the
    // narrower WHERE must hold every conjunct of the wider one, the same text (so the same parameters).
    private static void DropImpliedConditions(List<string> where, int first)
    {
        for (int i = where.Count - 1; i >= first; i--)
        {
            string any = where[i];
            int open = any.IndexOf(" IN (SELECT DISTINCT ", StringComparison.Ordinal);
            if (open < 0 || any.Contains(" NOT IN (", StringComparison.Ordinal) || !any.EndsWith(')'))
            {
                continue;
            }

            // "lhs IN (SELECT DISTINCT head WHERE w)": head is the id and the FROM, w the subquery's filters.
            string body = any[(open + 21)..^1];
            int whereAt = TopLevelIndexOf(body, " WHERE ");
            if (whereAt < 0 || Conjuncts(body[(whereAt + 7)..]) is not { } wide)
            {
                continue;
            }

            string lhs = any[..open];
            string head = body[..(whereAt + 7)];
            string distinct = string.Concat(lhs, " IN (SELECT DISTINCT ", head);
            string grouped = string.Concat(lhs, " IN (SELECT ", head);
            for (int j = first; j < where.Count; j++)
            {
                if (j != i && NarrowerWhere(where[j], distinct, grouped) is { } narrow && Conjuncts(narrow) is { } narrower && wide.IsSubsetOf(narrower))
                {
                    where.RemoveAt(i);
                    break;
                }
            }
        }
    }

    // The WHERE of a condition "lhs IN (SELECT DISTINCT head w)" or "lhs IN (SELECT head w GROUP BY ...)" on the same
    // head (id and FROM), or null.
    private static string? NarrowerWhere(string condition, string distinct, string grouped)
    {
        if (!condition.EndsWith(')'))
        {
            return null;
        }

        if (condition.StartsWith(distinct, StringComparison.Ordinal))
        {
            return condition[distinct.Length..^1];
        }

        if (condition.StartsWith(grouped, StringComparison.Ordinal))
        {
            string rest = condition[grouped.Length..^1];
            int group = TopLevelIndexOf(rest, " GROUP BY ");
            return group < 0 ? null : rest[..group];
        }

        return null;
    }

    // The conjuncts of a WHERE written by the compiler, split at each " AND " outside parentheses ("x BETWEEN a AND b"
    // kept whole); null when it holds a quote (a literal could hold anything), a CASE or an OR outside parentheses.
    private static HashSet<string>? Conjuncts(string where)
    {
        if (!Balanced(where) || where.Contains("CASE", StringComparison.Ordinal))
        {
            return null;
        }

        HashSet<string> parts = new(StringComparer.Ordinal);
        int depth = 0;
        int from = 0;
        bool between = false;
        for (int k = 0; k < where.Length; k++)
        {
            char c = where[k];
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth != 0)
            {
                continue;
            }

            if (string.CompareOrdinal(where, k, " OR ", 0, 4) == 0)
            {
                return null;
            }

            if (string.CompareOrdinal(where, k, " BETWEEN ", 0, 9) == 0)
            {
                between = true;
            }
            else if (string.CompareOrdinal(where, k, " AND ", 0, 5) == 0)
            {
                if (between)
                {
                    between = false;
                    continue;
                }

                parts.Add(where[from..k]);
                from = k + 5;
            }
        }

        parts.Add(where[from..]);
        return parts;
    }

    // The first index of a keyword outside parentheses, or -1.
    private static int TopLevelIndexOf(string text, string keyword)
    {
        int depth = 0;
        for (int k = 0; k < text.Length; k++)
        {
            depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
            if (depth == 0 && string.CompareOrdinal(text, k, keyword, 0, keyword.Length) == 0)
            {
                return k;
            }
        }

        return -1;
    }

    // Whether a customer's value of 0 passes a comparison.
    private static bool ZeroPasses(NumericComparison comparison) => comparison.Operator switch
    {
        ComparisonOperator.Greater => comparison.Value < 0,
        ComparisonOperator.GreaterOrEqual => comparison.Value <= 0,
        ComparisonOperator.Less => comparison.Value > 0,
        ComparisonOperator.LessOrEqual => comparison.Value >= 0,
        _ => comparison.Value <= 0 && (comparison.Upper ?? comparison.Value) >= 0,
    };

    private const string RowFilterMark = "\u0001rows\u0001";
    private const string MeasureNameMark = "\u0001name\u0001";

    // "How many orders over $100", "revenue from orders over $1,000" without a breakdown: one pass grouped by the order
    // id, where the IN form reads the table twice and counts distinct ids. An order passes when the total of all its
    // rows passes and at least one of its rows passes the question's filters (RowFilterMark); the measure is then
    // re-aggregated over the passing orders: a distinct count of order ids is the number of orders, a row count and a
    // sum add their per-order parts over the rows that pass the filters. Null for any other measure (the IN form).
    // Without filters (filtered false) every row of a passing order counts and the marks are left out.
    private static string? GroupedRowValueSql(string measureSql, FactInfo fact, string idSql, string value, NumericComparison comparison, bool filtered, SqlDialect dialect, List<QueryParameter> parameters)
    {
        string outer;
        string? part;
        if (measureSql == $"COUNT(DISTINCT {idSql})")
        {
            outer = "COUNT(*)";
            part = null;
        }
        else if (measureSql == "COUNT(*)")
        {
            outer = "CAST(COALESCE(SUM(order_part), 0) AS BIGINT)";
            part = filtered ? $"COUNT(CASE WHEN {RowFilterMark} THEN 1 END)" : "COUNT(*)";
        }
        else if (measureSql.StartsWith("SUM(", StringComparison.Ordinal) && measureSql.EndsWith(')') && Balanced(measureSql.AsSpan(4, measureSql.Length - 5)))
        {
            outer = "SUM(order_part)";
            part = filtered ? $"SUM(CASE WHEN {RowFilterMark} THEN {measureSql[4..^1]} END)" : measureSql;
        }
        else
        {
            return null;
        }

        string having = ComparisonSql($"SUM({value})", comparison, "row_value", dialect, parameters);
        string anyRow = filtered ? $" AND MAX(CASE WHEN {RowFilterMark} THEN 1 ELSE 0 END) = 1" : "";
        return $"{outer} AS {MeasureNameMark}\nFROM (SELECT {idSql}{(part is null ? "" : $", {part} AS order_part")}" +
            $"\nFROM {fact.Table} AS {fact.Alias}\nWHERE {idSql} IS NOT NULL\nGROUP BY {idSql}\nHAVING {having}{anyRow}) AS passing";
    }

    // Whether parentheses balance in an expression with no quotes (so "SUM(a) / SUM(b)" is not one sum).
    private static bool Balanced(ReadOnlySpan<char> expression)
    {
        int depth = 0;
        foreach (char c in expression)
        {
            if (c is '\'' or '"')
            {
                return false;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    // The value of each row, or of each order when rows are order lines sharing an order id ("orders over $500" sums the lines).
    private static string RowValueSql(SemanticLayer layer, FactInfo fact, string value, NumericComparison comparison, string name, SqlDialect dialect, List<QueryParameter> parameters)
    {
        if (layer.IdColumn(fact.Kind) is not { } id)
        {
            return ComparisonSql(value, comparison, name, dialect, parameters);
        }

        string idSql = id(dialect);
        return $"{idSql} IN (SELECT {idSql} FROM {fact.Table} AS {fact.Alias} GROUP BY {idSql} HAVING {ComparisonSql($"SUM({value})", comparison, name, dialect, parameters)})";
    }

    private static string UniqueName(string name, List<QueryParameter> parameters)
    {
        string unique = name;
        for (int i = 2; parameters.Exists(p => p.Name == unique); i++)
        {
            unique = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}_{i}");
        }

        return unique;
    }

    private static void AddIfUsed(string sql, SqlDialect dialect, List<QueryParameter> parameters, string name, double value)
    {
        if (sql.Contains(dialect.Parameter(name), StringComparison.Ordinal))
        {
            parameters.Add(QueryParameter.Float64(name, value));
        }
    }
}
