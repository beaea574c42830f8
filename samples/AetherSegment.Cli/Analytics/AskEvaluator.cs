using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AetherSegment.Analytics;
using AetherSegment.Data;

namespace AetherSegment.Cli.Analytics;

/// <summary>One labelled question of an <c>aether ask --eval</c> file: its group, the question and SQL that computes the truth (null: it must be declined).</summary>
internal sealed record LabelledQuestion(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("truth")] string? Truth);

/// <summary>The counts of one group of an evaluation.</summary>
internal sealed record AskGroupReport(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("answered")] int Answered,
    [property: JsonPropertyName("right")] int Right,
    [property: JsonPropertyName("wrong")] int Wrong,
    [property: JsonPropertyName("declined")] int Declined);

/// <summary>The report of <c>aether ask --eval</c>: totals, per group, and every wrong answer with why.</summary>
internal sealed record AskEvalReport(
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("answered")] int Answered,
    [property: JsonPropertyName("right")] int Right,
    [property: JsonPropertyName("wrong")] int Wrong,
    [property: JsonPropertyName("declined")] int Declined,
    [property: JsonPropertyName("right_share")] double RightShare,
    [property: JsonPropertyName("groups")] IReadOnlyList<AskGroupReport> Groups,
    [property: JsonPropertyName("wrong_answers")] IReadOnlyList<string> WrongAnswers,
    [property: JsonPropertyName("declined_questions")] IReadOnlyList<string> DeclinedQuestions);

