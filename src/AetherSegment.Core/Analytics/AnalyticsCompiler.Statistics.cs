using System.Text;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>Statistics over values: each customer's total of a measure, or each row's own value.</content>
internal static partial class AnalyticsCompiler
{
    private const string StatisticKey = "customer_id";

    // "median order value": the measure's query with its aggregate over each row's value. "the median total spend of
    // <city> customers who have bought something": each customer's total (the rows' filters and time range inside) joined
    // to the customers the customer filters and conditions pick, those without rows counted as zero unless only the
    // customers with rows are asked about.
    private static CompiledQuery? CompileStatistic(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason)
    {
        MeasureStatistic statistic = query.Statistic!;
        if (statistic.Row is { } row)
        {
            if (dialect.Median(row.Sql(dialect)) is null)
            {
                reason = $"{dialect.Description} has no exact median, so {query.Measure.Label} cannot be computed";
                return null;
            }

            MeasureDefinition median = query.Measure with { Expression = d => d.Median(row.Sql(d))! };
            return Compile(query with { Statistic = null, Measure = median }, layer, dialect, thresholds, range, null, maxRows, plain: false, out reason);
        }

        reason = null;
        if (statistic.Of.Missing is not null || layer.Fact(statistic.Of.Fact) is not { IsCustomerGrain: false } fact || layer.Fact(EntityKind.Customers) is not { } customers)
        {
            reason = $"{statistic.Of.Label} {statistic.Of.Missing ?? layer.Profile.MissingEntityMessage(statistic.Of.Fact)}";
            return null;
        }

        string value = $"COALESCE(p.{statistic.Of.Name}, 0)";
        string? aggregate = statistic.Kind switch
        {
            StatisticKind.Median => dialect.Median(value),
            StatisticKind.Maximum => $"MAX({value})",
            StatisticKind.Minimum => $"MIN({value})",
            _ => $"AVG({value})",
        };
        if (aggregate is null)
        {
            reason = $"{dialect.Description} has no exact median, so {query.Measure.Label} cannot be computed";
            return null;
        }

        List<QueryFilter> onCustomers = [.. query.Filters.Where(f => layer.Dimension(f.Dimension)?.OnCustomers == true)];
        List<QueryFilter> onRows = [.. query.Filters.Where(f => !onCustomers.Contains(f))];
        DimensionDefinition rowsCustomer = new(StatisticKey, StatisticKey, "customer", "customers", DimensionRole.Custom, false, [new(fact.Kind, fact.CustomerId)], []);
        DimensionDefinition customer = new(StatisticKey, StatisticKey, "customer", "customers", DimensionRole.Custom, false, [new(EntityKind.Customers, customers.CustomerId)], []);
        AnalyticsQuery plainQuery = query with { Statistic = null, Limit = null, Sort = AnalyticsSort.Default, Unordered = true, Having = null };
        CompiledQuery? totals = Compile(plainQuery with { Measure = statistic.Of, Dimension = rowsCustomer, Filters = onRows, Conditions = [] }, layer, dialect, thresholds, range, null, maxRows, plain: true, out reason);
        CompiledQuery? picked = totals is null ? null : Compile(plainQuery with { Measure = layer.CustomerCount, Dimension = customer, Filters = onCustomers, Time = null }, layer, dialect, thresholds, null, null, maxRows, plain: true, out reason);
        if (totals is null || picked is null)
        {
            return null;
        }

        List<QueryParameter> parameters = [.. picked.Statement.Parameters];
        foreach (QueryParameter parameter in totals.Statement.Parameters)
        {
            if (parameters.Exists(p => p.Name == parameter.Name))
            {
                reason = "the statistic's two parts name the same parameter";
                return null;
            }

            parameters.Add(parameter);
        }

        string pickedSql = PickedRows(picked.Statement.Sql, customers, layer, dialect);
        string name = query.Measure.Name;
        string join = (statistic.WithRowsOnly ? "JOIN" : "LEFT JOIN") + $" ({totals.Statement.Sql}) AS p ON p.{StatisticKey} = b.{StatisticKey}";
        List<string> warnings = [.. totals.Warnings, .. picked.Warnings.Where(w => !totals.Warnings.Contains(w))];
        if (query.Dimension is { } dimension)
        {
            return StatisticByGroup(query, dimension, aggregate, pickedSql, join, customers, layer, dialect, thresholds, parameters, maxRows, warnings, out reason);
        }

        string sql = $"SELECT {aggregate} AS {name}\nFROM ({pickedSql}) AS b\n" + join;
        return new CompiledQuery(new SqlStatement(sql, parameters), name, null, warnings);
    }

