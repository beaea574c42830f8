using System.Text;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>A compiled question: the statement and the names of its result columns.</summary>
internal sealed record CompiledQuery(SqlStatement Statement, string MeasureColumn, string? DimensionColumn, IReadOnlyList<string> Warnings);

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
            string name = filtered.Name;
            if (filter.Values.Count == 1)
            {
                parameters.Add(QueryParameter.String(name, filter.Values[0]));
                where.Add($"{filterSql} = {dialect.Parameter(name)}");
            }
            else
            {
                parameters.Add(QueryParameter.StringArray(name, filter.Values));
                where.Add(dialect.InStringList(filterSql, name));
            }
        }

        if (range is { } window)
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
            sql.Append("\nGROUP BY 1\nORDER BY ");
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

    private static void AddIfUsed(string sql, SqlDialect dialect, List<QueryParameter> parameters, string name, double value)
    {
        if (sql.Contains(dialect.Parameter(name), StringComparison.Ordinal))
        {
            parameters.Add(QueryParameter.Float64(name, value));
        }
    }
}
