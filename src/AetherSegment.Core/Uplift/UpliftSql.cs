using System.Text;
using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>
/// Compiles a fitted uplift model into one SQL expression over a row's columns (nested CASE WHEN per tree, categorical
/// splits as IN lists, NULL and NaN routed as the model routes missing values, the sigmoid as <c>1/(1+EXP(-x))</c>),
/// so a warehouse scores in place. The expression adds in the same order as in-process scoring.
/// </summary>
public static class UpliftSql
{
    /// <summary>Compiles one treatment's uplift.</summary>
    /// <param name="model">A fitted model created by <see cref="UpliftModels"/> or loaded by <see cref="UpliftModelFile"/>.</param>
    /// <param name="dialect">DuckDB or GoogleSQL.</param>
    /// <param name="treatment">The 0-based index into <see cref="IUpliftModel.Treatments"/>.</param>
    /// <param name="columnPrefix">Prepended to every quoted column (e.g. <c>t.</c>); empty for none.</param>
    /// <returns>The expression; its value is a DOUBLE / FLOAT64.</returns>
    public static string Compile(IUpliftModel model, SqlDialect dialect, int treatment, string columnPrefix)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(columnPrefix);
        if (model is not TreeUpliftModel tree)
        {
            throw new ArgumentException("Only models created by UpliftModels or loaded by UpliftModelFile compile to SQL.", nameof(model));
        }

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

            sql.Append(dialect.CastToString(column)).Append(" IN (");
            IReadOnlyList<string> levels = specs[f].Levels!;
            for (int i = 0; i < set.Length; i++)
            {
                sql.Append(i > 0 ? ", " : string.Empty).Append(dialect.StringLiteral(levels[set[i]]));
            }

            sql.Append(')');
            if (tree.MissingLeft[node])
            {
                sql.Append(')');
            }
        }
        else if (tree.MissingLeft[node])
        {
            sql.Append('(').Append(column).Append(" IS NULL OR ").Append(dialect.IsNan(dialect.CastToDouble(column)))
                .Append(" OR ").Append(column).Append(" <= ").Append(SqlDialect.DoubleLiteral(tree.Threshold[node])).Append(')');
        }
        else
        {
            // NULL <= t is unknown and NaN <= t is false in both dialects: both take the ELSE (right) branch.
            sql.Append(column).Append(" <= ").Append(SqlDialect.DoubleLiteral(tree.Threshold[node]));
        }

        sql.Append(" THEN ");
        AppendNode(sql, tree, tree.Left[node], specs, columns, dialect);
        sql.Append(" ELSE ");
        AppendNode(sql, tree, tree.Right[node], specs, columns, dialect);
        sql.Append(" END");
    }
}
