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

        string name = query.Measure.Name;
        string sql = $"SELECT {aggregate} AS {name}\nFROM ({picked.Statement.Sql}) AS b\n"
            + (statistic.WithRowsOnly ? "JOIN" : "LEFT JOIN") + $" ({totals.Statement.Sql}) AS p ON p.{StatisticKey} = b.{StatisticKey}";
        return new CompiledQuery(new SqlStatement(sql, parameters), name, null, [.. totals.Warnings, .. picked.Warnings.Where(w => !totals.Warnings.Contains(w))]);
    }
}
