using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>
/// Compiles a <see cref="SegmentDefinition"/> to parameterized SQL in one dialect. Tables and columns come from the
/// profile's data mapping only (<see cref="SegmentMapping"/>); every value (names, thresholds, window starts) is a named
/// parameter; time windows are TIMESTAMP parameters computed here from the definition's as-of time. A condition that
/// needs an entity or column the profile does not map fails with an <see cref="AetherSegmentInputException"/> naming
/// the mapping, before any SQL runs.
/// </summary>
/// <remarks>One instance compiles one statement (it numbers its parameters); not thread-safe.</remarks>
internal sealed class SegmentSqlCompiler
{
    private const string AsOfParameter = "as_of";
    private readonly SqlDialect _dialect;
    private readonly SegmentDefinition _definition;
    private readonly SegmentMapping _map;
    private readonly List<QueryParameter> _parameters = [];
    private bool _asOfAdded;
    private bool _usesScores;

    private SegmentSqlCompiler(BusinessProfile profile, SegmentDefinition definition, SqlDialect dialect)
    {
        _map = SegmentMapping.For(profile);
        _definition = definition;
        _dialect = dialect;
    }

    /// <summary>The statement selecting one row per member with the profile's member columns (<see cref="SegmentMapping.MemberColumns"/>).</summary>
    public static SqlStatement Members(BusinessProfile profile, SegmentDefinition definition, SqlDialect dialect)
    {
        SegmentSqlCompiler compiler = new(profile, definition, dialect);
        string where = compiler.WhereClause();
        List<string> columns = [.. compiler._map.MemberColumns.Select(m => compiler.Member(m, "c"))];
        StringBuilder sql = new("SELECT ");
        sql.AppendJoin(", ", columns);
        sql.Append('\n').Append(compiler.FromClause()).Append("\nWHERE ").Append(where);
        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    /// <summary>
    /// The definition's members (<c>customer_id</c>) with one boolean column per trigger (<c>t0</c>, <c>t1</c>, ... in
    /// the order of <paramref name="triggers"/>) saying whether the member passes that trigger's eligibility condition
    /// (<see cref="TriggerEligibilityFilter"/>; null: every member passes). The engine uses it to rank each trigger over the audience after its own
    /// filter, so the trigger table's sizes, uplifts and conversions describe the same members as the before/after card.
    /// </summary>
    public static SqlStatement TriggerFlags(BusinessProfile profile, SegmentDefinition definition, SqlDialect dialect, IReadOnlyList<SegmentCondition?> triggers)
    {
        SegmentSqlCompiler compiler = new(profile, definition, dialect);
        string where = compiler.WhereClause();
        StringBuilder sql = new("SELECT ");
        sql.Append(compiler.Id("c"));
        for (int i = 0; i < triggers.Count; i++)
        {
            sql.Append(", COALESCE(").Append(triggers[i] is { } condition ? compiler.Condition(condition) : "TRUE").Append(", FALSE) AS t")
                .Append(i.ToString(CultureInfo.InvariantCulture));
        }

        sql.Append('\n').Append(compiler.FromClause()).Append("\nWHERE ").Append(where);
        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    /// <summary>The statement selecting every customer's id as <c>customer_id</c>.</summary>
    public static SqlStatement Everyone(BusinessProfile profile, SqlDialect dialect)
    {
        SegmentSqlCompiler compiler = new(profile, new SegmentDefinition { Filters = [], AsOf = DateTimeOffset.UnixEpoch }, dialect);
        return new SqlStatement("SELECT " + compiler.Id("c") + " FROM " + compiler._map.Customers.Table + " AS c");
    }

    /// <summary>
    /// One statement for the whole preview. A chain of CTEs applies the filters in order (<c>s1</c> keeps the customers
    /// passing the first filter, <c>s2</c> those of <c>s1</c> passing the second, ...), so each filter only looks at the
    /// survivors of the previous ones; every step carries every column of the customers table (<c>c.*</c>), so any
    /// condition (and any expression of the mapping) can come at any step; a UNION ALL then returns, by <c>kind</c>: the
    /// size and value-score sum of every step (kind = step number, 0 for all customers), the final members grouped by
    /// each place level and value tier with their cart value sum and count (kind = -1), and the members with the highest
    /// value score for samples (kind = -2).
    /// Columns: kind, customer_id, first_name, email, one per place level, value_tier, n, clv, cart_sum, cart_count; with
    /// <paramref name="memberFingerprints"/> one more, <c>member_fp</c>, and one row per member (kind = -3) carrying the
    /// dialect's fingerprint of its id (<see cref="SqlDialect.Fingerprint"/>), NULL on every other row.
    /// </summary>
    /// <param name="profile">The profile whose mapping names the tables and columns.</param>
    /// <param name="definition">The definition.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="highValue">The high value tier threshold.</param>
    /// <param name="lowValue">The low value tier threshold.</param>
    /// <param name="sampleLimit">How many sample members to return.</param>
    /// <param name="memberFingerprints">Whether to return every member's fingerprint too (kind = -3).</param>
    public static SqlStatement Preview(BusinessProfile profile, SegmentDefinition definition, SqlDialect dialect, double highValue, double lowValue, int sampleLimit, bool memberFingerprints = false)
    {
        SegmentSqlCompiler compiler = new(profile, definition, dialect);
        SegmentMapping map = compiler._map;
        int steps = definition.Filters.Count;
        string customers = map.Customers.Table;
        StringBuilder sql = new();
        for (int i = 0; i < steps; i++)
        {
            compiler._usesScores = false;
            string condition = compiler.Condition(definition.Filters[i].Condition);
            sql.Append(i == 0 ? "WITH " : ",\n").Append('s').Append(i + 1).Append(" AS (SELECT c.*")
                .Append(" FROM ").Append(i == 0 ? customers : "s" + i.ToString(CultureInfo.InvariantCulture)).Append(" AS c");
            if (compiler._usesScores)
            {
                sql.Append(' ').Append(compiler.ScoresJoin("c"));
            }

            sql.Append(" WHERE ").Append(condition).Append(')');
        }

        string members = steps == 0 ? customers : "s" + steps.ToString(CultureInfo.InvariantCulture);
        double? cartWindow = CartWindow(definition);
        bool carts = HasCartFilter(definition) && map.Profile.Entities.Carts is { } cartMapping && cartMapping.HasColumn("value");
        compiler._parameters.Add(QueryParameter.Float64("tier_high", highValue));
        compiler._parameters.Add(QueryParameter.Float64("tier_low", lowValue));
        compiler._parameters.Add(QueryParameter.Int64("sample_limit", sampleLimit));
        if (steps > 0)
        {
            sql.Append('\n');
        }

        ProfileAttribute? value = map.ValueScore;
        bool valueOnScores = value is { Entity: EntityKind.Scores };
        string Value(string? alias) => value is null ? "NULL" : valueOnScores ? SegmentMapping.Column(dialect, "s", value.Column) : SegmentMapping.Column(dialect, alias, value.Column);
        string Source(string table, string alias) => valueOnScores ? table + " AS " + alias + " " + compiler.ScoresJoin(alias) : table + (alias == "" ? "" : " AS " + alias);
        // The sample's name and e-mail are read for its few rows only, joined back by id after the top-N (reading them
        // for every member cost about a tenth of the preview at 1,000,000 customers).
        string? firstNameColumn = map.Customers.Column("first_name");
        string? emailColumn = map.Customers.Column("email");
        string firstName = firstNameColumn is { } f ? SegmentMapping.Column(dialect, "x", f) : "CAST(NULL AS STRING)";
        string email = emailColumn is { } e ? SegmentMapping.Column(dialect, "x", e) : "CAST(NULL AS STRING)";
        int places = map.Places.Count;
        string fpNull = memberFingerprints ? ", NULL" : "";

        sql.Append("SELECT 0 AS kind, CAST(NULL AS STRING) AS customer_id, CAST(NULL AS STRING) AS first_name, CAST(NULL AS STRING) AS email, ");
        foreach ((HierarchyLevel _, ProfileAttribute place) in map.Places)
        {
            sql.Append("CAST(NULL AS STRING) AS ").Append(SegmentMapping.Name(dialect, place.Name)).Append(", ");
        }

        sql.Append("CAST(NULL AS STRING) AS value_tier, ")
            .Append("COUNT(*) AS n, SUM(").Append(Value(valueOnScores ? "c" : null)).Append(") AS clv, 0.0 AS cart_sum, 0 AS cart_count").Append(memberFingerprints ? ", NULL AS member_fp" : "").Append(" FROM ").Append(Source(customers, valueOnScores ? "c" : ""));
        string nulls = string.Concat(Enumerable.Repeat(", NULL", 3 + places));
        for (int i = 1; i <= steps; i++)
        {
            sql.Append("\nUNION ALL SELECT ").Append(i).Append(", NULL").Append(nulls).Append(", COUNT(*), SUM(").Append(Value(valueOnScores ? "c" : null)).Append("), 0.0, 0").Append(fpNull).Append(" FROM ")
                .Append(Source("s" + i.ToString(CultureInfo.InvariantCulture), valueOnScores ? "c" : ""));
        }

        string tier = value is null
            ? "'unknown'"
            : "CASE WHEN " + Value("m") + " >= " + dialect.Parameter("tier_high") + " THEN 'high' WHEN " + Value("m") + " >= " + dialect.Parameter("tier_low") + " THEN 'medium' ELSE 'low' END";
        sql.Append("\nUNION ALL SELECT -1, NULL, NULL, NULL, ");
        foreach ((HierarchyLevel _, ProfileAttribute place) in map.Places)
        {
            sql.Append(compiler.AttributeValue(place, "m")).Append(", ");
        }

        sql.Append(tier).Append(", COUNT(*), SUM(").Append(Value("m")).Append("), ");
        if (carts)
        {
            EntityMapping cart = map.Profile.Entities.Carts!;
            string cartCustomer = SegmentMapping.Column(dialect, "a", SegmentMapping.Require(cart, "customer_id", "The abandoned-cart filter"));
            sql.Append("SUM(COALESCE(cart.cart_value, 0)), COUNT(cart.cart_value)").Append(fpNull).Append(" FROM ").Append(Source(members, "m"))
                .Append(" LEFT JOIN (SELECT ").Append(cartCustomer).Append(cartCustomer == "a.customer_id" ? "" : " AS customer_id")
                .Append(", MAX(").Append(SegmentMapping.Column(dialect, "a", cart.Column("value")!)).Append(") AS cart_value FROM ").Append(cart.Table).Append(" AS a");
            if (cartWindow is { } days)
            {
                string at = SegmentMapping.Column(dialect, "a", SegmentMapping.Require(cart, "timestamp", "The abandoned-cart filter"));
                sql.Append(" WHERE ").Append(at).Append(" >= ").Append(compiler.Since(days)).Append(" AND ").Append(at).Append(" <= ").Append(compiler.AsOf());
            }

            sql.Append(" GROUP BY ").Append(cartCustomer).Append(") AS cart ON cart.customer_id = ").Append(SegmentMapping.Column(dialect, "m", map.CustomerId));
        }
        else
        {
            sql.Append("0.0, 0").Append(fpNull).Append(" FROM ").Append(Source(members, "m"));
        }

        sql.Append(" GROUP BY ").AppendJoin(", ", Enumerable.Range(5, places + 1));
        sql.Append("\nUNION ALL SELECT -2, top.customer_id, ").Append(firstNameColumn is null ? "NULL" : "who.first_name").Append(", ").Append(emailColumn is null ? "NULL" : "who.email").Append(", ");
        foreach ((HierarchyLevel _, ProfileAttribute place) in map.Places)
        {
            sql.Append("top.").Append(SegmentMapping.Name(dialect, place.Name)).Append(", ");
        }

        string valueName = value is null ? "sample_value" : SegmentMapping.Name(dialect, value.Name);
        sql.Append("NULL, 0, top.").Append(valueName).Append(", 0.0, 0").Append(fpNull).Append(" FROM (SELECT ")
            .Append(Aliased(SegmentMapping.Column(dialect, "m", map.CustomerId), SegmentMapping.CustomerIdName)).Append(", ");
        foreach ((HierarchyLevel _, ProfileAttribute place) in map.Places)
        {
            sql.Append(Aliased(compiler.AttributeValue(place, "m"), SegmentMapping.Name(dialect, place.Name))).Append(", ");
        }

        sql.Append(Aliased(Value("m"), valueName)).Append(" FROM ").Append(Source(members, "m"))
            .Append(" ORDER BY ").Append(Value("m")).Append(" DESC, ").Append(SegmentMapping.Column(dialect, "m", map.CustomerId))
            .Append(" LIMIT ").Append(dialect.Parameter("sample_limit")).Append(") AS top");
        if (firstNameColumn is not null || emailColumn is not null)
        {
            sql.Append(" LEFT JOIN (SELECT ").Append(Aliased(SegmentMapping.Column(dialect, "x", map.CustomerId), SegmentMapping.CustomerIdName));
            if (firstNameColumn is not null)
            {
                sql.Append(", ").Append(Aliased(firstName, "first_name"));
            }

            if (emailColumn is not null)
            {
                sql.Append(", ").Append(Aliased(email, "email"));
            }

            sql.Append(" FROM ").Append(customers).Append(" AS x) AS who ON who.").Append(SegmentMapping.CustomerIdName).Append(" = top.").Append(SegmentMapping.CustomerIdName);
        }

        if (memberFingerprints)
        {
            // Every member's fingerprint (the dialect's hash of the id), for a caller that ranks from an audience snapshot
            // with the same statement instead of evaluating the filters a second time.
            sql.Append("\nUNION ALL SELECT -3, NULL").Append(nulls).Append(", 0, NULL, 0.0, 0, ")
                .Append(dialect.Fingerprint(SegmentMapping.Column(dialect, "m", map.CustomerId))).Append(" FROM ").Append(Source(members, "m"));
        }

        return new SqlStatement(sql.ToString(), compiler._parameters);
    }

    private static string Aliased(string expression, string name) =>
        expression.EndsWith("." + name, StringComparison.Ordinal) ? expression : expression + " AS " + name;

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
        string from = "  FROM " + _map.Customers.Table + " AS c";
        return _usesScores ? from + "\n  " + ScoresJoin("c") : from;
    }

    private string ScoresJoin(string customerAlias)
    {
        EntityMapping scores = _map.Profile.RequireEntity(EntityKind.Scores, "A filter on a score");
        return "LEFT JOIN " + scores.Table + " AS s ON " + SegmentMapping.Column(_dialect, "s", SegmentMapping.Require(scores, "customer_id", "A filter on a score"))
            + " = " + SegmentMapping.Column(_dialect, customerAlias, _map.CustomerId);
    }

    private string Id(string alias)
    {
        string id = SegmentMapping.Column(_dialect, alias, _map.CustomerId);
        return Aliased(id, SegmentMapping.CustomerIdName);
    }

    private string Member(SegmentMapping.MemberColumn column, string alias)
    {
        string value;
        if (column.Entity == EntityKind.Scores)
        {
            _usesScores = true;
            value = SegmentMapping.Column(_dialect, "s", column.Value);
        }
        else
        {
            value = SegmentMapping.Column(_dialect, alias, column.Value);
        }

        return Aliased(value, SegmentMapping.Name(_dialect, column.Name));
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

    private string AttributeValue(ProfileAttribute attribute, string customerAlias)
    {
        if (attribute.Entity == EntityKind.Scores)
        {
            _map.Profile.RequireEntity(EntityKind.Scores, $"The {attribute.Name} filter");
            _usesScores = true;
            return SegmentMapping.Column(_dialect, "s", attribute.Column);
        }

        return SegmentMapping.Column(_dialect, customerAlias, attribute.Column);
    }

    private string Attribute(AttributeCondition condition)
    {
        ProfileAttribute attribute = _map.Attribute(condition.Attribute);
        string column = AttributeValue(attribute, "c");
        // A place attribute's list is named after its level's plural (p1_cities), any other after the attribute.
        string hint = condition.Operator == ComparisonOperator.In && _map.Places.FirstOrDefault(p => ReferenceEquals(p.Attribute, attribute)).Level is { Plural: { Length: > 0 } plural } && ProfileSql.IsColumnName(plural)
            ? plural
            : attribute.Name;
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
        string customer = SegmentMapping.Column(_dialect, "c", _map.CustomerId);
        switch (condition.Kind)
        {
            case BehaviorKind.Acquired:
            {
                string created = SegmentMapping.Column(_dialect, "c", SegmentMapping.Require(_map.Customers, "created_at", "The acquired filter"));
                return "(" + created + " >= " + Since(Window(condition)) + " AND " + created + " <= " + AsOf() + ")";
            }

            case BehaviorKind.AbandonedCart:
            {
                EntityMapping carts = _map.Profile.RequireEntity(EntityKind.Carts, "The abandoned-cart filter");
                sql.Append(customer).Append(" IN (SELECT ").Append(SegmentMapping.Column(_dialect, "a", SegmentMapping.Require(carts, "customer_id", "The abandoned-cart filter")))
                    .Append(" FROM ").Append(carts.Table).Append(" AS a WHERE TRUE");
                AppendWindow(sql, carts, "a", "The abandoned-cart filter", condition.WithinDays);
                if (condition.MinValue is { } min)
                {
                    sql.Append(" AND ").Append(SegmentMapping.Column(_dialect, "a", SegmentMapping.Require(carts, "value", "The abandoned-cart minimum value"))).Append(" >= ")
                        .Append(_dialect.Parameter(Add("cart_min", QueryParameterType.Float64, min)));
                }

                return sql.Append(')').ToString();
            }

            case BehaviorKind.Purchased:
            case BehaviorKind.NoPurchase:
            {
                string feature = condition.Kind == BehaviorKind.NoPurchase ? "The no-purchase filter" : "The purchase filter";
                EntityMapping orders = _map.Profile.RequireEntity(EntityKind.Orders, feature);
                sql.Append(customer).Append(condition.Kind == BehaviorKind.NoPurchase ? " NOT IN" : " IN").Append(" (SELECT ")
                    .Append(SegmentMapping.Column(_dialect, "t", SegmentMapping.Require(orders, "customer_id", feature))).Append(" FROM ").Append(orders.Table).Append(" AS t WHERE TRUE");
                AppendWindow(sql, orders, "t", feature, condition.Kind == BehaviorKind.NoPurchase ? Window(condition) : condition.WithinDays);
                AppendProducts(sql, "t", EntityKind.Orders, condition);
                return sql.Append(')').ToString();
            }

            case BehaviorKind.Engaged:
            {
                const string feature = "The engagement filter";
                EntityMapping events = _map.Profile.RequireEntity(EntityKind.Events, feature);
                IReadOnlyList<string> types = condition.EventTypes.Count > 0 ? condition.EventTypes : DefaultEventTypes();
                sql.Append(customer).Append(" IN (SELECT ").Append(SegmentMapping.Column(_dialect, "e", SegmentMapping.Require(events, "customer_id", feature))).Append(" FROM ")
                    .Append(events.Table).Append(" AS e WHERE ")
                    .Append(_dialect.InArray(SegmentMapping.Column(_dialect, "e", SegmentMapping.Require(events, "type", feature)),
                        Add("event_types", QueryParameterType.StringArray, types)));
                AppendWindow(sql, events, "e", feature, condition.WithinDays);
                AppendProducts(sql, "e", EntityKind.Events, condition);
                return sql.Append(')').ToString();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown behavior.");
        }
    }

    private string[] DefaultEventTypes()
    {
        string[] views = [.. _map.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.View).Select(e => e.Name)];
        return views.Length > 0
            ? views
            : throw new AetherSegmentInputException("event_types",
                $"The engagement filter names no event type and the profile '{_map.Profile.Name}' has no event type of kind view; name the event types.");
    }

    private void AppendWindow(StringBuilder sql, EntityMapping entity, string alias, string feature, double? days)
    {
        if (days is { } d)
        {
            string column = SegmentMapping.Column(_dialect, alias, SegmentMapping.Require(entity, "timestamp", feature));
            sql.Append(" AND ").Append(column).Append(" >= ").Append(Since(d)).Append(" AND ").Append(column).Append(" <= ").Append(AsOf());
        }
    }

    private void AppendProducts(StringBuilder sql, string alias, EntityKind entity, BehaviorCondition condition)
    {
        if (condition.Categories.Count > 0)
        {
            sql.Append(" AND ").Append(_dialect.InArray(TaxonomyColumn(_map.CategoryLevel, alias, entity, "categories"), Add("categories", QueryParameterType.StringArray, condition.Categories)));
        }

        if (condition.ProductTypes.Count > 0)
        {
            sql.Append(" AND ").Append(_dialect.InArray(TaxonomyColumn(_map.ProductTypeLevel, alias, entity, "product_types"), Add("product_types", QueryParameterType.StringArray, condition.ProductTypes)));
        }
    }

    private string TaxonomyColumn(HierarchyLevel? level, string alias, EntityKind entity, string field)
    {
        string wire = SegmentMapping.EntityName(entity);
        string? column = level is null ? null : entity == EntityKind.Orders ? level.OrdersColumn : level.EventsColumn;
        return column is null
            ? throw new AetherSegmentInputException(field, level is null
                ? $"The profile '{_map.Profile.Name}' has no taxonomy level for {field}."
                : $"A {level.Name} filter on {wire} needs the `{wire}_column` of the taxonomy level '{level.Name}' in the profile '{_map.Profile.Name}'.")
            : SegmentMapping.Column(_dialect, alias, column);
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

    private string Add(string hint, QueryParameterType type, object value)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"p{_parameters.Count + 1}_{hint}");
        _parameters.Add(new QueryParameter(name, type, value is DateTimeOffset t ? t.ToUniversalTime() : value));
        return name;
    }
}
