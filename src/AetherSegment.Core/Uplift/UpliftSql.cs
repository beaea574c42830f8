using System.Text;
using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>
/// Compiles a fitted uplift model into one SQL expression over a row's columns (nested CASE WHEN per tree, categorical
/// splits as IN lists, NULL and NaN routed as the model routes missing values, the sigmoid as <c>1/(1+EXP(-x))</c>),
/// so a warehouse scores in place. The expression adds in the same order as in-process scoring.
/// </summary>
/// <remarks>
/// The in-process scorer turns each DOUBLE feature value into a float (round to nearest, ties to even) and tests
/// <c>(float)x &lt;= f</c> with <c>f</c> the largest float not above the tree's threshold. The SQL makes exactly that test on the
/// DOUBLE / FLOAT64 column without a cast (GoogleSQL has no 32-bit float): it writes <c>x &lt;= d</c> with <c>d</c> the largest
/// double whose float rounding is at most <c>f</c> (see <see cref="DoubleBound"/>), so every row takes the same branch in
/// DuckDB, BigQuery and in process. Leaf values, biases and coefficients are written as round-trip doubles.
/// </remarks>
public static class UpliftSql
{
    /// <summary>Compiles one treatment's uplift.</summary>
    /// <param name="model">A fitted model that implements <see cref="ISqlExportableUpliftModel"/> (every model created by <see cref="UpliftModels"/> or loaded by <see cref="UpliftModelFile"/> does).</param>
    /// <param name="dialect">DuckDB or GoogleSQL.</param>
    /// <param name="treatment">The 0-based index into <see cref="IUpliftModel.Treatments"/>.</param>
    /// <param name="columnPrefix">Prepended to every quoted column (e.g. <c>t.</c>); empty for none.</param>
    /// <returns>The expression; its value is a DOUBLE / FLOAT64.</returns>
    public static string Compile(IUpliftModel model, SqlDialect dialect, int treatment, string columnPrefix)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(columnPrefix);
        if (model is not ISqlExportableUpliftModel exportable)
        {
            throw new ArgumentException($"The '{model.Name}' model does not compile to SQL: it does not implement {nameof(ISqlExportableUpliftModel)}.", nameof(model));
        }

