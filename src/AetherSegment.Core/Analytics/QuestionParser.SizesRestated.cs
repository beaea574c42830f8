using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Sessions and carts as things with sizes (stop 43, ask49): a bracket that restates, with the data model's own column and
// table names, what the words around it already say. "sessions that lasted longer than 10 minutes (<duration column> >
// 600)", "carts with exactly 3 items (<item count column> = 3)", "sessions this month (distinct <session column>)",
// "events per device (count each row in <events table>)", "average session length in seconds by device [<duration
// column>, counting each session once]", "sessions per customer (count distinct <session column> per <customer column>)".
// The names come from the profile's mapping, never from Core. A bracket is dropped only when it says the same thing as
// the words outside it (the same number and comparison in the same unit, the same count); one that says something else,
// or that stands alone, is kept and the question reads (or declines) as before.
internal static partial class QuestionParser
{
    /// <summary>The question with the brackets that restate its session and cart sizes in column names dropped.</summary>
    private static string SizesRestatedSaid(string question, SemanticLayer layer)
    {
        if (question.IndexOf('(', StringComparison.Ordinal) < 0 && question.IndexOf('[', StringComparison.Ordinal) < 0)
        {
            return question;
        }

        SizeColumns columns = SizeColumns.Of(layer);
        if (!columns.Any || !columns.NamedIn(question))
        {
            return question;
        }

        return RestatingBracketRegex().Replace(question, m =>
        {
            string outside = QuestionText.Normalize(string.Concat(question.AsSpan(0, m.Index), " ", question.AsSpan(m.Index + m.Length)));
            return SizeRestated(m.Groups["body"].Value.Trim().ToLowerInvariant(), " " + outside + " ", columns) is { } kept ? " " + kept + " " : m.Value;
        });
    }

