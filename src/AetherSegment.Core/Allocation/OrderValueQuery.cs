using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Allocation;

/// <summary>
/// Each member's expected order value, the value of one conversion, from their own orders through the profile's
/// orders mapping: (sum of their order values + <see cref="PriorOrders"/> x the mean order value of all orders) /
/// (their order count + <see cref="PriorOrders"/>). A member with no orders gets the overall mean; a member with one
/// unusual order is pulled toward it (a shrinkage estimate, the mean of their orders plus two average orders).
/// </summary>
internal static class OrderValueQuery
{
    /// <summary>How many average orders the estimate adds to each member's own.</summary>
    public const double PriorOrders = 2;

    /// <summary>
    /// The statement: one row per distinct member of <paramref name="members"/> (its <c>customer_id</c> column) with
    /// columns <c>customer_id</c> and <c>order_value</c> (a DOUBLE), ordered by customer id.
    /// </summary>
    /// <exception cref="AetherSegmentInputException">The profile maps no orders (the message names the mapping that enables the allocation).</exception>
    public static SqlStatement Statement(SqlDialect dialect, BusinessProfile profile, SqlStatement members)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(members);
        EntityMapping orders = profile.Entities.Orders
            ?? throw new AetherSegmentInputException("entities.orders", $"The allocation values a conversion from each customer's orders, so it {profile.MissingEntityMessage(EntityKind.Orders)}.");
        string table = orders.Table.Split('.') is { } parts && parts.All(ProfileSql.IsColumnName) ? string.Join('.', parts.Select(dialect.Quote)) : orders.Table;
        string customer = Expression(dialect, orders.Column("customer_id")!), value = Expression(dialect, orders.Column("value")!);
        string prior = SqlDialect.DoubleLiteral(PriorOrders);
        string sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH o AS (SELECT {customer} AS customer_id, {value} * 1.0E0 AS v FROM {table} WHERE {value} IS NOT NULL),
            overall AS (SELECT COALESCE(AVG(v), 0.0E0) AS mean FROM o),
            per AS (SELECT customer_id, SUM(v) AS total, COUNT(*) AS n FROM o GROUP BY customer_id)
            SELECT m.customer_id,
              (COALESCE(per.total, 0.0E0) + {prior} * overall.mean) / (COALESCE(per.n, 0) + {prior}) AS order_value
            FROM (SELECT DISTINCT x.customer_id FROM ({members.Sql}) x) m
            CROSS JOIN overall
            LEFT JOIN per ON per.customer_id = m.customer_id
            ORDER BY m.customer_id
            """);
        return new SqlStatement(sql, members.Parameters);
    }

    /// <summary>Each member's expected order value, aligned with <paramref name="ids"/> (0 for an id the query does not return).</summary>
    public static async Task<double[]> ReadAsync(IDataStore store, BusinessProfile profile, SqlStatement members, string[] ids, CancellationToken cancellationToken)
    {
        QueryResult result = await store.QueryAsync(Statement(store.Dialect, profile, members), cancellationToken).ConfigureAwait(false);
        Dictionary<string, double> byId = new(result.Rows.Count, StringComparer.Ordinal);
        foreach (object?[] row in result.Rows)
        {
            byId[Convert.ToString(row[0], CultureInfo.InvariantCulture)!] = Convert.ToDouble(row[1], CultureInfo.InvariantCulture);
        }

        double[] values = new double[ids.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = byId.TryGetValue(ids[i], out double v) ? v : 0;
        }

        return values;
    }

    private static string Expression(SqlDialect dialect, string value) => ProfileSql.IsColumnName(value) ? dialect.Quote(value) : $"({value})";
}
