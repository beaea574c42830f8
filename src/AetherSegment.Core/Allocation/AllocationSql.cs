using System.Text;
using AetherSegment.Data;

namespace AetherSegment.Allocation;

/// <summary>
/// Writes an allocation's assignment rule as one SQL expression, so a warehouse assigns every customer where the data
/// lives: over each trigger's uplift (the compiled model, <see cref="Uplift.UpliftSql"/>) and the expected order value,
/// the trigger with the highest score p - λ·c - μ(t) above 0 among those whose expected profit p reaches the minimum,
/// the first in profile order on a tie, else NULL (<see cref="TriggerAllocator"/>).
/// </summary>
/// <remarks>
/// Profit and spend are written with the same operations in the same order as <see cref="TriggerOffer.Profit"/> and
/// <see cref="TriggerOffer.Spend"/>, and λ, μ and the economics as round-trip double literals, so the SQL makes the same
/// decision as in-process scoring on the same doubles.
/// </remarks>
internal static class AllocationSql
{
    /// <summary>
    /// The assignment expression: the trigger id (a string) or NULL, over per-trigger uplift columns and a value column.
    /// </summary>
    /// <param name="dialect">DuckDB or GoogleSQL.</param>
    /// <param name="plan">The plan whose prices (λ, μ) and minimum profit decide.</param>
    /// <param name="offers">The triggers' economics, in the plan's order.</param>
    /// <param name="uplift">Per trigger: a column reference (or any expression) holding its uplift.</param>
    /// <param name="orderValue">A column reference holding the expected order value.</param>
    public static string Assignment(SqlDialect dialect, AllocationPlan plan, IReadOnlyList<TriggerOffer> offers, IReadOnlyList<string> uplift, string orderValue)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(uplift);
        ArgumentException.ThrowIfNullOrEmpty(orderValue);
        if (uplift.Count != offers.Count || plan.Mu.Length != offers.Count)
        {
            throw new ArgumentException("One uplift column per trigger of the plan is needed.", nameof(uplift));
        }

        int triggers = offers.Count;
        string[] eligible = new string[triggers], score = new string[triggers];
        for (int t = 0; t < triggers; t++)
        {
            TriggerOffer offer = offers[t];
            string u = uplift[t], v = orderValue;
            string cost = offer.ConversionIsShare ? $"({v} * {Literal(offer.ConversionCost)})" : Literal(offer.ConversionCost);
            string profit = $"(({u} * (({v} * {Literal(offer.MarginRate)}) - {cost})) - {Literal(offer.SendCost)})";
            string spend = $"({Literal(offer.SendCost)} + (GREATEST({u}, 0.0E0) * {cost}))";
            eligible[t] = $"{profit} >= {Literal(plan.MinimumProfitPerSend)}";
            score[t] = $"(({profit} - ({Literal(plan.Lambda)} * {spend})) - {Literal(plan.Mu[t])})";
        }

        StringBuilder sql = new("CASE");
        for (int t = 0; t < triggers; t++)
        {
            sql.Append(" WHEN ").Append(eligible[t]).Append(" AND ").Append(score[t]).Append(" > 0.0E0");
            for (int j = 0; j < triggers; j++)
            {
                if (j != t)
                {
                    // Earlier triggers win ties, as the in-process scan keeps the first highest score.
                    sql.Append(" AND (NOT (").Append(eligible[j]).Append(") OR ").Append(score[t]).Append(j < t ? " > " : " >= ").Append(score[j]).Append(')');
                }
            }

            sql.Append(" THEN ").Append(dialect.StringLiteral(offers[t].Id));
        }

        return sql.Append(" ELSE NULL END").ToString();
    }

    /// <summary>
    /// A whole statement: <c>SELECT id, assignment FROM (SELECT id, value, uplift_0, ... FROM source)</c>, with each
    /// uplift computed once by its expression (e.g. <see cref="Uplift.UpliftSql.Compile"/> over the source's columns).
    /// </summary>
    /// <param name="dialect">DuckDB or GoogleSQL.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="offers">The triggers' economics.</param>
    /// <param name="upliftExpressions">Per trigger: the uplift expression over the source's columns.</param>
    /// <param name="orderValueExpression">The expected order value over the source's columns.</param>
    /// <param name="idExpression">The customer id over the source's columns.</param>
    /// <param name="source">The FROM clause's content: a table, or a parenthesized query with an alias.</param>
    public static string Query(SqlDialect dialect, AllocationPlan plan, IReadOnlyList<TriggerOffer> offers, IReadOnlyList<string> upliftExpressions,
        string orderValueExpression, string idExpression, string source)
    {
        ArgumentNullException.ThrowIfNull(upliftExpressions);
        StringBuilder inner = new($"SELECT {idExpression} AS customer_id, {orderValueExpression} AS order_value");
        string[] columns = new string[upliftExpressions.Count];
        for (int t = 0; t < columns.Length; t++)
        {
            columns[t] = "a." + dialect.Quote("uplift_" + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            inner.Append(", ").Append(upliftExpressions[t]).Append(" AS ").Append(dialect.Quote("uplift_" + t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        inner.Append(" FROM ").Append(source);
        return $"SELECT a.customer_id, a.order_value, {Assignment(dialect, plan, offers, columns, "a.order_value")} AS {dialect.Quote("trigger")} FROM ({inner}) a";
    }

    private static string Literal(double value) => value < 0 ? $"({SqlDialect.DoubleLiteral(value)})" : SqlDialect.DoubleLiteral(value);
}
