using System.Globalization;
using System.Text;
using AetherSegment.Data;
using System.Runtime.CompilerServices;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>
/// Checks SQL written by a language model before it runs. It accepts only a single read-only SELECT (or WITH ...
/// SELECT) that reads the tables of a business's mapping, names only the non-personal columns the mapping names, calls only allow-listed scalar,
/// aggregate and window functions, and carries no comments, parameters, semicolons (one trailing semicolon is
/// dropped) or <c>SELECT *</c>. It tokenizes the text and checks every word; anything it cannot vouch for is refused
/// with a reason. Accepted SQL still runs under a row limit (<see cref="Wrap"/>) and a timeout.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class AnalyticsSqlGuard
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "insert", "update", "delete", "merge", "upsert", "drop", "create", "alter", "truncate", "replace", "rename", "grant", "revoke",
        "pragma", "attach", "detach", "copy", "install", "load", "call", "set", "reset", "export", "import", "execute", "exec", "prepare",
        "deallocate", "use", "vacuum", "checkpoint", "begin", "commit", "rollback", "transaction", "declare", "into", "recursive", "lateral",
        "describe", "show", "summarize", "explain", "analyze", "force", "assert", "procedure", "function", "macro", "secret", "options",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "group", "by", "order", "having", "limit", "offset", "as", "on", "join", "left", "right", "inner", "outer",
        "full", "cross", "and", "or", "not", "in", "is", "null", "true", "false", "case", "when", "then", "else", "end", "distinct", "asc",
        "desc", "between", "like", "ilike", "with", "union", "all", "intersect", "except", "over", "partition", "rows", "range", "unbounded",
        "preceding", "following", "current", "row", "interval", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
        "minute", "minutes", "second", "seconds", "quarter", "isoweek", "dayofweek", "dayofyear", "epoch", "timestamp", "date", "float64", "int64",
        "double", "bigint", "integer", "int", "varchar", "string", "boolean", "bool", "numeric", "decimal", "float", "real", "text", "filter", "nulls", "first",
        "last", "using", "qualify", "current_date", "current_timestamp", "exists", "any", "some", "escape", "within", "window", "natural", "semi", "anti", "at", "time", "zone", "utc",
    };

    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "sum", "avg", "min", "max", "round", "coalesce", "nullif", "ifnull", "if", "iff", "cast", "safe_cast", "try_cast", "abs", "greatest",
        "least", "lower", "upper", "trim", "length", "substr", "substring", "concat", "date_trunc", "timestamp_trunc", "datetime_trunc", "extract",
        "date_part", "datepart", "date_diff", "datediff", "timestamp_diff", "date_add", "date_sub", "timestamp_add", "timestamp_sub", "strftime",
        "format_timestamp", "format_date", "date", "timestamp", "year", "month", "day", "week", "hour", "dayofweek", "countif", "count_if",
        "safe_divide", "stddev", "stddev_samp", "stddev_pop", "variance", "median", "quantile_cont", "percentile_cont", "approx_count_distinct",
        "approx_quantiles", "any_value", "logical_or", "logical_and", "bool_or", "bool_and", "row_number", "rank", "dense_rank", "percent_rank",
        "ntile", "lag", "lead", "first_value", "last_value", "floor", "ceil", "ceiling", "power", "pow", "sqrt", "ln", "log", "log10", "exp",
        "sign", "mod", "trunc", "now", "current_timestamp", "current_date", "string_agg", "corr", "covar_pop", "covar_samp", "div",
    };

    private static readonly HashSet<string> EvaluationOnly = new(StringComparer.OrdinalIgnoreCase) { "ground_truth_uplift", "true_uplift" };

    private static readonly ConditionalWeakTable<BusinessProfile, GuardPolicy> Policies = [];

    /// <summary>The scalar, aggregate and window functions model SQL may call (case-insensitive).</summary>
    public static IReadOnlySet<string> AllowedFunctions => Functions;

    /// <summary>
    /// Checks a proposed statement against a business's mapping: the mapped tables are the tables SQL may read, and the
    /// columns of <c>entities.customers.personal_columns</c> (and what they map to) are never exposed, and a column
    /// name must be one the mapping names (an entity's columns, an attribute's column or a taxonomy level's column).
    /// </summary>
    /// <param name="sql">The SQL text.</param>
    /// <param name="profile">The business whose mapping applies.</param>
    /// <returns>The verdict, with the reason when refused.</returns>
    public static SqlGuardVerdict Check(string? sql, BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Check(sql, Policies.GetValue(profile, PolicyOf));
    }

    /// <summary>The tables of a business's mapping that SQL may read.</summary>
    /// <param name="profile">The business.</param>
    /// <returns>The mapped tables.</returns>
    public static IReadOnlyCollection<string> TablesOf(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Policies.GetValue(profile, PolicyOf).Tables.Keys;
    }

    /// <summary>
    /// The columns of a mapped table that SQL may name, in the mapping's order: every column the mapping names (an
    /// entity's columns, an attribute's column, a taxonomy level's column) that is a plain column name and not personal.
    /// A store's sandbox exposes exactly these.
    /// </summary>
    /// <param name="profile">The business.</param>
    /// <param name="table">One of <see cref="TablesOf"/>.</param>
    /// <returns>The column names.</returns>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a table of the mapping.</exception>
    public static IReadOnlyList<string> ColumnsOf(BusinessProfile profile, string table)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(table);
        return Policies.GetValue(profile, PolicyOf).Tables.TryGetValue(table, out HashSet<string>? columns)
            ? [.. columns]
            : throw new ArgumentException($"{table} is not a table model SQL may read.", nameof(table));
    }

    /// <summary>The mapped tables with the columns the mapping names (personal ones left out), one table a line, for a language model's prompt.</summary>
    /// <param name="profile">The business.</param>
    /// <returns>The description.</returns>
    public static string DescribeAllowedSchema(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        GuardPolicy policy = Policies.GetValue(profile, PolicyOf);
        StringBuilder text = new();
        foreach ((string table, HashSet<string> columns) in policy.Tables)
        {
            text.Append(table).Append('(').AppendJoin(", ", columns).Append(")\n");
        }

        return text.ToString();
    }

    private static GuardPolicy PolicyOf(BusinessProfile profile)
    {
        HashSet<string> personal = new(StringComparer.OrdinalIgnoreCase);
        EntityMapping customers = profile.Entities.Customers;
        foreach (string column in customers.PersonalColumns)
        {
            personal.Add(column);
            if (customers.Column(column) is { } mapped && ProfileSql.IsColumnName(mapped))
            {
                personal.Add(mapped);
            }
        }

        Dictionary<string, HashSet<string>> tables = new(StringComparer.OrdinalIgnoreCase);
        foreach (EntityMapping mapping in profile.Entities.All)
        {
            if (!tables.TryGetValue(mapping.Table, out HashSet<string>? columns))
            {
                tables[mapping.Table] = columns = new(StringComparer.OrdinalIgnoreCase);
            }

            IEnumerable<string> named = mapping.Columns.Values
                .Concat(profile.Attributes.Where(a => a.Entity == mapping.Kind).Select(a => a.Column))
                .Concat(mapping.Kind == EntityKind.Orders ? profile.Catalog.Taxonomy.Levels.Select(l => l.OrdersColumn ?? "") : [])
                .Concat(mapping.Kind == EntityKind.Events ? profile.Catalog.Taxonomy.Levels.Select(l => l.EventsColumn ?? "") : []);
            foreach (string column in named.SelectMany(ColumnsReadBy))
            {
                if (!personal.Contains(column))
                {
                    columns.Add(column);
                }
            }
        }

        HashSet<string> allowed = new(StringComparer.OrdinalIgnoreCase);
        foreach (HashSet<string> columns in tables.Values)
        {
            allowed.UnionWith(columns);
        }

        return new GuardPolicy(personal, tables, allowed);
    }

    /// <summary>
    /// The table columns a mapped value reads: the value itself when it is a column name, else the plain identifiers of
    /// the SQL expression (<c>did_convert = 1</c> reads <c>did_convert</c>), so SQL may name what the mapping reads.
    /// </summary>
    private static IEnumerable<string> ColumnsReadBy(string mapped)
    {
        if (ProfileSql.IsColumnName(mapped))
        {
            return [mapped];
        }

        if (!SqlTokenizer.TryTokenize(mapped, out List<SqlToken> tokens, out _))
        {
            return [];
        }

        List<string> columns = [];
        for (int i = 0; i < tokens.Count; i++)
        {
            SqlToken token = tokens[i];
            bool call = i + 1 < tokens.Count && tokens[i + 1].Text == "(";
            bool qualified = i > 0 && tokens[i - 1].Text == ".";
            if (token.Kind == SqlTokenKind.Word && !call && !qualified && !Keywords.Contains(token.Text) && !Forbidden.Contains(token.Text)
                && ProfileSql.IsColumnName(token.Text))
            {
                columns.Add(token.Text);
            }
        }

        return columns;
    }

    private static SqlGuardVerdict Check(string? sql, GuardPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return SqlGuardVerdict.Refuse("the SQL is empty.");
        }

        string text = sql.Trim();
        if (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length > 8000)
        {
            return SqlGuardVerdict.Refuse("the SQL is longer than 8000 characters.");
        }

        if (!SqlTokenizer.TryTokenize(text, out List<SqlToken> tokens, out string? error))
        {
            return SqlGuardVerdict.Refuse(error!);
        }

        if (tokens.Count == 0 || tokens[0].Kind != SqlTokenKind.Word
            || !(tokens[0].Is("select") || tokens[0].Is("with")))
        {
            return SqlGuardVerdict.Refuse("only a single SELECT statement may run.");
        }

        int depth = 0;
        foreach (SqlToken token in tokens)
        {
            depth += token.Text == "(" && token.Kind == SqlTokenKind.Symbol ? 1 : token.Text == ")" && token.Kind == SqlTokenKind.Symbol ? -1 : 0;
            if (depth < 0)
            {
                return SqlGuardVerdict.Refuse("the parentheses do not balance.");
            }
        }

        if (depth != 0)
        {
            return SqlGuardVerdict.Refuse("the parentheses do not balance.");
        }

        (HashSet<string> aliases, HashSet<string> ctes) = CollectAliases(tokens, policy);
        string? worst = null;
        int worstRank = int.MaxValue;
        for (int i = 0; i < tokens.Count; i++)
        {
            SqlToken token = tokens[i];
            SqlToken? previous = i > 0 ? tokens[i - 1] : null;
            SqlToken? next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            (int rank, string? reason) = token.Kind switch
            {
                SqlTokenKind.Symbol => CheckSymbol(token, previous, next),
                SqlTokenKind.Parameter => (1, $"parameters ({token.Text}) are not allowed."),
                SqlTokenKind.Word => CheckWord(tokens, i, aliases, ctes, policy),
                SqlTokenKind.QuotedIdentifier => CheckIdentifier(token.Text, previous, next, aliases, ctes, quoted: true, policy),
                SqlTokenKind.String when InFromList(tokens, i) => (2, "reading files or URLs is not allowed: only the customer data tables may be read."),
                _ => (0, null),
            };
            if (reason is not null && rank < worstRank)
            {
                (worst, worstRank) = (reason, rank);
            }
        }

        return worst is null ? SqlGuardVerdict.Allow(text) : SqlGuardVerdict.Refuse(worst);
    }

    /// <summary>Wraps an accepted statement in a row limit: <c>SELECT * FROM (sql) AS guarded LIMIT n</c>.</summary>
    /// <param name="sql">The accepted SQL (<see cref="SqlGuardVerdict.Sql"/>).</param>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="maxRows">The row limit (bound as a parameter).</param>
    /// <returns>The statement to run.</returns>
    public static SqlStatement Wrap(string sql, SqlDialect dialect, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return new SqlStatement(
            $"SELECT * FROM (\n{sql}\n) AS guarded_result LIMIT {dialect.Parameter("max_rows")}",
            [QueryParameter.Int64("max_rows", maxRows)]);
    }

    private static (int Rank, string? Reason) CheckSymbol(SqlToken token, SqlToken? previous, SqlToken? next)
    {
        if (token.Text == ";")
        {
            return (1, "only one statement may run (a semicolon separates statements).");
        }

        if (token.Text == "*")
        {
            bool countStar = previous is { Text: "(" } && next is { Text: ")" };
            bool multiply = previous is { Kind: SqlTokenKind.Number or SqlTokenKind.QuotedIdentifier } or { Text: ")" }
                || (previous is { Kind: SqlTokenKind.Word } word && !Keywords.Contains(word.Text));
            if (!countStar && !multiply)
            {
                return (3, "SELECT * is not allowed: name the columns (personal data columns are not exposed).");
            }
        }

        return (0, null);
    }

    private static (int Rank, string? Reason) CheckWord(List<SqlToken> tokens, int index, HashSet<string> aliases, HashSet<string> ctes, GuardPolicy policy)
    {
        SqlToken token = tokens[index];
        SqlToken? previous = index > 0 ? tokens[index - 1] : null;
        SqlToken? next = index + 1 < tokens.Count ? tokens[index + 1] : null;
        string word = token.Text;
        if (Forbidden.Contains(word))
        {
            return (0, string.Create(CultureInfo.InvariantCulture, $"{word.ToUpperInvariant()} is not allowed: only read-only SELECT statements may run."));
        }

        if (next is { Text: "(" } && previous is not { Text: "." })
        {
            if (IsTableFunctionPosition(previous))
            {
                return (2, $"table function {word} is not allowed: only the customer data tables may be read.");
            }

            return Functions.Contains(word) || Keywords.Contains(word) ? (0, null) : (2, $"function {word} is not allowed.");
        }

        if (Keywords.Contains(word))
        {
            return (0, null);
        }

        return CheckIdentifier(word, previous, next, aliases, ctes, quoted: false, policy);
    }

    /// <summary>Whether the token stands where a table goes: right after FROM or JOIN, or in FROM's comma list.</summary>
    private static bool InFromList(List<SqlToken> tokens, int index)
    {
        int depth = 0;
        for (int i = index - 1; i >= 0; i--)
        {
            SqlToken token = tokens[i];
            if (token.Text == ")")
            {
                depth++;
            }
            else if (token.Text == "(")
            {
                if (depth == 0)
                {
                    return false;
                }

                depth--;
            }
            else if (depth == 0 && token.Kind == SqlTokenKind.Word
                && (token.Is("select") || token.Is("where") || token.Is("group") || token.Is("order") || token.Is("having")
                    || token.Is("on") || token.Is("using") || token.Is("limit") || token.Is("qualify") || token.Is("window")))
            {
                return false;
            }
            else if (depth == 0 && (token.Is("from") || token.Is("join")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTableFunctionPosition(SqlToken? previous) =>
        previous is { Kind: SqlTokenKind.Word } && (previous.Value.Is("from") || previous.Value.Is("join"));

    private static (int Rank, string? Reason) CheckIdentifier(string name, SqlToken? previous, SqlToken? next, HashSet<string> aliases, HashSet<string> ctes, bool quoted, GuardPolicy policy)
    {
        if (policy.Personal.Contains(name))
        {
            return (1, $"column {name} is personal data and is not exposed.");
        }

        if (EvaluationOnly.Contains(name))
        {
            return (1, $"{name} is evaluation-only ground truth and may not be read.");
        }

        if (next is { Text: "." } && !policy.Tables.ContainsKey(name) && !aliases.Contains(name) && !ctes.Contains(name))
        {
            return (2, $"{name}.… is not allowed: only the customer data tables may be read (no schemas or system catalogs).");
        }

        bool tablePosition = previous is { Kind: SqlTokenKind.Word } && (previous.Value.Is("from") || previous.Value.Is("join"));
        if (tablePosition)
        {
            return policy.Tables.ContainsKey(name) || ctes.Contains(name) || policy.Columns.Contains(name)
                ? (0, null)
                : (2, $"table {name} is not allowed: only {string.Join(", ", policy.Tables.Keys)} may be read.");
        }

        if (policy.AllowsColumn(name) || policy.Tables.ContainsKey(name) || aliases.Contains(name) || ctes.Contains(name))
        {
            return (0, null);
        }

        return (4, quoted
            ? $"identifier \"{name}\" is not a column of the customer data tables."
            : $"{name} is not a column of the customer data tables.");
    }

    private static (HashSet<string> Aliases, HashSet<string> Ctes) CollectAliases(List<SqlToken> tokens, GuardPolicy policy)
    {
        HashSet<string> aliases = new(StringComparer.OrdinalIgnoreCase);
        HashSet<string> ctes = new(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < tokens.Count; i++)
        {
            SqlToken token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || (Keywords.Contains(token.Text) && token.Kind == SqlTokenKind.Word))
            {
                continue;
            }

            SqlToken previous = tokens[i - 1];
            bool afterAs = previous.Kind == SqlTokenKind.Word && previous.Is("as");
            bool afterTable = previous.Kind == SqlTokenKind.Word && policy.Tables.ContainsKey(previous.Text) && i >= 2
                && tokens[i - 2].Kind == SqlTokenKind.Word && (tokens[i - 2].Is("from") || tokens[i - 2].Is("join"));
            bool afterSubquery = previous.Text == ")" && token.Kind == SqlTokenKind.Word;
            bool cteName = i + 2 < tokens.Count && tokens[i + 1].Is("as") && tokens[i + 2].Text == "("
                && (tokens[i - 1].Is("with") || tokens[i - 1].Text == ",");
            if (afterAs || afterTable || afterSubquery || cteName)
            {
                if (policy.Personal.Contains(token.Text) || Forbidden.Contains(token.Text) || EvaluationOnly.Contains(token.Text))
                {
                    continue;
                }

                (cteName ? ctes : aliases).Add(token.Text);
            }
        }

        return (aliases, ctes);
    }

    /// <summary>What one business's SQL may read: the tables with their known columns and the personal columns.</summary>
    /// <param name="Personal">Columns never exposed.</param>
    /// <param name="Tables">The tables SQL may read, with the columns known to be there.</param>
    /// <param name="Columns">Every column name SQL may use.</param>
    private sealed record GuardPolicy(HashSet<string> Personal, Dictionary<string, HashSet<string>> Tables, HashSet<string> Columns)
    {
        public bool AllowsColumn(string name) => Columns.Contains(name);
    }
}
