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
}

/// <summary>
/// Compiles an <see cref="AnalyticsQuery"/> to parameterized SQL in a dialect. Identifiers come only from the semantic
/// layer (which takes them from the profile's mapping); every value is a parameter; time ranges are TIMESTAMP parameters.
/// </summary>
internal static class AnalyticsCompiler
{
    public static CompiledQuery? Compile(
        AnalyticsQuery query,
        SemanticLayer layer,
        SqlDialect dialect,
        AetherSegmentOptions thresholds,
        (DateTimeOffset Start, DateTimeOffset End)? range,
        int maxRows,
        out string? reason)
    {
        if (query.Share)
        {
            return CompileShare(query, layer, dialect, thresholds, range, maxRows, out reason);
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

        foreach (QueryFilter filter in query.Filters)
        {
            DimensionDefinition filtered = layer.Dimension(filter.Dimension)!;
            string? filterSql = layer.DimensionExpression(filtered, fact, dialect, out reason);
            if (filterSql is null)
            {
                reason = $"{reason}, so {query.Measure.Label} cannot be filtered to {filter.Phrase}";
                return null;
            }

            needsCustomers |= filtered.OnCustomers;
            where.Add(FilterSql(filter, filtered, filterSql, dialect, parameters));
        }

        if (query.RowComparison is { } row)
        {
            if (layer.ValueColumn(fact.Kind) is not { } valueColumn)
            {
                reason = $"{fact.ShortName} have no mapped value, so \"{row.Phrase}\" cannot be compared";
                return null;
            }

            where.Add(RowValueSql(layer, fact, valueColumn(dialect), row, "row_value", dialect, parameters));
        }

        for (int i = 0; i < query.Conditions.Count; i++)
        {
            string? condition = ConditionSql(query.Conditions[i], i, layer, fact.CustomerId(dialect), dialect, range, parameters, out reason);
            if (condition is null)
            {
                return null;
            }

            where.Add(condition);
        }

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
        string measureName = query.Measure.Name;
        StringBuilder sql = new("SELECT ");
        if (dimensionSql is not null)
        {
            sql.Append(dimensionSql).Append(" AS ").Append(query.Dimension!.Name).Append(", ");
        }

        sql.Append(measureSql).Append(" AS ").Append(measureName);
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

        if (dimensionSql is not null)
        {
            string dimensionName = query.Dimension!.Name;
            sql.Append("\nGROUP BY 1");
            if (query.Having is { } having)
            {
                sql.Append("\nHAVING ").Append(ComparisonSql(measureSql, having, "having_value", dialect, parameters));
            }

            sql.Append("\nORDER BY ");
            AnalyticsSort sort = query.Sort == AnalyticsSort.Default
                ? (query.Dimension.IsTime ? AnalyticsSort.DimensionAscending : AnalyticsSort.MeasureDescending)
                : query.Sort;
            sql.Append(sort switch
            {
                AnalyticsSort.DimensionAscending => $"{dimensionName} ASC",
                AnalyticsSort.MeasureAscending => $"{measureName} ASC, {dimensionName} ASC",
                _ => $"{measureName} DESC, {dimensionName} ASC",
            });
            sql.Append("\nLIMIT ").Append(dialect.Parameter("row_limit"));
            parameters.Add(QueryParameter.Int64("row_limit", Math.Min(query.Limit ?? maxRows, maxRows)));
        }

        string text = sql.ToString();
        AddIfUsed(text, dialect, parameters, SemanticLayer.HighValueThreshold, thresholds.HighValueThreshold ?? 0.7);
        AddIfUsed(text, dialect, parameters, SemanticLayer.LowValueThreshold, thresholds.LowValueThreshold ?? 0.4);
        AddIfUsed(text, dialect, parameters, SemanticLayer.ChurnThreshold, thresholds.ChurnRiskThreshold ?? 0.6);
        if (text.Contains(dialect.Parameter(SemanticLayer.TreatmentGroup), StringComparison.Ordinal) && layer.Profile.Entities.CampaignSends is { } sends)
        {
            parameters.Add(QueryParameter.String(SemanticLayer.TreatmentGroup, sends.TreatmentValue!));
            parameters.Add(QueryParameter.String(SemanticLayer.ControlGroup, sends.ControlValue!));
        }

        return new CompiledQuery(new SqlStatement(text, parameters), measureName, query.Dimension?.Name, warnings);
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
        if (query.Dimension is not null)
        {
            CompiledQuery? grouped = Compile(query with { Share = false }, layer, dialect, thresholds, range, maxRows, out reason);
            if (grouped is null)
            {
                return null;
            }

            string measureSql = query.Measure.Expression(dialect);
            string text = grouped.Statement.Sql.Replace(
                $" AS {measureName}\nFROM ",
                $" AS {measureName}, {measureSql} / NULLIF(SUM({measureSql}) OVER (), 0) AS {shareName}\nFROM ",
                StringComparison.Ordinal);
            return new CompiledQuery(new SqlStatement(text, grouped.Statement.Parameters), shareName, grouped.DimensionColumn, grouped.Warnings) { PartFormat = query.Measure.Format };
        }

        CompiledQuery? part = Compile(query with { Share = false }, layer, dialect, thresholds, range, maxRows, out reason);
        CompiledQuery? whole = part is null ? null : Compile(query with { Share = false, Filters = [], Conditions = [], RowComparison = null, TimeOnConditions = false }, layer, dialect, thresholds, query.TimeOnConditions ? null : range, maxRows, out reason);
        if (part is null || whole is null)
        {
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
        string sql = $"SELECT part.{measureName} / NULLIF(whole.{measureName}, 0) AS {shareName}, part.{measureName} AS {measureName}, whole.{measureName} AS {total}\n" +
            $"FROM ({part.Statement.Sql}) AS part\nCROSS JOIN ({whole.Statement.Sql}) AS whole";
        return new CompiledQuery(new SqlStatement(sql, parameters), shareName, null, [.. part.Warnings, .. whole.Warnings.Where(w => !part.Warnings.Contains(w))]) { PartFormat = query.Measure.Format };
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

        List<string> where = [];
        bool needsCustomers = condition.Measure.NeedsCustomers;
        foreach (QueryFilter filter in condition.Filters)
        {
            DimensionDefinition dimension = layer.Dimension(filter.Dimension)!;
            string? filterSql = layer.DimensionExpression(dimension, fact, dialect, out reason);
            if (filterSql is null)
            {
                reason = $"{reason}, so {condition.Measure.Label} cannot be filtered to {filter.Phrase}";
                return null;
            }

            needsCustomers |= dimension.OnCustomers;
            where.Add(FilterSql(filter, dimension, filterSql, dialect, parameters));
        }

        if (condition.RowComparison is { } row)
        {
            if (layer.ValueColumn(fact.Kind) is not { } valueColumn)
            {
                reason = $"{fact.ShortName} have no mapped value, so \"{row.Phrase}\" cannot be compared";
                return null;
            }

            where.Add(RowValueSql(layer, fact, valueColumn(dialect), row, $"condition_{index}_row_value", dialect, parameters));
        }

        if (range is { } window && fact.Time is { } time)
        {
            string start = UniqueName("time_start", parameters);
            if (start == "time_start")
            {
                parameters.Add(QueryParameter.Timestamp("time_start", window.Start));
                parameters.Add(QueryParameter.Timestamp("time_end", window.End));
            }

            where.Add($"{time(dialect)} >= {dialect.Parameter("time_start")}");
            where.Add($"{time(dialect)} < {dialect.Parameter("time_end")}");
        }

        // "Fewer than 2 orders", "spent less than $100": customers with no rows at all count too, so an upper bound on a
        // sum or count is read as "not at or above it".
        NumericComparison? having = condition.Comparison;
        bool negated = condition.Negated;
        if (having is { Operator: ComparisonOperator.Less or ComparisonOperator.LessOrEqual } && condition.Measure.Additive && !fact.IsCustomerGrain)
        {
            having = having with { Operator = having.Operator == ComparisonOperator.Less ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater };
            negated = !negated;
        }

        StringBuilder sql = new();
        sql.Append(outerCustomerId).Append(negated ? " NOT IN (" : " IN (");
        sql.Append("SELECT ").Append(fact.CustomerId(dialect)).Append(" FROM ").Append(fact.Table).Append(" AS ").Append(fact.Alias);
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
                .Append(ComparisonSql(condition.Measure.Expression(dialect), comparison, $"condition_{index}_value", dialect, parameters));
        }

        return sql.Append(')').ToString();
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
