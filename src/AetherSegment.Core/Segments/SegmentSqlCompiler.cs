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

    /// <summary>
    /// The columns every step of the preview chain carries: all of <c>customers</c>, taken from <see cref="DataSchema"/>.
    /// A step's condition may name any customer column (acquisition_source, created_at, ...), and a step reads the
    /// previous step instead of the table, so a step that carried fewer columns than the table would break every
    /// condition on a missing column whenever that condition is not the first (issue 13).
    /// </summary>
    private static readonly string[] StepColumns = [.. DataSchema.Customers.Columns.Select(c => c.Name)];

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

    /// <summary>
    /// The definition's members (<c>customer_id</c>) with one boolean column per trigger (<c>t0</c>, <c>t1</c>, ... in
    /// the order of <paramref name="triggers"/>) saying whether the member passes that trigger's eligibility condition
    /// (<see cref="TriggerEligibilityFilter"/>; null: every member passes). The engine uses it to rank each trigger over the audience after its own
    /// filter, so the trigger table's sizes, uplifts and conversions describe the same members as the before/after card.
    /// </summary>
    public static SqlStatement TriggerFlags(SegmentDefinition definition, SqlDialect dialect, IReadOnlyList<SegmentCondition?> triggers)
    {
        SegmentSqlCompiler compiler = new(definition, dialect);
        string where = compiler.WhereClause();
        StringBuilder sql = new("SELECT c.customer_id");
        for (int i = 0; i < triggers.Count; i++)
        {
            sql.Append(", COALESCE(").Append(triggers[i] is { } condition ? compiler.Condition(condition) : "TRUE").Append(", FALSE) AS t")
                .Append(i.ToString(CultureInfo.InvariantCulture));
        }

        sql.Append('\n').Append(compiler.FromClause()).Append("\nWHERE ").Append(where);
        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    /// <summary>
    /// One statement for the whole preview. A chain of CTEs applies the filters in order (<c>s1</c> keeps the customers
    /// passing the first filter, <c>s2</c> those of <c>s1</c> passing the second, ...), so each filter only looks at the
    /// survivors of the previous ones; every step carries all the customer columns, so any condition can come at any step; a UNION ALL then returns, by <c>kind</c>: the size and CLV sum of every step
    /// (kind = step number, 0 for all customers), the final members grouped by country, city and value tier with their
    /// cart value sum and count (kind = -1), and the highest-CLV members for samples (kind = -2).
    /// Columns: kind, customer_id, first_name, email, country, city, value_tier, n, clv, cart_sum, cart_count.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="highValue">The high value tier threshold.</param>
    /// <param name="lowValue">The low value tier threshold.</param>
    /// <param name="sampleLimit">How many sample members to return.</param>
    public static SqlStatement Preview(SegmentDefinition definition, SqlDialect dialect, double highValue, double lowValue, int sampleLimit)
    {
        SegmentSqlCompiler compiler = new(definition, dialect);
        int steps = definition.Filters.Count;
        string customers = DataSchema.Customers.Name;
        StringBuilder sql = new();
        for (int i = 0; i < steps; i++)
        {
            compiler._usesScores = false;
            string condition = compiler.Condition(definition.Filters[i].Condition);
            sql.Append(i == 0 ? "WITH " : ",\n").Append('s').Append(i + 1).Append(" AS (SELECT ")
                .AppendJoin(", ", StepColumns.Select(column => "c." + column))
                .Append(" FROM ").Append(i == 0 ? customers : "s" + i.ToString(CultureInfo.InvariantCulture)).Append(" AS c");
            if (compiler._usesScores)
            {
                sql.Append(" LEFT JOIN ").Append(DataSchema.CustomerScores.Name).Append(" AS s ON s.customer_id = c.customer_id");
            }

            sql.Append(" WHERE ").Append(condition).Append(')');
        }

        string members = steps == 0 ? customers : "s" + steps.ToString(CultureInfo.InvariantCulture);
        double? cartWindow = CartWindow(definition);
        bool carts = HasCartFilter(definition);
        compiler._parameters.Add(QueryParameter.Float64("tier_high", highValue));
        compiler._parameters.Add(QueryParameter.Float64("tier_low", lowValue));
        compiler._parameters.Add(QueryParameter.Int64("sample_limit", sampleLimit));
        if (steps > 0)
        {
            sql.Append('\n');
        }

        sql.Append("SELECT 0 AS kind, CAST(NULL AS STRING) AS customer_id, CAST(NULL AS STRING) AS first_name, CAST(NULL AS STRING) AS email, ")
            .Append("CAST(NULL AS STRING) AS country, CAST(NULL AS STRING) AS city, CAST(NULL AS STRING) AS value_tier, ")
            .Append("COUNT(*) AS n, SUM(clv_score) AS clv, 0.0 AS cart_sum, 0 AS cart_count FROM ").Append(customers);
        for (int i = 1; i <= steps; i++)
        {
            sql.Append("\nUNION ALL SELECT ").Append(i).Append(", NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), SUM(clv_score), 0.0, 0 FROM s").Append(i);
        }

        sql.Append("\nUNION ALL SELECT -1, NULL, NULL, NULL, m.country, m.city, CASE WHEN m.clv_score >= ").Append(dialect.Parameter("tier_high"))
            .Append(" THEN 'high' WHEN m.clv_score >= ").Append(dialect.Parameter("tier_low")).Append(" THEN 'medium' ELSE 'low' END, COUNT(*), SUM(m.clv_score), ");
        if (carts)
        {
            sql.Append("SUM(COALESCE(cart.cart_value, 0)), COUNT(cart.cart_value) FROM ").Append(members)
                .Append(" AS m LEFT JOIN (SELECT a.customer_id, MAX(a.cart_value) AS cart_value FROM ").Append(DataSchema.AbandonedCarts.Name).Append(" AS a");
            if (cartWindow is { } days)
            {
                sql.Append(" WHERE a.abandoned_at >= ").Append(compiler.Since(days)).Append(" AND a.abandoned_at <= ").Append(compiler.AsOf());
            }

            sql.Append(" GROUP BY a.customer_id) AS cart ON cart.customer_id = m.customer_id");
        }
        else
        {
            sql.Append("0.0, 0 FROM ").Append(members).Append(" AS m");
        }

        sql.Append(" GROUP BY 5, 6, 7");
        sql.Append("\nUNION ALL SELECT -2, top.customer_id, top.first_name, top.email, top.country, top.city, NULL, 0, top.clv_score, 0.0, 0 FROM (SELECT ")
            .Append("m.customer_id, m.first_name, m.email, m.country, m.city, m.clv_score FROM ").Append(members)
            .Append(" AS m ORDER BY m.clv_score DESC, m.customer_id LIMIT ").Append(dialect.Parameter("sample_limit")).Append(") AS top");
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
                sql.Append("c.customer_id IN (SELECT a.").Append(Col(DataSchema.AbandonedCarts, "customer_id")).Append(" FROM ")
                    .Append(DataSchema.AbandonedCarts.Name).Append(" AS a WHERE TRUE");
                AppendWindow(sql, "a." + Col(DataSchema.AbandonedCarts, "abandoned_at"), condition.WithinDays);
                if (condition.MinValue is { } min)
                {
                    sql.Append(" AND a.").Append(Col(DataSchema.AbandonedCarts, "cart_value")).Append(" >= ")
                        .Append(_dialect.Parameter(Add("cart_min", QueryParameterType.Float64, min)));
                }

                return sql.Append(')').ToString();

            case BehaviorKind.Purchased:
            case BehaviorKind.NoPurchase:
                sql.Append(condition.Kind == BehaviorKind.NoPurchase ? "c.customer_id NOT IN" : "c.customer_id IN").Append(" (SELECT t.")
                    .Append(Col(DataSchema.Transactions, "customer_id")).Append(" FROM ").Append(DataSchema.Transactions.Name).Append(" AS t WHERE TRUE");
                AppendWindow(sql, "t." + Col(DataSchema.Transactions, "transaction_date"), condition.Kind == BehaviorKind.NoPurchase ? Window(condition) : condition.WithinDays);
                AppendProducts(sql, "t", DataSchema.Transactions, condition);
                return sql.Append(')').ToString();

            case BehaviorKind.Engaged:
                sql.Append("c.customer_id IN (SELECT e.").Append(Col(DataSchema.BehavioralEvents, "customer_id")).Append(" FROM ")
                    .Append(DataSchema.BehavioralEvents.Name).Append(" AS e WHERE ")
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
