using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace AetherSegment.Analytics;

/// <summary>Normalizes question text for matching: lower case, "&amp;" as "and", apostrophes dropped, other punctuation as spaces.</summary>
internal static class QuestionText
{
    public static string Normalize(string text)
    {
        // One question is normalized several times (each reading and rewrite normalizes what it is given): the last few
        // texts are kept per thread, so each is normalized once.
        NormalizeMemo memo = t_recent ??= new NormalizeMemo();
        if (memo.Find(text) is { } known)
        {
            return known;
        }

        string normalized = NormalizeOnce(text);
        memo.Add(text, normalized);
        return normalized;
    }

    /// <summary>Forgets this thread's recent texts, so the next one is normalized from scratch (for a benchmark).</summary>
    internal static void ForgetRecent() => t_recent?.Clear();

    [ThreadStatic]
    private static NormalizeMemo? t_recent;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>The last 64 texts normalized (stop 48, was sixteen), and what each became.</summary>
    private sealed class NormalizeMemo
    {
        private readonly string?[] _texts = new string?[64];
        private readonly string?[] _normalized = new string?[64];
        private int _next;

        public string? Find(string text)
        {
            for (int i = 0; i < _texts.Length; i++)
            {
                if (string.Equals(_texts[i], text, StringComparison.Ordinal))
                {
                    return _normalized[i];
                }
            }

            return null;
        }

        public void Clear()
        {
            Array.Clear(_texts);
            Array.Clear(_normalized);
        }

        public void Add(string text, string normalized)
        {
            _texts[_next] = text;
            _normalized[_next] = normalized;
            _next = (_next + 1) % _texts.Length;
        }
    }

    private static string NormalizeOnce(string text)
    {
        // One builder per thread (Normalize does not call itself).
        StringBuilder normalized = t_builder ??= new StringBuilder(256);
        normalized.Clear();
        normalized.Append(' ');
        bool space = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToLowerInvariant(text[i]);
            bool digitBefore = i > 0 && char.IsAsciiDigit(text[i - 1]);
            bool digitAfter = i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);

            // Numbers keep their decimals ("0.7"), lose their thousands separators ("1,000") and say their units
            // ("$500" is "dollars 500", "70%" is "70 percent", "what %" is "what percent"), so a comparison can be read.
            if (c == '.' && digitBefore && digitAfter)
            {
                normalized.Append('.');
                continue;
            }

            if (c == ',' && digitBefore && digitAfter)
            {
                continue;
            }

            if (c == '$' && digitAfter)
            {
                normalized.Append(space ? "dollars " : " dollars ");
                space = true;
                continue;
            }

            // "what % of orders" is "what percent of orders": the sign is read as the word wherever it stands, never
            // dropped as punctuation (a dropped "%" turned a share into a count).
            // "3+ orders" is "3 or more orders".
            if (c == '+' && digitBefore)
            {
                normalized.Append(" or more ");
                space = true;
                continue;
            }

            // "avg # of items" is "average number of items" ("#1" and "#3" keep their digits); "w/" is "with", "w/o" without.
            if (c == '#' && !digitAfter && (i + 1 == text.Length || !char.IsAsciiLetter(text[i + 1])))
            {
                normalized.Append(space ? "number " : " number ");
                space = true;
                continue;
            }