    // The customers a statistic reads, one row each: on a customers table holding each id once (id_unique) with only
    // WHERE lines, the rows themselves, not grouped by the id (the grouping of 1,000,000 customers was a third of
    // "average lifetime spend per purchasing customer"); any join or other shape keeps the grouped query.
    private static string PickedRows(string sql, FactInfo customers, SemanticLayer layer, SqlDialect dialect)
    {
        string head = $"SELECT {customers.CustomerId(dialect)} AS {StatisticKey}, COUNT(*) AS {layer.CustomerCount.Name}\nFROM {customers.Table} AS {customers.Alias}\n";
        const string Tail = "\nGROUP BY 1";
        if (!layer.CustomersUnique || !sql.StartsWith(head, StringComparison.Ordinal) || !sql.EndsWith(Tail, StringComparison.Ordinal))
        {
            return sql;
        }

        string where = sql[head.Length..^Tail.Length];
        foreach (string line in where.Split('\n'))
        {
            if (!line.StartsWith("WHERE ", StringComparison.Ordinal) && !line.StartsWith("  AND ", StringComparison.Ordinal))
            {
                return sql;
            }
        }

        return $"SELECT {customers.CustomerId(dialect)} AS {StatisticKey}\nFROM {customers.Table} AS {customers.Alias}\n{where}";
    }

    // "average total spend per buying customer by country": the customers picked, each joined to their row of the customers
    // table for the breakdown's value, grouped by it; ordered (and cut to a top N with ties) as any breakdown.
    private static CompiledQuery? StatisticByGroup(
        AnalyticsQuery query,
        DimensionDefinition dimension,
        string aggregate,
        string pickedSql,
        string join,
        FactInfo customers,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        List<QueryParameter> parameters,
        int maxRows,
        List<string> warnings,
        out string? reason)
    {
        if (!dimension.OnCustomers || dimension.IsTime || layer.DimensionExpression(dimension, customers, dialect, out reason) is not { } group)
        {
            reason = $"{query.Measure.Label} is split only by an attribute of the {customers.ShortName}, not by {dimension.Label}";
            return null;
        }

        string name = query.Measure.Name;
        StringBuilder sql = new($"SELECT {group} AS {dimension.Name}, {aggregate} AS {name}\nFROM ({pickedSql}) AS b\n");
        sql.Append("JOIN ").Append(customers.Table).Append(" AS ").Append(customers.Alias).Append(" ON ").Append(customers.CustomerId(dialect)).Append($" = b.{StatisticKey}\n");
        sql.Append(join).Append("\nGROUP BY 1");
        AppendOrder(sql, query, aggregate, name, dimension.Name, dialect, parameters, maxRows);
        string text = sql.ToString();
        foreach ((string threshold, double value) in (ReadOnlySpan<(string, double)>)[
            (SemanticLayer.HighValueThreshold, thresholds.HighValueThreshold ?? 0.7),
            (SemanticLayer.LowValueThreshold, thresholds.LowValueThreshold ?? 0.4),
            (SemanticLayer.ChurnThreshold, thresholds.ChurnRiskThreshold ?? 0.6)])
        {
            if (!parameters.Exists(p => p.Name == threshold))
            {
                AddIfUsed(text, dialect, parameters, threshold, value);
            }
        }

        return new CompiledQuery(new SqlStatement(text, parameters), name, dimension.Name, warnings);
    }
}
