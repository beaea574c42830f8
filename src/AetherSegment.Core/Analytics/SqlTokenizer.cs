namespace AetherSegment.Analytics;

/// <summary>The kinds of token the SQL guard distinguishes.</summary>
internal enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Parameter,
    Symbol,
}

/// <summary>One token of a SQL text; quoted identifiers carry their unquoted name.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text)
{
    public bool Is(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A small lexer for the SQL guard: words, quoted identifiers (<c>"x"</c>, <c>`x`</c>), string literals (with doubled
/// quotes or backslash escapes), numbers, parameters and symbols. Comments and characters it does not know are
/// errors, so nothing can hide from the checks.
/// </summary>
internal static class SqlTokenizer
{
    public static bool TryTokenize(string sql, out List<SqlToken> tokens, out string? error)
    {
        tokens = [];
        error = null;
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if ((c == '-' && Peek(sql, i + 1) == '-') || (c == '/' && Peek(sql, i + 1) == '*') || c == '#')
            {
                error = "comments are not allowed in the SQL.";
                return false;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[start..i]));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(sql, i + 1))))
            {
                int start = i;
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.' || ((sql[i] == 'e' || sql[i] == 'E') && i + 1 < sql.Length && (char.IsAsciiDigit(sql[i + 1]) || sql[i + 1] is '-' or '+'))))
                {
                    i += (sql[i] == 'e' || sql[i] == 'E') ? 2 : 1;
                }

                if (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_'))
                {
                    error = $"unexpected text after the number {sql[start..i]}.";
                    return false;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, sql[start..i]));
                continue;
            }

            if (c is '\'' or '"' or '`')
            {
                if (!TryReadQuoted(sql, ref i, c, out string content))
                {
                    error = "a quoted string or identifier is not closed.";
                    return false;
                }

                tokens.Add(new SqlToken(c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier, content));
                continue;
            }

            if (c is '$' or '@' or '?')
            {
                int start = i++;
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] is '_' or '@' or '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Parameter, sql[start..i]));
                continue;
            }

            string? symbol = ReadSymbol(sql, i);
            if (symbol is null)
            {
                error = $"unexpected character '{c}' in the SQL.";
                return false;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Symbol, symbol));
            i += symbol.Length;
        }

        return true;
    }

    private static char Peek(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool TryReadQuoted(string sql, ref int i, char quote, out string content)
    {
        System.Text.StringBuilder text = new();
        i++;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c == '\\' && quote == '\'' && i + 1 < sql.Length)
            {
                text.Append(sql[i + 1]);
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (Peek(sql, i + 1) == quote)
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                content = text.ToString();
                return true;
            }

            text.Append(c);
            i++;
        }

        content = "";
        return false;
    }

    private static string? ReadSymbol(string sql, int i)
    {
        string two = i + 1 < sql.Length ? sql.Substring(i, 2) : "";
        if (two is "<=" or ">=" or "<>" or "!=" or "::" or "||")
        {
            return two;
        }

        char c = sql[i];
        return c is '(' or ')' or ',' or '.' or '*' or '+' or '-' or '/' or '%' or '=' or '<' or '>' or ';' ? c.ToString() : null;
    }
}