            if (c == 'w' && space && i + 1 < text.Length && text[i + 1] == '/')
            {
                bool without = i + 2 < text.Length && text[i + 2] is 'o' or 'O' && (i + 3 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 3]));
                normalized.Append(without ? "without " : "with ");
                space = true;
                i += without ? 2 : 1;
                continue;
            }

            if (c == '%')
            {
                normalized.Append(space ? "percent " : " percent ");
                space = true;
                continue;
            }

            // "churn > 0.6" is "churn over 0.6", ">= 5" is "at least 5"; a "+" between words lists them ("<device> + <device>"
            // as "<device> plus <device>").
            if (c == '+')
            {
                normalized.Append(space ? "" : " ").Append("plus ");
                space = true;
                continue;
            }

            if (c is '>' or '<')
            {
                bool orEqual = i + 1 < text.Length && text[i + 1] == '=';
                normalized.Append(space ? "" : " ").Append(c == '>' ? (orEqual ? "at least " : "over ") : (orEqual ? "at most " : "under "));
                space = true;
                i += orEqual ? 1 : 0;
                continue;
            }

            if (c is '\'' or '\u2019')
            {
                // "last month's revenue" is "last month s revenue" (the possessive its own word, which the parser
                // skips), so "month" is still read; "what's", "it's", "didn't" keep their one word.
                if (i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 2])) && !space && !Contraction(normalized))
                {
                    normalized.Append(' ');
                    space = true;
                }

                continue;
            }

            if (c == '&')
            {
                if (!space)
                {
                    normalized.Append(' ');
                }

                normalized.Append("and ");
                space = true;
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                normalized.Append(c);
                space = false;
            }
            else if (!space)
            {
                normalized.Append(' ');
                space = true;
            }
        }

        if (!space)
        {
            normalized.Append(' ');
        }

        return Expand(normalized.ToString());
    }

    // The shorthand people type into an analytics box, as the words it stands for: "custs" and "ppl" are customers and
    // people, "avg" average, "conv rate" conversion rate, "pct" percent, "txns" transactions, "yr" year, "2k" 2000.
    private static readonly FrozenDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cust"] = "customer",
        ["custs"] = "customers",
        ["ppl"] = "people",
        ["avg"] = "average",
        ["conv"] = "conversion",
        ["pct"] = "percent",
        ["rev"] = "revenue",
        ["convs"] = "conversions",
        ["txn"] = "transaction",
        ["txns"] = "transactions",
        ["qty"] = "quantity",
        ["yr"] = "year",
        ["yrs"] = "years",
        ["wk"] = "week",
        ["wks"] = "weeks",
        ["hr"] = "hour",
        ["hrs"] = "hours",
        ["mins"] = "minutes",
        ["mth"] = "month",
        ["mths"] = "months",
        ["mnth"] = "month",
        ["mnths"] = "months",
        ["grp"] = "group",
        ["grps"] = "groups",
        ["pts"] = "points",
        ["secs"] = "seconds",
        ["pls"] = "please",
        ["plz"] = "please",
        ["thx"] = "thanks",

        // Common misspellings of the words every question uses (stop 61): read as meant, so the reading is restated in the right words.
        ["custmers"] = "customers",
        ["custmer"] = "customer",
        ["cusotmers"] = "customers",
        ["customres"] = "customers",
        ["catagory"] = "category",
        ["catagories"] = "categories",
        ["categroy"] = "category",
        ["abandonned"] = "abandoned",
        ["abondoned"] = "abandoned",
        ["abandonded"] = "abandoned",
        ["reveune"] = "revenue",
        ["revenu"] = "revenue",
        ["purchace"] = "purchase",
        ["purchaces"] = "purchases",
        ["recieved"] = "received",

        // Contractions without their apostrophe ("who've bought" is "whove bought"): the words, which the parser reads.
        ["whove"] = "who have",
        ["theyve"] = "they have",
        ["weve"] = "we have",
        ["youve"] = "you have",
        ["thatve"] = "that have",
        ["ive"] = "i have",
        ["thats"] = "that is",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Rewrites shorthand words and thousands written with a k ("2k", "1.5k") in normalized text.</summary>
    private static string Expand(string text)
    {
        StringBuilder? expanded = null;
        int copied = 0;
        int start = 1;
        while (start < text.Length)
        {
            int end = text.IndexOf(' ', start);
            ReadOnlySpan<char> word = text.AsSpan(start, end - start);
            string? replacement = null;
            if (Shorthand.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out string? full))
            {
                replacement = full;
            }
            else if (SpanUnit(text, start, word) is { } span)
            {
                replacement = span;
            }
            else if (word is "w" && end + 3 <= text.Length && text.AsSpan(end, 3) is " o ")
            {
                // "w/o" (normalized "w o") is "without"; "w/" alone is "with".
                replacement = "without";
                end += 2;
            }
            else if (word is "w")
            {
                replacement = "with";
            }
            else if (word.Length > 1 && word[^1] == 'k' && decimal.TryParse(word[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal thousands) && char.IsAsciiDigit(word[0]))
            {
                replacement = (thousands * 1000).ToString("0.##", CultureInfo.InvariantCulture);
            }

            if (replacement is not null)
            {
                expanded ??= new StringBuilder(text.Length + 16);
                expanded.Append(text, copied, start - copied).Append(replacement);
                copied = end;
            }

            start = end + 1;
        }

        return expanded is null ? text : expanded.Append(text, copied, text.Length - copied).ToString();
    }

    // The words after which "30d", "24h", "12wk", "3mth", "2yr" are a span of time ("last 30d" is the last 30 days); elsewhere
    // such a word is left as typed (a "3d" view is not three days).
    private static readonly FrozenSet<string> SpanLeads = FrozenSet.ToFrozenSet(["last", "past", "previous", "prior", "next", "trailing", "rolling", "within", "over", "in", "first", "those", "these"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> SpanUnits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["hr"] = "hours",
        ["hrs"] = "hours",
        ["wk"] = "weeks",
        ["wks"] = "weeks",
        ["w"] = "weeks",
        ["mo"] = "months",
        ["mth"] = "months",
        ["mths"] = "months",
        ["yr"] = "years",
        ["yrs"] = "years",
        ["y"] = "years",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // "30d" after "last" as "30 days" (the unit in SpanUnits), or null.
    private static string? SpanUnit(string text, int start, ReadOnlySpan<char> word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits == word.Length || digits > 4 || start < 2
            || !SpanUnits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[digits..], out string? unit))
        {
            return null;
        }

        int previousStart = text.LastIndexOf(' ', start - 2) + 1;
        return SpanLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(previousStart, start - 1 - previousStart))
            ? string.Concat(word[..digits], " ", word[..digits] is "1" ? unit.TrimEnd('s') : unit)
            : null;
    }

    private static readonly string[] ContractionWords = [" what", " that", " it", " there", " here", " who", " how", " where", " let", " he", " she"];

    private static bool EndsWith(StringBuilder builder, string word)
    {
        int offset = builder.Length - word.Length;
        for (int i = 0; i < word.Length; i++)
        {
            if (builder[offset + i] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    // Whether the word just written is one whose "'s" is "is" or "us" ("what's", "it's", "let's"), not a possessive.
    private static bool Contraction(System.Text.StringBuilder normalized)
    {
        foreach (string word in ContractionWords)
        {
            if (normalized.Length >= word.Length && EndsWith(normalized, word))
            {
                return true;
            }
        }

        return false;
    }
}