    // What a bracket says said plainly ("" when it only repeats the words outside it), or null to keep it as written.
    private static string? SizeRestated(string body, string outside, SizeColumns columns)
    {
        if (SizeComparisonRegex().Match(body) is { Success: true } compared)
        {
            string column = compared.Groups["col"].Value;
            double value = double.Parse(compared.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            string op = compared.Groups["op"].Value;
            if (column == columns.Duration)
            {
                return SameSessionLength(outside, op, value) ? "" : null;
            }

            return column == columns.ItemCount && SameItemCount(outside, op, value) ? "" : null;
        }

        string[] words = body.Split([' ', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        bool sessions = outside.Contains(" session", StringComparison.Ordinal) || outside.Contains(" visit", StringComparison.Ordinal);
        if (columns.SessionId is { } sessionId && Array.IndexOf(words, sessionId) >= 0)
        {
            // "(distinct session_id)", "(count distinct session_id per customer_id)": the count of sessions said again.
            bool perCustomer = columns.CustomerId is { } customerId && words.Length >= 2 && words[^1] == customerId && words[^2] is "per" or "by" or "for";
            bool counted = Array.TrueForAll(perCustomer ? words[..^2] : words, w => w == sessionId || w is "count" or "counting" or "counted" or "distinct" or "unique" or "number" or "of" or "the");
            bool saidPerCustomer = outside.Contains(" per customer ", StringComparison.Ordinal) || outside.Contains(" each customer ", StringComparison.Ordinal);
            return counted && sessions && (!perCustomer || saidPerCustomer) ? "" : null;
        }

        if (columns.Duration is { } duration && Array.IndexOf(words, duration) >= 0)
        {
            // "[session_duration_seconds, counting each session once]": the duration measure said by its column.
            bool said = sessions && (outside.Contains(" length", StringComparison.Ordinal) || outside.Contains(" duration", StringComparison.Ordinal) || outside.Contains(" time ", StringComparison.Ordinal));
            string rest = string.Join(' ', words.Where(w => w != duration));
            return said && (rest.Length == 0 || OncePerSessionSaidRegex().IsMatch(" " + rest + " ")) ? rest : null;
        }

        if (RowsOfTableRegex().Match(body) is { Success: true } rows)
        {
            // "(count each row in <events table>)": the count of the table's rows, which events and carts are.
            string table = rows.Groups["table"].Value;
            bool events = table == columns.EventsTable && (outside.Contains(" events ", StringComparison.Ordinal) || outside.Contains(" event ", StringComparison.Ordinal));
            bool carts = table == columns.CartsTable && (outside.Contains(" carts ", StringComparison.Ordinal) || outside.Contains(" cart ", StringComparison.Ordinal)) && !outside.Contains(" item", StringComparison.Ordinal);
            return events || carts ? "" : null;
        }

        return null;
    }

    // Whether the words outside compare each session's duration as the bracket does: the same operator and seconds.
    private static bool SameSessionLength(string outside, string op, double seconds)
    {
        MatchCollection lengths = SessionLengthRegex().Matches(outside);
        if (lengths.Count != 1)
        {
            return false;
        }

        Match m = lengths[0];
        double amount = LanguageWords.TryReadCountWord(m.Groups["n"].Value, out int word) ? word : double.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        double factor = m.Groups["unit"].Value[0] switch { 'h' => 3600, 'm' => 60, _ => 1 };
        string said = m.Groups["op"].Value switch
        {
            "longer than" or "more than" or "over" or "above" or "greater than" or "in excess of" => ">",
            "at least" or "no less than" or "no shorter than" => ">=",
            "at most" or "no more than" or "no longer than" or "up to" => "<=",
            _ => "<",
        };
        return said == Operator(op) && Math.Abs(amount * factor - seconds) < 1e-9;
    }

    // Whether the words outside compare each cart's number of items as the bracket does.
    private static bool SameItemCount(string outside, string op, double count)
    {
        MatchCollection counts = ItemCountSaidRegex().Matches(outside);
        if (counts.Count != 1)
        {
            return false;
        }

        Match m = counts[0];
        double amount = LanguageWords.TryReadCountWord(m.Groups["n"].Value, out int word) ? word : double.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        string said = m.Groups["more"].Success ? ">=" : m.Groups["fewer"].Success ? "<=" : m.Groups["op"].Value switch
        {
            "exactly" => "=",
            "more than" or "over" or "above" or "greater than" => ">",
            "at least" or "no fewer than" or "no less than" => ">=",
            "fewer than" or "less than" or "under" or "below" => "<",
            "at most" or "no more than" or "up to" => "<=",
            _ => "",
        };
        return said.Length > 0 && said == Operator(op) && Math.Abs(amount - count) < 1e-9;
    }

    private static string Operator(string op) => op switch
    {
        "=>" => ">=",
        "=<" => "<=",
        "==" => "=",
        _ => op,
    };

    /// <summary>The profile's own names of the columns and tables a size is said with (lower case), read once per layer.</summary>
    private sealed class SizeColumns
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SemanticLayer, SizeColumns> s_known = [];

        public string? Duration { get; private init; }

        public string? SessionId { get; private init; }

        public string? CustomerId { get; private init; }

        public string? ItemCount { get; private init; }

        public string? EventsTable { get; private init; }

        public string? CartsTable { get; private init; }

        public bool Any => Duration is not null || SessionId is not null || ItemCount is not null || EventsTable is not null || CartsTable is not null;

        public static SizeColumns Of(SemanticLayer layer) => s_known.GetValue(layer, static l => Read(l.Profile));

        // Whether the question names one of the columns or tables (a cheap test before any bracket is read).
        public bool NamedIn(string question) =>
            Named(question, Duration) || Named(question, SessionId) || Named(question, ItemCount) || Named(question, EventsTable) || Named(question, CartsTable);

        private static bool Named(string question, string? name) => name is not null && question.Contains(name, StringComparison.OrdinalIgnoreCase);

        private static SizeColumns Read(BusinessProfile profile)
        {
            EntityMapping? events = profile.Entities.Get(EntityKind.Events);
            EntityMapping? carts = profile.Entities.Get(EntityKind.Carts);
            return new SizeColumns
            {
                Duration = Name(events?.Column("session_duration_seconds")),
                SessionId = Name(events?.Column("session_id")),
                CustomerId = Name(events?.Column("customer_id")) ?? Name(profile.Entities.Customers.Column("customer_id")) ?? "customer_id",
                ItemCount = Name(carts?.Column("item_count")),
                EventsTable = TableName(events),
                CartsTable = TableName(carts),
            };
        }

        // A plain column name the question could type (an expression is not one).
        private static string? Name(string? column) => column is not null && ProfileSql.IsColumnName(column) ? column.ToLowerInvariant() : null;

        private static string? TableName(EntityMapping? entity) => entity?.Table is { } table && table[(table.LastIndexOf('.') + 1)..] is { Length: > 0 } last && ProfileSql.IsColumnName(last) ? last.ToLowerInvariant() : null;
    }

    // "(...)" or "[...]" of a few words, without brackets inside.
    [GeneratedRegex(@"\s*[\(\[](?<body>[^()\[\]]{1,120})[\)\]]", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RestatingBracketRegex();

    // "session_duration_seconds > 600", "item_count = 3", "item_count >= 3".
    [GeneratedRegex(@"^(?:where |with |i\.?e\.? |ie )?(?<col>[a-z][a-z0-9_]*) ?(?<op>>=|<=|=>|=<|==|>|<|=) ?(?<n>\d{1,6}(?:\.\d{1,3})?)$", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SizeComparisonRegex();

    // "count each row in <events table>", "counting every row of <table>", "each row in <table> counted", "rows in <table>".
    [GeneratedRegex(@"^(?:(?:count|counting|counted) )?(?:each |every |all |the )?rows? (?:in|of|from) (?:the )?(?<table>[a-z][a-z0-9_]*)(?: table)?(?: (?:counted|once))*$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsOfTableRegex();

    // "exactly 3 items", "3 or more items", "more than 2 items", "at most 4 items" (on normalized text).
    [GeneratedRegex(@"(?<= )(?:(?<op>exactly|more than|over|above|greater than|at least|no fewer than|no less than|fewer than|less than|under|below|at most|no more than|up to) )?(?<n>\d{1,6}|" + LanguageWords.CountWordPattern + @")(?: (?:(?<more>or more|or above|plus)|(?<fewer>or fewer|or less)))? (?:line )?items?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ItemCountSaidRegex();

    [GeneratedRegex(@"(?<= )(?:(?:counting|count|counted) (?:each|every) session (?:only )?once|(?:each|every) session (?:counted|counting )?(?:only )?once|(?:counted )?once per session|per session)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OncePerSessionSaidRegex();
}
