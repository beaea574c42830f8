using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>
/// The embedded rule-based question parser: reads a question into one measure, at most one dimension, filters on
/// catalog values, a relative time range, a top-N limit and a sort order. It refuses questions that try to change
/// data or read personal data, and it does not guess: a word it cannot place makes the question unanswerable.
/// </summary>
/// <remarks>Stateless and thread-safe; the words come from the <see cref="SemanticLayer"/> of the business asked about.</remarks>
internal static partial class QuestionParser
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "for", "from", "at", "to", "by", "with", "and", "or", "our", "we", "us", "you", "i", "me", "my",
        "your", "their", "its", "it", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "have", "has", "had",
        "there", "here", "what", "whats", "which", "who", "how", "many", "much", "show", "tell", "give", "list", "get", "got", "find", "see",
        "display", "please", "can", "could", "would", "will", "should", "s", "total", "overall", "all", "number", "count", "amount", "sum",
        "per", "each", "every", "across", "split", "broken", "down", "break", "breakdown", "grouped", "group", "sorted", "sort", "ordered",
        "rank", "ranked", "ranking", "compare", "compared", "comparison", "vs", "versus", "between", "against", "over", "during", "within",
        "than", "then", "as", "that", "this", "those", "these", "so", "far", "currently", "current", "now", "made", "make", "makes",
        "generated", "generate", "generates", "bought", "buy", "purchased", "ordered", "placed", "sold", "spent", "came", "come", "acquired",
        "signed", "sign", "up", "using", "use", "used", "via", "through", "value", "data", "stats", "statistics", "figure", "figures", "numbers",
        "level", "levels", "distribution", "abandoned", "left", "happened", "recorded", "registered", "saw", "seen", "only", "just", "also",
        "both", "like", "look", "looks", "looking", "when", "where", "they", "them", "customer", "score", "scores", "metric", "metrics",
        "report", "result", "results", "been", "having", "since", "into", "about", "out", "any", "were", "was", "let", "know", "want", "need",
        "rate", "share", "most", "each", "ones", "one", "drive", "drove", "drives", "bring", "brings", "brought", "produce", "produced", "had",
    };

    /// <summary>Whether a word is one the parser skips ("the", "per", "us").</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static ParsedQuestion Parse(string question, SemanticLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        string text = QuestionText.Normalize(question);
        if (RefusalReason(text, layer) is { } refusal)
        {
            return ParsedQuestion.Refused(refusal);
        }

        if (PerCustomerRegex().IsMatch(text) || layer.CustomerWords.Any(noun => PerNoun(text, noun)))
        {
            return ParsedQuestion.Unplaced("ratios per customer are not a measure yet; ask for the total and the number of customers separately");
        }

        bool howMany = HowManyRegex().IsMatch(text);
        bool whichOrWhat = WhichRegex().IsMatch(text);

        List<RelativeTimeRange> times = [];
        text = ReadTimeRanges(text, times);
        if (times.Count > 1)
        {
            return ParsedQuestion.Unplaced("ask about one time range at a time");
        }

        int? limit = null;
        AnalyticsSort sort = AnalyticsSort.Default;
        bool superlative = false;
        text = Consume(text, TopRegex(), m =>
        {
            limit = ReadNumber(m.Groups[2].Value);
            sort = m.Groups[1].Value is "bottom" or "worst" or "lowest" or "smallest" ? AnalyticsSort.MeasureAscending : AnalyticsSort.MeasureDescending;
        });
        text = Consume(text, AscendingRegex(), _ => sort = AnalyticsSort.MeasureAscending);
        text = Consume(text, DescendingRegex(), _ => sort = AnalyticsSort.MeasureDescending);
        text = Consume(text, AlphabeticalRegex(), _ => sort = AnalyticsSort.DimensionAscending);
        text = Consume(text, MostRegex(), _ =>
        {
            superlative = true;
            sort = sort == AnalyticsSort.Default ? AnalyticsSort.MeasureDescending : sort;
        });
        text = Consume(text, LeastRegex(), _ =>
        {
            superlative = true;
            sort = sort == AnalyticsSort.Default ? AnalyticsSort.MeasureAscending : sort;
        });

        List<QueryFilter> filters = [];
        foreach (GuardedPhrase guarded in layer.Lexicon.Guarded)
        {
            text = Consume(text, guarded.Pattern, m => filters.Add(new QueryFilter(guarded.Dimension.Key, [guarded.Value], m.Value.Trim())));
        }

        List<MeasureDefinition> measures = [];
        List<(DimensionDefinition Dimension, bool Plural)> dimensions = [];
        foreach (LexiconEntry entry in layer.Lexicon.Entries)
        {
            int at;
            while ((at = text.IndexOf(entry.Padded, StringComparison.Ordinal)) >= 0)
            {
                text = string.Concat(text.AsSpan(0, at + 1), new string('#', entry.Phrase.Length), text.AsSpan(at + 1 + entry.Phrase.Length));
                switch (entry.Kind)
                {
                    case LexiconKind.Measure when !measures.Contains(entry.Measure!):
                        measures.Add(entry.Measure!);
                        break;
                    case LexiconKind.Dimension:
                        dimensions.Add((entry.Dimension!, entry.Phrase.EndsWith('s')));
                        break;
                    case LexiconKind.Filter:
                        filters.Add(new QueryFilter(entry.FilterDimension!.Key, entry.Values, entry.Phrase, entry.Group));
                        break;
                }
            }
        }

        List<string> unknown = [];
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word[0] != '#' && !StopWords.Contains(word) && !unknown.Contains(word))
            {
                unknown.Add(word);
            }
        }

        if (unknown.Count > 0)
        {
            return ParsedQuestion.Unplaced($"I could not place {string.Join(", ", unknown.ConvertAll(w => $"\"{w}\""))}");
        }

        return Assemble(layer, measures, dimensions, filters, times.Count == 1 ? times[0] : null, limit, sort, howMany, whichOrWhat && superlative, superlative);
    }

    private static ParsedQuestion Assemble(
        SemanticLayer layer,
        List<MeasureDefinition> measures,
        List<(DimensionDefinition Dimension, bool Plural)> dimensions,
        List<QueryFilter> filters,
        RelativeTimeRange? time,
        int? limit,
        AnalyticsSort sort,
        bool howMany,
        bool whichIsTop,
        bool superlative)
    {
        List<QueryFilter> merged = MergeFilters(filters);
        if (measures.Count > 1)
        {
            measures.RemoveAll(m => m.Name == "customers");
        }

        if (measures.Count > 1)
        {
            return ParsedQuestion.Unplaced($"ask about one measure at a time (I read {string.Join(" and ", measures.ConvertAll(m => m.Label))})");
        }

        MeasureDefinition? measure = measures.Count == 1 ? measures[0] : null;
        if (measure is null && merged.Exists(f => f.Dimension == "event_type"))
        {
            measure = layer.Measure("events");
        }
        else if (measure is null && howMany)
        {
            measure = layer.CustomerCount;
        }

        if (measure is null)
        {
            return ParsedQuestion.Unplaced("I could not tell what to measure");
        }

        // A question that needs an entity the profile does not map is declined with the mapping that enables it.
        if (measure.Missing is { } missing)
        {
            return ParsedQuestion.Unplaced($"{measure.Label} {missing}");
        }

        List<DimensionDefinition> distinct = [];
        bool plural = false;
        foreach ((DimensionDefinition dimension, bool isPlural) in dimensions)
        {
            if (!distinct.Contains(dimension))
            {
                distinct.Add(dimension);
                plural |= isPlural;
            }
        }

        if (distinct.Count > 1)
        {
            return ParsedQuestion.Unplaced($"ask for one breakdown at a time (I read {string.Join(" and ", distinct.ConvertAll(d => d.Label))})");
        }

        DimensionDefinition? grouped = distinct.Count == 1 ? distinct[0] : null;
        if (grouped is null)
        {
            QueryFilter? compared = merged.Find(f => f.Values.Count > 1 && !f.Group);
            if (compared is not null)
            {
                grouped = layer.Dimension(compared.Dimension);
            }
        }

        if (grouped?.Missing is { } noBreakdown)
        {
            return ParsedQuestion.Unplaced($"a breakdown by {grouped.Label} {noBreakdown}");
        }

        foreach (QueryFilter filter in merged)
        {
            if (layer.Dimension(filter.Dimension) is { Missing: { } noFilter } filtered)
            {
                return ParsedQuestion.Unplaced($"a filter on {filtered.Label} ({filter.Phrase}) {noFilter}");
            }
        }

        if (grouped is not null && limit is null && whichIsTop && !plural)
        {
            limit = 1;
        }

        if (grouped is null && superlative && limit is null)
        {
            return ParsedQuestion.Unplaced("the most or best of what? Add a breakdown such as \"which city has the most revenue\"");
        }

        if (grouped is null && limit is not null)
        {
            return ParsedQuestion.Unplaced($"top {limit} of what? Add a breakdown such as \"top {limit} cities by revenue\"");
        }

        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, new AnalyticsQuery(measure, grouped, merged, time, limit, sort), null);
    }

    private static List<QueryFilter> MergeFilters(List<QueryFilter> filters)
    {
        List<QueryFilter> merged = [];
        foreach (QueryFilter filter in filters)
        {
            int index = merged.FindIndex(f => f.Dimension == filter.Dimension);
            if (index < 0)
            {
                merged.Add(filter);
                continue;
            }

            List<string> values = [.. merged[index].Values];
            foreach (string value in filter.Values)
            {
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }

            merged[index] = new QueryFilter(filter.Dimension, values, merged[index].Phrase + " and " + filter.Phrase, merged[index].Group);
        }

        return merged;
    }

    private static bool PerNoun(string text, string noun) =>
        noun != "customer" && (text.Contains($" per {noun} ", StringComparison.Ordinal) || text.Contains($" for each {noun} ", StringComparison.Ordinal)
            || text.Contains($" for every {noun} ", StringComparison.Ordinal) || text.Contains($" by {noun} ", StringComparison.Ordinal));

    private static string? RefusalReason(string text, SemanticLayer layer)
    {
        if (ChangeDataRegex().Match(text) is { Success: true } change)
        {
            return $"\"{change.Value.Trim()}\" would change data; analytics only reads the customer data";
        }

        if (SqlRegex().IsMatch(text))
        {
            return "SQL typed into the question is not run; ask in plain English";
        }

        if (PersonalDataRegex().Match(text) is { Success: true } personal)
        {
            return $"\"{personal.Value.Trim()}\" is personal data, which analytics does not expose (only aggregates over the data model)";
        }

        foreach (string column in layer.Lexicon.PersonalPhrases)
        {
            if (text.Contains(column, StringComparison.Ordinal))
            {
                return $"\"{column.Trim()}\" is personal data, which analytics does not expose (only aggregates over the data model)";
            }
        }

        if (GroundTruthRegex().IsMatch(text))
        {
            return "the ground-truth uplift exists only to evaluate models and may not be read";
        }

        if (CatalogRegex().Match(text) is { Success: true } catalog)
        {
            return $"\"{catalog.Value.Trim()}\" is outside the data model; analytics answers questions about {layer.Subjects()}";
        }

        return null;
    }

    private static string ReadTimeRanges(string text, List<RelativeTimeRange> times)
    {
        text = Consume(text, RollingRegex(), m =>
        {
            int amount = ReadNumber(m.Groups[1].Value);
            TimeRangeKind kind = m.Groups[2].Value switch
            {
                "day" => TimeRangeKind.RollingDays,
                "week" => TimeRangeKind.RollingWeeks,
                "month" => TimeRangeKind.RollingMonths,
                _ => TimeRangeKind.RollingYears,
            };
            times.Add(new RelativeTimeRange(kind, amount, 0, Phrase(m)));
        });
        text = Consume(text, PreviousPeriodRegex(), m => times.Add(new RelativeTimeRange(m.Groups[1].Value switch
        {
            "day" => TimeRangeKind.Yesterday,
            "week" => TimeRangeKind.LastWeek,
            "month" => TimeRangeKind.LastMonth,
            "quarter" => TimeRangeKind.LastQuarter,
            _ => TimeRangeKind.LastYear,
        }, 0, 0, Phrase(m))));
        text = Consume(text, CurrentPeriodRegex(), m => times.Add(new RelativeTimeRange((m.Groups[1].Value + m.Groups[2].Value) switch
        {
            "week" or "wtd" => TimeRangeKind.ThisWeek,
            "month" or "mtd" => TimeRangeKind.ThisMonth,
            "quarter" or "qtd" => TimeRangeKind.ThisQuarter,
            _ => TimeRangeKind.ThisYear,
        }, 0, 0, Phrase(m))));
        text = Consume(text, DayRegex(), m => times.Add(new RelativeTimeRange(m.Groups[1].Value == "today" ? TimeRangeKind.Today : TimeRangeKind.Yesterday, 0, 0, Phrase(m))));
        text = Consume(text, MonthRegex(), m =>
        {
            string name = m.Groups[1].Value;
            int month = MonthNumber(name);
            int year = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            times.Add(new RelativeTimeRange(TimeRangeKind.NamedMonth, month, year, Phrase(m)));
        });
        text = Consume(text, YearRegex(), m => times.Add(new RelativeTimeRange(TimeRangeKind.Year, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 0, Phrase(m))));
        return text;
    }

    private static string Phrase(Match match)
    {
        string phrase = match.Value.Trim();
        foreach (string prefix in (string[])["in the ", "over the ", "during the ", "for the ", "in ", "over ", "during ", "for ", "of "])
        {
            if (phrase.StartsWith(prefix, StringComparison.Ordinal))
            {
                return phrase[prefix.Length..];
            }
        }

        return phrase;
    }

    private static int ReadNumber(string text) =>
        LanguageWords.TryReadCountWord(text, out int value) ? value : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    // "sept", "sep" and "september" are 9.
    private static int MonthNumber(string name)
    {
        for (int i = 0; i < LanguageWords.MonthNames.Count; i++)
        {
            if (LanguageWords.MonthNames[i].StartsWith(name[..3], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string Consume(string text, Regex regex, Action<Match> onMatch) =>
        regex.Replace(text, m =>
        {
            onMatch(m);
            return new string('#', m.Length);
        });

    private const string Numbers = @"\d{1,3}|" + LanguageWords.CountWordPattern;

    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous|trailing) (" + Numbers + @") (day|week|month|year)s?(?= )")]
    private static partial Regex RollingRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous) (day|week|month|quarter|year)(?= )")]
    private static partial Regex PreviousPeriodRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|so far) )?(?:this (week|month|quarter|year)(?: so far)?|(?:(week|month|quarter|year) to date)|(ytd|mtd|qtd|wtd))(?= )")]
    private static partial Regex CurrentPeriodRegex();

    [GeneratedRegex(@"(?<= )(?:(?:for|on|from) )?(today|yesterday)(?= )")]
    private static partial Regex DayRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of|since) )?(january|february|march|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec|(?<=(?:in|during|for|of) )may)(?: (\d{4}))?(?= )")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of) )?(20\d\d)(?= )")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<= )(top|best|highest|largest|biggest|bottom|worst|lowest|smallest) (" + Numbers + @")(?= )")]
    private static partial Regex TopRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in )?ascending(?: order)?|(?:lowest|smallest|least|fewest) first)(?= )")]
    private static partial Regex AscendingRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in )?descending(?: order)?|(?:highest|largest|biggest|most) first)(?= )")]
    private static partial Regex DescendingRegex();

    [GeneratedRegex(@"(?<= )(?:alphabetical(?:ly)?|(?:in )?alphabetical order|a to z)(?= )")]
    private static partial Regex AlphabeticalRegex();

    [GeneratedRegex(@"(?<= )(?:the )?(most|highest|largest|biggest|best|greatest|top|maximum|max|leading)(?= )")]
    private static partial Regex MostRegex();

    [GeneratedRegex(@"(?<= )(?:the )?(least|fewest|lowest|smallest|worst|minimum|min)(?= )")]
    private static partial Regex LeastRegex();

    [GeneratedRegex(@" (?:how many|number of|count of|count) ")]
    private static partial Regex HowManyRegex();

    [GeneratedRegex(@" (?:which|what|whats) ")]
    private static partial Regex WhichRegex();

    [GeneratedRegex(@" (?:per|for each|for every|by) (?:customer|shopper|buyer|person|head|user) ")]
    private static partial Regex PerCustomerRegex();

    [GeneratedRegex(@"(?<= )(?:delete|drop|truncate|insert|update|alter|grant|revoke|wipe|erase|purge|overwrite|modify|rename|reset|remove (?:all|every|the|any|customers?|rows?|data|records?|tables?|carts?|events?)|create (?:a |an )?(?:new )?(?:table|view|index|database|customers?|records?)|add (?:a |an )?(?:new )?(?:customers?|rows?|records?|columns?)|set (?:the |all )?\w+ to|change (?:the |all )?(?:data|records?|values?|customers?|scores?))(?= )")]
    private static partial Regex ChangeDataRegex();

    [GeneratedRegex(@" select .+ from | pragma | attach | union select ")]
    private static partial Regex SqlRegex();

    [GeneratedRegex(@"(?<= )(?:passwords?|passwd|credentials?|secrets?|api keys?|access tokens?|credit cards?|card numbers?|ssns?|social security(?: numbers?)?|phone(?: numbers?)?|telephone|home address(?:es)?|postal address(?:es)?|street address(?:es)?|addresses|birth ?dates?|date of birth|ip address(?:es)?|e ?mail address(?:es)?|e ?mails? of|their e ?mails?|e ?mail list|emails|(?:first|last|full|customer|customers|their) names?|names of|who are the customers|personal (?:data|details|information)|contact (?:details|info(?:rmation)?)|customer ids?|customer id list)(?= )")]
    private static partial Regex PersonalDataRegex();

    [GeneratedRegex(@" (?:ground truth|true uplift|ground truth uplift) ")]
    private static partial Regex GroundTruthRegex();

    [GeneratedRegex(@"(?<= )(?:information schema|system tables?|system catalogs?|list (?:the |all )?tables|which tables|what tables|database schema|the schema|settings|config(?:uration)?|environment variables?|server files?|files on)(?= )")]
    private static partial Regex CatalogRegex();
}