/// <summary>
/// Scores <see cref="IAnalyticsService"/> against questions whose truth is SQL written by hand. An answer is right when
/// its rows hold the truth's values: a single value (the answer's first column) or, keyed by the first column, one
/// value per group (the answer's last column), numbers within a relative 1e-6, or, where the truth SQL rounds
/// (<c>round(x, 4)</c>), within half a step of its fewest digits, so that 0.45736 answers a truth of 0.4574. A question whose truth is null must
/// be declined; answering it is wrong. A declined answerable question is counted as declined, not wrong.
/// </summary>
internal static partial class AskEvaluator
{
    public static IReadOnlyList<LabelledQuestion> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"--eval file {path} does not exist.");
        }

        List<LabelledQuestion> questions = [];
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                questions.Add(JsonSerializer.Deserialize<LabelledQuestion>(text) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--eval file {path} line {line} is not a labelled question ({ex.Message})."));
            }
        }

        return questions;
    }

    public static async Task<AskEvalReport> EvaluateAsync(IAnalyticsService analytics, IDataStore store, IReadOnlyList<LabelledQuestion> questions, CancellationToken cancellationToken)
    {
        Dictionary<string, int[]> groups = new(StringComparer.Ordinal);
        List<string> wrong = [];
        List<string> declined = [];
        foreach (LabelledQuestion item in questions)
        {
            if (!groups.TryGetValue(item.Group, out int[]? counts))
            {
                groups[item.Group] = counts = new int[5];
            }

            counts[0]++;
            AnalyticsAnswer answer = await analytics.AskAsync(item.Question, cancellationToken).ConfigureAwait(false);
            bool answered = answer.Status == AnalyticsAnswerStatus.Answered;
            if (answered)
            {
                counts[1]++;
            }

            if (item.Truth is null)
            {
                // Must be declined: a decline is right, an answer is wrong.
                if (answered)
                {
                    counts[3]++;
                    wrong.Add($"{item.Question}: answered a question that must be declined ({answer.Restatement})");
                }
                else
                {
                    counts[2]++;
                    counts[4]++;
                }

                continue;
            }

            if (!answered)
            {
                counts[4]++;
                declined.Add($"{item.Question}: {answer.Answer}");
                continue;
            }

            QueryResult truth = await store.QueryAsync(new SqlStatement(item.Truth), cancellationToken).ConfigureAwait(false);
            if (Compare(truth, answer, RoundingTolerance(item.Truth)) is { } why)
            {
                counts[3]++;
                wrong.Add($"{item.Question}: {why} ({answer.Restatement})");
            }
            else
            {
                counts[2]++;
            }
        }

        List<AskGroupReport> reports = [.. groups.Select(g => new AskGroupReport(g.Key, g.Value[0], g.Value[1], g.Value[2], g.Value[3], g.Value[4]))];
        int total = reports.Sum(r => r.Questions);
        int right = reports.Sum(r => r.Right);
        return new AskEvalReport(total, reports.Sum(r => r.Answered), right, reports.Sum(r => r.Wrong), reports.Sum(r => r.Declined),
            total == 0 ? 0 : Math.Round((double)right / total, 4), reports, wrong, declined);
    }

    /// <summary>
    /// Half a step of the fewest digits the truth SQL rounds to (<c>round(avg(x), 4)</c>: 0.00005); 0 where it does not round.
    /// </summary>
    internal static double RoundingTolerance(string truth)
    {
        string sql = StringLiteralRegex().Replace(truth, "''");
        int? digits = null;
        foreach (System.Text.RegularExpressions.Match match in RoundCallRegex().Matches(sql))
        {
            if (RoundDigits(sql, match.Index + match.Length) is { } d)
            {
                digits = digits is { } fewest ? Math.Min(fewest, d) : d;
            }
        }

        return digits is { } places ? 0.5 * Math.Pow(10, -places) : 0;
    }

    // The digits argument of a round(…, N) call whose arguments start at <paramref name="start"/>: the last argument at the
    // call's own depth, however deeply its first argument nests brackets (round(100.0 * (sum(year(x)) - 1), 2)).
    private static int? RoundDigits(string sql, int start)
    {
        int depth = 0;
        int lastComma = -1;
        for (int i = start; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case '(':
                    depth++;
                    break;
                case ',' when depth == 0:
                    lastComma = i;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case ')':
                    return lastComma >= 0 && int.TryParse(sql.AsSpan(lastComma + 1, i - lastComma - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int d) ? d : null;
            }
        }

        return null;
    }

    // The start of a round( call; its arguments are read by RoundDigits.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\bround\s*\(")]
    private static partial System.Text.RegularExpressions.Regex RoundCallRegex();

    [System.Text.RegularExpressions.GeneratedRegex("'(?:[^']|'')*'")]
    private static partial System.Text.RegularExpressions.Regex StringLiteralRegex();

    private static string? Compare(QueryResult truth, AnalyticsAnswer answer, double tolerance)
    {
        if (truth.Columns.Count == 1 && truth.Rows.Count > 1)
        {
            return CompareNames(truth, answer);
        }

        if (truth.Columns.Count == 1)
        {
            object? expected = truth.Rows.Count == 0 ? null : truth.Rows[0][0];
            if (answer.Rows.Count > 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"expected one value, got {answer.Rows.Count} rows");
            }

            object? actual = answer.Rows.Count == 0 ? null : answer.Rows[0][answer.Columns[0]];
            return Same(expected, actual, tolerance) || SameProportion(answer.Columns[0], expected, actual, tolerance) ? null : $"expected {Show(expected)}, got {Show(actual)}";
        }

        Dictionary<string, object?> expectedByKey = new(StringComparer.Ordinal);
        foreach (object?[] row in truth.Rows)
        {
            expectedByKey[Key(row[0])] = row[^1];
        }

        if (answer.Rows.Count != expectedByKey.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected {expectedByKey.Count} rows, got {answer.Rows.Count}");
        }

        Dictionary<string, string> periods = PeriodKeys(answer, expectedByKey.Keys, truth);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Key(row[answer.Columns[0]]);
            key = periods.GetValueOrDefault(key, key);
            if (!expectedByKey.ContainsKey(key) && NamedMonth(key, expectedByKey.Keys) is { } month)
            {
                // A period row labelled by its month ("september"), against a truth keyed by the month's first day.
                key = month;
            }

            if (!expectedByKey.ContainsKey(key) && NamedQuarter(key, expectedByKey.Keys, answer) is { } quarter)
            {
                // A quarter row keyed by its first day, against a truth labelled "Q1", "2025-Q1" or "Q1 2025".
                key = quarter;
            }

            if (!expectedByKey.ContainsKey(key) && QuarterWithoutYear(key, expectedByKey.Keys, answer) is { } bare)
            {
                // Two quarters of one year labelled "Q1 2026", against a truth labelled "Q1".
                key = bare;
            }

            if (!expectedByKey.ContainsKey(key) && NamedHalf(key, expectedByKey.Keys) is { } half)
            {
                // A half year labelled "first half of 2026", against a truth labelled "H1 2026", "2026 H1" or "2026-H1".
                key = half;
            }

            if (!expectedByKey.ContainsKey(key) && PeriodWordsWithin(key, expectedByKey.Keys, answer) is { } within)
            {
                // A period labelled "last month" or "oct", against a truth labelled "last month (Nov 2026)" or "Oct 2026".
                key = within;
            }

            if (!expectedByKey.TryGetValue(key, out object? expected))
            {
                return $"unexpected row {key}";
            }

            object? actual = row[answer.Columns[^1]];
            if (!Same(expected, actual, tolerance) && !SameProportion(answer.Columns[^1], expected, actual, tolerance))
            {
                return $"{key}: expected {Show(expected)}, got {Show(actual)}";
            }
        }

        return null;
    }

    /// <summary>
    /// A top N whose truth lists only the names, in order (one column, several rows): the answer's first column must hold
    /// the same names in the same order, except that names whose answered values tie may come in either order.
    /// </summary>
    private static string? CompareNames(QueryResult truth, AnalyticsAnswer answer)
    {
        string[] expected = [.. truth.Rows.Select(r => Key(r[0]))];
        string[] actual = [.. answer.Rows.Select(r => Key(r[answer.Columns[0]]))];
        if (actual.Length != expected.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected {expected.Length} rows, got {actual.Length}");
        }

        if (!expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return $"expected {string.Join(", ", expected)}, got {string.Join(", ", actual)}";
        }

        for (int i = 0; i < expected.Length; i++)
        {
            int at = Array.IndexOf(actual, expected[i]);
            if (at != i && !Same(answer.Rows[at][answer.Columns[^1]], answer.Rows[i][answer.Columns[^1]], 0))
            {
                return $"expected the order {string.Join(", ", expected)}, got {string.Join(", ", actual)}";
            }
        }

        return null;
    }

    /// <summary>
    /// The truth key of each row of two compared periods (an answer keyed by "period", earlier row first) that the truth
    /// names otherwise: "the 30 days before" against 'previous 30 days', "last year" against 2025. The one row whose label
    /// the truth does not hold takes the one key left; two rows whose labels it holds neither take two keys that are years
    /// or days in their order. Empty when nothing is to map.
    /// </summary>
    private static Dictionary<string, string> PeriodKeys(AnalyticsAnswer answer, IEnumerable<string> truthKeys, QueryResult truth)
    {
        Dictionary<string, string> map = new(StringComparer.Ordinal);
        List<string> keys = [.. truthKeys];
        if (answer.Columns[0] != "period" || answer.Rows.Count != 2 || keys.Count != 2)
        {
            return map;
        }

        string[] labels = [.. answer.Rows.Select(r => Key(r[answer.Columns[0]]))];
        List<string> unmatched = [.. labels.Where(l => !keys.Contains(l))];
        List<string> left = [.. keys.Where(k => !labels.Contains(k))];
        if (unmatched.Count == 1 && left.Count == 1)
        {
            map[unmatched[0]] = left[0];
        }
        else if (unmatched.Count == 2 && truth.Rows.All(r => r[0] is int or long or short or DateTime or DateTimeOffset or DateOnly || (r[0] is string text && OrderedKeyRegex().IsMatch(text))))
        {
            left.Sort(StringComparer.Ordinal);
            map[labels[0]] = left[0];
            map[labels[1]] = left[1];
        }

        return map;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex OrderedKeyRegex();

    // Dates as days; a month written as text ("2026-01", as a truth may key a monthly breakdown) as its first day, the
    // key a monthly answer gives.
    private static string Key(object? value) => value switch
    {
        null => "(null)",
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string month when MonthKeyRegex().IsMatch(month) => month + "-01",
        _ => value.ToString() ?? "",
    };

    /// <summary>The one truth key "yyyy-MM-01" of the month a label names ("september", "september 2026"); null otherwise.</summary>
    private static string? NamedMonth(string label, IEnumerable<string> keys)
    {
        string[] words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int month = words.Length is 1 or 2 ? Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m => m.Length > 0 && string.Equals(m, words[0], StringComparison.OrdinalIgnoreCase)) + 1 : 0;
        if (month == 0)
        {
            return null;
        }

        string suffix = string.Create(CultureInfo.InvariantCulture, $"-{month:00}-01");
        List<string> matches = [.. keys.Where(k => k.Length == 10 && k.EndsWith(suffix, StringComparison.Ordinal) && (words.Length == 1 || k.StartsWith(words[1] + "-", StringComparison.Ordinal)))];
        return matches.Count == 1 ? matches[0] : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex MonthKeyRegex();

    /// <summary>
    /// The one truth key of a compared period (an answer keyed by "period") that holds every word of the answer's label,
    /// a month named by its first three letters either way ("oct" within "Oct 2026", "last month" within
    /// "last month (Nov 2026)"); null when none or several hold them.
    /// </summary>
    private static string? PeriodWordsWithin(string label, IEnumerable<string> keys, AnalyticsAnswer answer)
    {
        if (answer.Columns[0] != "period")
        {
            return null;
        }

        string[] words = PeriodWords(label);
        List<string> matches = [.. keys.Where(k => words.Length > 0 && words.All(PeriodWords(k).Contains))];
        return matches.Count == 1 ? matches[0] : null;
    }

    // The words of a period label, lower case, months shortened to their first three letters ("October" as "oct").
    private static string[] PeriodWords(string label) =>
        [.. PeriodWordRegex().Matches(label.ToLowerInvariant()).Select(m => CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Any(n => n.Length > 0 && string.Equals(n, m.Value, StringComparison.OrdinalIgnoreCase)) ? m.Value[..3] : m.Value)];

    [System.Text.RegularExpressions.GeneratedRegex(@"[a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex PeriodWordRegex();

    /// <summary>
    /// The one truth key naming the quarter that starts on <paramref name="key"/> ("2025-04-01"): "2025-Q2", "Q2 2025",
    /// "2025 Q2", or "Q2" when every row of the answer is in that one year; null otherwise.
    /// </summary>
    private static string? NamedQuarter(string key, IEnumerable<string> keys, AnalyticsAnswer answer)
    {
        if (answer.Columns[0] != "quarter" || key.Length != 10 || !key.EndsWith("-01", StringComparison.Ordinal) || key[5..7] is not ("01" or "04" or "07" or "10"))
        {
            return null;
        }

        string year = key[..4];
        string q = "Q" + ((int.Parse(key[5..7], CultureInfo.InvariantCulture) + 2) / 3).ToString(CultureInfo.InvariantCulture);
        bool oneYear = answer.Rows.All(r => Key(r[answer.Columns[0]]).StartsWith(year, StringComparison.Ordinal));
        List<string> matches = [.. keys.Where(k => k.Equals(year + "-" + q, StringComparison.OrdinalIgnoreCase) || k.Equals(q + " " + year, StringComparison.OrdinalIgnoreCase)
            || k.Equals(year + " " + q, StringComparison.OrdinalIgnoreCase) || (oneYear && k.Equals(q, StringComparison.OrdinalIgnoreCase)))];
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The one truth key ("H1 2026", "2026 H1", "2026-H1") of the half year a label names ("first half of 2026"); null otherwise.</summary>
    private static string? NamedHalf(string label, IEnumerable<string> keys)
    {
        System.Text.RegularExpressions.Match said = HalfLabelRegex().Match(label);
        if (!said.Success)
        {
            return null;
        }

        string h = said.Groups["which"].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? "H1" : "H2";
        string year = said.Groups["year"].Value;
        List<string> matches = [.. keys.Where(k => k.Equals(h + " " + year, StringComparison.OrdinalIgnoreCase) || k.Equals(year + " " + h, StringComparison.OrdinalIgnoreCase)
            || k.Equals(year + "-" + h, StringComparison.OrdinalIgnoreCase))];
        return matches.Count == 1 ? matches[0] : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<which>first|second) half of (?<year>\d{4})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex HalfLabelRegex();

    /// <summary>
    /// A period row labelled by its quarter and year ("Q1 2026"), when every row is of that year, against a truth that
    /// labels the quarters alone ("Q1").
    /// </summary>
    private static string? QuarterWithoutYear(string key, IEnumerable<string> keys, AnalyticsAnswer answer)
    {
        if (answer.Columns[0] != "period" || key.Length != 7 || key[0] != 'Q' || key[2] != ' ')
        {
            return null;
        }

        string year = key[3..];
        bool oneYear = answer.Rows.All(r => Key(r[answer.Columns[0]]) is { Length: 7 } k && k.EndsWith(" " + year, StringComparison.Ordinal));
        string bare = key[..2];
        return oneYear && keys.Contains(bare, StringComparer.OrdinalIgnoreCase) ? keys.First(k => k.Equals(bare, StringComparison.OrdinalIgnoreCase)) : null;
    }

    private static bool Same(object? expected, object? actual, double tolerance)
    {
        if (expected is null || actual is null)
        {
            // "No data" is the same as zero rows or a null aggregate; a count of zero is zero.
            return (expected is null || IsZero(expected)) && (actual is null || IsZero(actual));
        }

        if (IsNumber(expected) && IsNumber(actual))
        {
            double e = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
            double a = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
            return Math.Abs(e - a) <= Math.Max(1e-6 * Math.Max(1, Math.Abs(e)), tolerance + 1e-12);
        }

        return Key(expected) == Key(actual);
    }

    /// <summary>
    /// A proportion answered as a fraction (a column named as a share, rate, lift or growth: 0.093) against a truth written
    /// as a percentage (9.3), the same figure (the answer's text prints it as 9.3%).
    /// </summary>
    private static bool SameProportion(string column, object? expected, object? actual, double tolerance) =>
        ProportionColumnRegex().IsMatch(column) && expected is not null && actual is not null && IsNumber(expected) && IsNumber(actual)
        && Same(expected, Convert.ToDouble(actual, CultureInfo.InvariantCulture) * 100, tolerance);

    [System.Text.RegularExpressions.GeneratedRegex(@"share|rate|uplift|lift|growth|change|percent|pct")]
    private static partial System.Text.RegularExpressions.Regex ProportionColumnRegex();

    private static bool IsZero(object value) => IsNumber(value) && Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0;

    private static bool IsNumber(object value) => value is byte or short or int or long or float or double or decimal or System.Numerics.BigInteger or ulong or uint or Int128 or UInt128;

    private static string Show(object? value) => value is null ? "no data" : Key(value);
}
