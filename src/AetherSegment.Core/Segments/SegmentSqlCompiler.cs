using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.Segments;

/// <summary>
/// Compiles a <see cref="SegmentDefinition"/> to parameterized SQL in one dialect. Identifiers come from
/// <see cref="DataSchema"/> only; every value (names, thresholds, window starts) is a named parameter; time windows
/// are TIMESTAMP parameters computed here from the definition's as-of time.
/// </summary>
/// <remarks>One instance compiles one statement (it numbers its parameters); not thread-safe.</remarks>
internal sealed class SegmentSqlCompiler
{
    /// <summary>The member columns every member statement selects, in order (the snapshot's columns).</summary>
    internal static readonly string[] MemberColumns = ["customer_id", "first_name", "last_name", "email", "country", "city", "clv_score"];

    private const string AsOfParameter = "as_of";
    private readonly SqlDialect _dialect;
    private readonly SegmentDefinition _definition;
    private readonly List<QueryParameter> _parameters = [];
    private bool _asOfAdded;
    private bool _usesScores;

    private SegmentSqlCompiler(SegmentDefinition definition, SqlDialect dialect)
    {
        _definition = definition;
        _dialect = dialect;
    }

    /// <summary>The statement selecting one row per member with <see cref="MemberColumns"/>.</summary>
    public static SqlStatement Members(SegmentDefinition definition, SqlDialect dialect)
    {
        SegmentSqlCompiler compiler = new(definition, dialect);
        string where = compiler.WhereClause();
        StringBuilder sql = new("SELECT ");
        sql.AppendJoin(", ", MemberColumns.Select(c => "c." + Col(DataSchema.Customers, c)));
        sql.Append('\n').Append(compiler.FromClause()).Append("\nWHERE ").Append(where);
        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    /// <summary>The few highest-value members for sample profiles, with <see cref="MemberColumns"/>.</summary>
    public static SqlStatement Sample(SegmentDefinition definition, SqlDialect dialect, int limit)
    {
        SqlStatement members = Members(definition, dialect);
        return new SqlStatement(
            members.Sql + "\nORDER BY c.clv_score DESC, c.customer_id\nLIMIT " + dialect.Parameter("sample_limit"),
            [.. members.Parameters, QueryParameter.Int64("sample_limit", limit)]);
    }

    /// <summary>
    /// One statement for the whole preview: per (country, city, value tier) group the customer count, the size and the
    /// CLV sum after each filter in order (the attrition waterfall), and the members' cart value sum and count.
    /// Columns: country, city, value_tier, total, then size_1..size_n and clv_1..clv_n, then cart_sum, cart_count.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="highValue">The high value tier threshold.</param>
    /// <param name="lowValue">The low value tier threshold.</param>
    public static SqlStatement Preview(SegmentDefinition definition, SqlDialect dialect, double highValue, double lowValue)
    {
        SegmentSqlCompiler compiler = new(definition, dialect);
        string[] flags = new string[definition.Filters.Count];
        for (int i = 0; i < flags.Length; i++)
        {
            flags[i] = compiler.Condition(definition.Filters[i].Condition);
        }

        double? cartWindow = CartWindow(definition);
        bool carts = cartWindow is not null || HasCartFilter(definition);
        compiler._parameters.Add(QueryParameter.Float64("tier_high", highValue));
        compiler._parameters.Add(QueryParameter.Float64("tier_low", lowValue));

        StringBuilder sql = new("WITH flagged AS (\n  SELECT c.country, c.city, c.clv_score,\n");
        sql.Append("    CASE WHEN c.clv_score >= ").Append(dialect.Parameter("tier_high")).Append(" THEN 'high' WHEN c.clv_score >= ")
            .Append(dialect.Parameter("tier_low")).Append(" THEN 'medium' ELSE 'low' END AS value_tier");
        if (carts)
        {
            sql.Append(",\n    cart.cart_value AS cart_value");
        }

        for (int i = 0; i < flags.Length; i++)
        {
            sql.Append(",\n    (").Append(flags[i]).Append(") AS f").Append(i + 1);
        }

        sql.Append('\n').Append(compiler.FromClause());
        if (carts)
        {
            string since = cartWindow is { } days ? compiler.Since(days) : "";
            sql.Append("\n  LEFT JOIN (SELECT a.customer_id, MAX(a.cart_value) AS cart_value FROM ").Append(DataSchema.AbandonedCarts.Name).Append(" AS a");
            if (cartWindow is not null)
            {
                sql.Append(" WHERE a.abandoned_at >= ").Append(since).Append(" AND a.abandoned_at <= ").Append(compiler.AsOf());
            }

            sql.Append(" GROUP BY a.customer_id) AS cart ON cart.customer_id = c.customer_id");
        }

        sql.Append("\n)\nSELECT country, city, value_tier, COUNT(*) AS total, SUM(clv_score) AS clv_0");
        StringBuilder all = new("TRUE");
        for (int i = 0; i < flags.Length; i++)
        {
            all.Append(" AND f").Append(i + 1);
            sql.Append(",\n  ").Append(SqlDialect.CountWhere(all.ToString())).Append(" AS size_").Append(i + 1);
            sql.Append(",\n  ").Append(SqlDialect.SumWhere(all.ToString(), "clv_score")).Append(" AS clv_").Append(i + 1);
        }

        string members = all.ToString();
        if (carts)
        {
            sql.Append(",\n  ").Append(SqlDialect.SumWhere(members + " AND cart_value IS NOT NULL", "cart_value")).Append(" AS cart_sum");
            sql.Append(",\n  ").Append(SqlDialect.CountWhere(members + " AND cart_value IS NOT NULL")).Append(" AS cart_count");
        }

        sql.Append("\nFROM flagged\nGROUP BY country, city, value_tier\nORDER BY country, city, value_tier");
        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    /// <summary>The window of the first abandoned-cart filter, which the preview's average cart value uses.</summary>
    internal static double? CartWindow(SegmentDefinition definition)
    {
        foreach (SegmentFilter filter in definition.Filters)
        {
            if (filter.Condition is BehaviorCondition { Kind: BehaviorKind.AbandonedCart, WithinDays: { } days })
            {
                return days;
            }
        }

        return null;
    }

    /// <summary>Whether any top-level filter is about abandoned carts (so the average cart value matters).</summary>
    internal static bool HasCartFilter(SegmentDefinition definition) =>
        definition.Filters.Any(f => f.Condition is BehaviorCondition { Kind: BehaviorKind.AbandonedCart });

    private string WhereClause()
    {
        if (_definition.Filters.Count == 0)
        {
            return "TRUE";
        }

        StringBuilder where = new();
        for (int i = 0; i < _definition.Filters.Count; i++)
        {
            where.Append(i == 0 ? "(" : "\n  AND (").Append(Condition(_definition.Filters[i].Condition)).Append(')');
        }

        return where.ToString();
    }

    private string FromClause()
    {
        string from = "  FROM " + DataSchema.Customers.Name + " AS c";
        return _usesScores
            ? from + "\n  LEFT JOIN " + DataSchema.CustomerScores.Name + " AS s ON s." + Col(DataSchema.CustomerScores, "customer_id") + " = c.customer_id"
            : from;
    }

    private string Condition(SegmentCondition condition) => condition switch
    {
        AllOfCondition all => all.Conditions.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", all.Conditions.Select(Condition)) + ")",
        AnyOfCondition any => any.Conditions.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", any.Conditions.Select(Condition)) + ")",
        NotCondition not => "NOT (" + Condition(not.Condition) + ")",
        AttributeCondition attribute => Attribute(attribute),
        BehaviorCondition behavior => Behavior(behavior),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown condition."),
    };

