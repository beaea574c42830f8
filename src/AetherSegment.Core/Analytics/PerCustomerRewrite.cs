using System.Text;

namespace AetherSegment.Analytics;

/// <summary>
/// The aggregates of order measures rewritten over one row per buyer (<c>p</c>, the buyer's orders totalled first):
/// the count of distinct buyers becomes <c>COUNT(*)</c>, <c>SUM(x)</c> the sum of the per-buyer sums and
/// <c>COUNT(*)</c> the sum of the per-buyer counts. Any other aggregate, a column outside an aggregate, a function other
/// than <c>NULLIF</c>, <c>COALESCE</c> and <c>CAST</c>, or a quoted text makes an expression unrewritable, so the
/// caller keeps the plain join. Not thread-safe; one per compiled question.
/// </summary>
internal sealed class PerCustomerRewrite(string distinctBuyers)
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "NULLIF", "COALESCE", "CAST", "AS", "DOUBLE", "FLOAT64", "BIGINT", "INT64", "NUMERIC", "DECIMAL",
    };

    private readonly List<string> _parts = [];
    private readonly Dictionary<string, string> _outer = new(StringComparer.Ordinal);

    /// <summary>The per-buyer aggregates, in the order the outer expressions name them (<c>p.per_customer_1</c>, ...).</summary>
    public IReadOnlyList<string> Parts => _parts;

    /// <summary>Rewrites an expression; false when it cannot be read over one row per buyer.</summary>
    public bool TryAdd(string expression)
    {
        if (_outer.ContainsKey(expression))
        {
            return true;
        }

        if (Rewrite(expression) is not { } outer)
        {
            return false;
        }

        _outer[expression] = outer;
        return true;
    }

    /// <summary>The rewritten form of an expression added with <see cref="TryAdd"/>.</summary>
    public string Outer(string expression) =>
        _outer.TryGetValue(expression, out string? outer) ? outer : throw new InvalidOperationException($"'{expression}' was not rewritten per customer.");

    private string? Rewrite(string expression)
    {
        if (expression.AsSpan().IndexOfAny('\'', '"', '`') >= 0)
        {
            return null;
        }

        StringBuilder outer = new();
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                string word = expression[start..i];
                bool call = i < expression.Length && expression[i] == '(';
                if (call && (word.Equals("SUM", StringComparison.OrdinalIgnoreCase) || word.Equals("COUNT", StringComparison.OrdinalIgnoreCase)))
                {
                    int close = Close(expression, i);
                    if (close < 0)
                    {
                        return null;
                    }

                    string aggregate = expression[start..(close + 1)];
                    string inner = expression[(i + 1)..close].Trim();
                    string? replaced = aggregate == distinctBuyers ? "COUNT(*)"
                        : word.Equals("COUNT", StringComparison.OrdinalIgnoreCase) && inner == "*" ? $"COALESCE(CAST(SUM(p.{Part("COUNT(*)")}) AS BIGINT), 0)"
                        : word.Equals("SUM", StringComparison.OrdinalIgnoreCase) && !inner.StartsWith("DISTINCT", StringComparison.OrdinalIgnoreCase) && !NestedAggregate(inner) ? $"SUM(p.{Part(aggregate)})"
                        : null;
                    if (replaced is null)
                    {
                        return null;
                    }

                    outer.Append(replaced);
                    i = close + 1;
                    continue;
                }

                if (!Allowed.Contains(word))
                {
                    return null;
                }

                outer.Append(word);
                continue;
            }

            if (!(char.IsWhiteSpace(c) || char.IsAsciiDigit(c) || c is '.' or ',' or '(' or ')' or '+' or '-' or '*' or '/'))
            {
                return null;
            }

            outer.Append(c);
            i++;
        }

        return outer.ToString();
    }

    private string Part(string aggregate)
    {
        int index = _parts.IndexOf(aggregate);
        if (index < 0)
        {
            _parts.Add(aggregate);
            index = _parts.Count - 1;
        }

        return PartName(index);
    }

    /// <summary>The column name of the per-buyer aggregate at an index of <see cref="Parts"/>.</summary>
    public static string PartName(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"per_customer_{index + 1}");

    // The index of the parenthesis closing the one at open, or -1.
    private static int Close(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NestedAggregate(string inner)
    {
        foreach (string name in (string[])["SUM(", "COUNT(", "AVG(", "MIN(", "MAX("])
        {
            if (inner.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