        return exportable.CompileSql(dialect, treatment, columnPrefix);
    }

    /// <summary>Compiles one treatment's uplift of a built-in model.</summary>
    internal static string CompileTree(TreeUpliftModel tree, SqlDialect dialect, int treatment, string columnPrefix)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(columnPrefix);
        ScoringPlan plan = tree.PlanFor(treatment);
        string[] columns = new string[tree.Specs.Count];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = columnPrefix + dialect.QuoteColumnName(tree.Specs[j].Name);
        }

        StringBuilder sql = new();
        sql.Append('(').Append(SqlDialect.DoubleLiteral(plan.Intercept));
        foreach (ScoringTerm term in plan.Terms)
        {
            StringBuilder raw = new();
            raw.Append('(').Append(SqlDialect.DoubleLiteral(term.Ensemble.Bias));
            foreach (DecisionTree t in term.Ensemble.Trees)
            {
                raw.Append(" + ");
                AppendNode(raw, t, 0, tree.Specs, columns, dialect);
            }

            raw.Append(')');
            sql.Append(" + ").Append(SqlDialect.DoubleLiteral(term.Coefficient)).Append(" * ");
            switch (term.Link)
            {
                case ScoringLink.Sigmoid:
                    sql.Append("(1.0E0 / (1.0E0 + EXP(-").Append(raw).Append(")))");
                    break;
                case ScoringLink.SigmoidVariance:
                    string s = "(1.0E0 / (1.0E0 + EXP(-" + raw + ")))";
                    sql.Append('(').Append(s).Append(" * (1.0E0 - ").Append(s).Append("))");
                    break;
                default:
                    sql.Append(raw);
                    break;
            }
        }

        sql.Append(')');
        return sql.ToString();
    }

    private static void AppendNode(StringBuilder sql, DecisionTree tree, int node, IReadOnlyList<FeatureSpec> specs, string[] columns, SqlDialect dialect)
    {
        int f = tree.Feature[node];
        if (f < 0)
        {
            sql.Append(SqlDialect.DoubleLiteral(tree.Value[node]));
            return;
        }

        string column = columns[f];
        sql.Append("CASE WHEN ");
        if (tree.LeftCategories[node] is { } set)
        {
            if (tree.MissingLeft[node])
            {
                sql.Append('(').Append(column).Append(" IS NULL OR ");
            }

            if (set.Length == 0)
            {
                // No level goes left (a loaded file may say so): `IN ()` is no SQL.
                sql.Append("FALSE");
            }
            else
            {
                sql.Append(dialect.CastToString(column)).Append(" IN (");
                IReadOnlyList<string> levels = specs[f].Levels!;
                for (int i = 0; i < set.Length; i++)
                {
                    sql.Append(i > 0 ? ", " : string.Empty).Append(dialect.StringLiteral(levels[set[i]]));
                }

                sql.Append(')');
            }

            if (tree.MissingLeft[node])
            {
                sql.Append(')');
            }
        }
        else if (tree.MissingLeft[node])
        {
            sql.Append('(').Append(column).Append(" IS NULL OR ").Append(dialect.IsNan(dialect.CastToDouble(column)))
                .Append(" OR ").Append(column).Append(" <= ").Append(ThresholdLiteral(tree.Threshold[node])).Append(')');
        }
        else
        {
            // NULL <= t is unknown and NaN <= t is false in both dialects: both take the ELSE (right) branch.
            sql.Append(column).Append(" <= ").Append(ThresholdLiteral(tree.Threshold[node]));
        }

        sql.Append(" THEN ");
        AppendNode(sql, tree, tree.Left[node], specs, columns, dialect);
        sql.Append(" ELSE ");
        AppendNode(sql, tree, tree.Right[node], specs, columns, dialect);
        sql.Append(" END");
    }

    /// <summary>The SQL literal a numeric split compares a DOUBLE column with: <see cref="DoubleBound"/> of the scorer's float threshold.</summary>
    private static string ThresholdLiteral(double threshold) => SqlDialect.DoubleLiteral(DoubleBound(CompiledEnsemble.FloatAtMost(threshold)));

    /// <summary>
    /// The largest double <c>d</c> whose rounding to float (to nearest, ties to even, overflow to infinity) is at most
    /// <paramref name="f"/>: for every double <c>x</c>, <c>x &lt;= d</c> exactly when <c>(float)x &lt;= f</c>.
    /// </summary>
    /// <remarks>
    /// The doubles that round to at most <c>f</c> are those below the midpoint between <c>f</c> and the next float up, and
    /// the midpoint itself when it rounds down, i.e. when <c>f</c>'s significand is even. The midpoint of two adjacent floats
    /// needs 25 significant bits, so it is exact in a double.
    /// </remarks>
    internal static double DoubleBound(float f)
    {
        // 2^103: half the spacing of floats at float.MaxValue; MaxValue + 2^103 and beyond round to infinity.
        const double HalfUlpAtMax = 1.0141204801825835E+31;
        if (float.IsNaN(f) || f == float.PositiveInfinity)
        {
            throw new ArgumentOutOfRangeException(nameof(f), f, "A split threshold is a finite float or negative infinity.");
        }

        if (f == float.NegativeInfinity)
        {
            // Only -infinity and doubles that overflow to it: at or below -(MaxValue + 2^103) (the tie goes to "even", infinity).
            return -((double)float.MaxValue + HalfUlpAtMax);
        }

        double mid = f == float.MaxValue
            ? (double)float.MaxValue + HalfUlpAtMax
            : ((double)f + (double)MathF.BitIncrement(f)) / 2;
        bool even = (BitConverter.SingleToInt32Bits(f) & 1) == 0;
        return even ? mid : Math.BitDecrement(mid);
    }
}