    private string Attribute(AttributeCondition condition)
    {
        (string column, string hint) = condition.Attribute switch
        {
            CustomerAttribute.Country => ("c." + Col(DataSchema.Customers, "country"), "countries"),
            CustomerAttribute.City => ("c." + Col(DataSchema.Customers, "city"), "cities"),
            CustomerAttribute.AcquisitionSource => ("c." + Col(DataSchema.Customers, "acquisition_source"), "sources"),
            CustomerAttribute.ClvScore => ("c." + Col(DataSchema.Customers, "clv_score"), "clv"),
            CustomerAttribute.ChurnProbability => (Score("churn_probability"), "churn"),
            CustomerAttribute.DiscountSensitivity => (Score("discount_sensitivity"), "discount"),
            CustomerAttribute.FreeShippingSensitivity => (Score("free_shipping_sensitivity"), "free_shipping"),
            CustomerAttribute.ContentEngagement => (Score("content_engagement"), "engagement"),
            CustomerAttribute.ExclusivitySeeker => (Score("exclusivity_seeker"), "exclusive"),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Attribute, "Unknown attribute."),
        };

        return condition.Operator switch
        {
            ComparisonOperator.In => _dialect.InArray(column, Add(hint, QueryParameterType.StringArray, condition.Values)),
            ComparisonOperator.AtLeast => column + " >= " + _dialect.Parameter(Add(hint + "_min", QueryParameterType.Float64, Required(condition))),
            ComparisonOperator.Below => column + " < " + _dialect.Parameter(Add(hint + "_below", QueryParameterType.Float64, Required(condition))),
            ComparisonOperator.IsTrue => column + " = " + _dialect.Parameter(Add(hint, QueryParameterType.Bool, true)),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown operator."),
        };
    }

    private string Behavior(BehaviorCondition condition)
    {
        StringBuilder sql = new();
        switch (condition.Kind)
        {
            case BehaviorKind.Acquired:
                return "(c." + Col(DataSchema.Customers, "created_at") + " >= " + Since(Window(condition)) + " AND c.created_at <= " + AsOf() + ")";

            case BehaviorKind.AbandonedCart:
                sql.Append("EXISTS (SELECT 1 FROM ").Append(DataSchema.AbandonedCarts.Name).Append(" AS a WHERE a.")
                    .Append(Col(DataSchema.AbandonedCarts, "customer_id")).Append(" = c.customer_id");
                AppendWindow(sql, "a." + Col(DataSchema.AbandonedCarts, "abandoned_at"), condition.WithinDays);
                if (condition.MinValue is { } min)
                {
                    sql.Append(" AND a.").Append(Col(DataSchema.AbandonedCarts, "cart_value")).Append(" >= ")
                        .Append(_dialect.Parameter(Add("cart_min", QueryParameterType.Float64, min)));
                }

                return sql.Append(')').ToString();

            case BehaviorKind.Purchased:
            case BehaviorKind.NoPurchase:
                sql.Append(condition.Kind == BehaviorKind.NoPurchase ? "NOT EXISTS" : "EXISTS").Append(" (SELECT 1 FROM ")
                    .Append(DataSchema.Transactions.Name).Append(" AS t WHERE t.").Append(Col(DataSchema.Transactions, "customer_id")).Append(" = c.customer_id");
                AppendWindow(sql, "t." + Col(DataSchema.Transactions, "transaction_date"), condition.Kind == BehaviorKind.NoPurchase ? Window(condition) : condition.WithinDays);
                AppendProducts(sql, "t", DataSchema.Transactions, condition);
                return sql.Append(')').ToString();

            case BehaviorKind.Engaged:
                sql.Append("EXISTS (SELECT 1 FROM ").Append(DataSchema.BehavioralEvents.Name).Append(" AS e WHERE e.")
                    .Append(Col(DataSchema.BehavioralEvents, "customer_id")).Append(" = c.customer_id AND ")
                    .Append(_dialect.InArray("e." + Col(DataSchema.BehavioralEvents, "event_type"),
                        Add("event_types", QueryParameterType.StringArray, condition.EventTypes.Count > 0 ? condition.EventTypes : ["product_view"])));
                AppendWindow(sql, "e." + Col(DataSchema.BehavioralEvents, "event_timestamp"), condition.WithinDays);
                AppendProducts(sql, "e", DataSchema.BehavioralEvents, condition);
                return sql.Append(')').ToString();

            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown behavior.");
        }
    }

    private void AppendWindow(StringBuilder sql, string column, double? days)
    {
        if (days is { } d)
        {
            sql.Append(" AND ").Append(column).Append(" >= ").Append(Since(d)).Append(" AND ").Append(column).Append(" <= ").Append(AsOf());
        }
    }

    private void AppendProducts(StringBuilder sql, string alias, TableDefinition table, BehaviorCondition condition)
    {
        if (condition.Categories.Count > 0)
        {
            sql.Append(" AND ").Append(_dialect.InArray(alias + "." + Col(table, "category"), Add("categories", QueryParameterType.StringArray, condition.Categories)));
        }

        if (condition.ProductTypes.Count > 0)
        {
            sql.Append(" AND ").Append(_dialect.InArray(alias + "." + Col(table, "product_type"), Add("product_types", QueryParameterType.StringArray, condition.ProductTypes)));
        }
    }

    private static double Window(BehaviorCondition condition) =>
        condition.WithinDays ?? throw new ArgumentException($"The {condition.Kind} behavior needs a window in days.", nameof(condition));

    private static double Required(AttributeCondition condition) =>
        condition.Number ?? throw new ArgumentException($"The {condition.Operator} comparison of {condition.Attribute} needs a number.", nameof(condition));

    private string Since(double days)
    {
        DateTimeOffset since = _definition.AsOf.ToUniversalTime() - TimeSpan.FromDays(days);
        return _dialect.Parameter(Add("since", QueryParameterType.Timestamp, since));
    }

    private string AsOf()
    {
        if (!_asOfAdded)
        {
            _parameters.Add(QueryParameter.Timestamp(AsOfParameter, _definition.AsOf));
            _asOfAdded = true;
        }

        return _dialect.Parameter(AsOfParameter);
    }

    private string Score(string column)
    {
        _usesScores = true;
        return "s." + Col(DataSchema.CustomerScores, column);
    }

    private string Add(string hint, QueryParameterType type, object value)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"p{_parameters.Count + 1}_{hint}");
        _parameters.Add(new QueryParameter(name, type, value is DateTimeOffset t ? t.ToUniversalTime() : value));
        return name;
    }

    private static string Col(TableDefinition table, string column) => table.HasColumn(column)
        ? column
        : throw new InvalidOperationException($"The data model has no column {table.Name}.{column}.");
}
