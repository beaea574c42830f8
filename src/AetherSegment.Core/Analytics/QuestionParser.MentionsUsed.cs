using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// The last check of a rule-based reading, on what it will compute (stop 46): every catalog value and every number the
/// question says must be used by the reading. A reading that drops one ("abandoned carts worth more than 1000 that had at
/// least 3 items" read as the carts with 3 items; "for US customers who have bought X, their average X spend" read over
/// every country) answers a different question than the one asked, so it is declined naming the word it left out. Used
/// means: a parameter of the compiled SQL holds it, the restatement or the scope of the answer says it, or (for a catalog
/// value) the answer is broken down by its dimension.
/// </content>
internal static partial class QuestionParser
{
    // A number as written: "1000", "1,000", "2.5", "$500k", "2 million"; not a digit inside a word ("Q3", "CMP012", "3rd").
    [GeneratedRegex(@"(?<![\p{L}\d.,_-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(k|m|bn|thousand|million)\b)?(?![\p{L}\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SaidNumberRegex();

    // Every number of a restatement, a scope or a date ("2026-01-01 12:00" gives 2026, 1, 1, 12, 0).
    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?", RegexOptions.CultureInvariant, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WrittenNumberRegex();

    // "of (the) customers from <a place>, how many placed an order": "how many" after a base of people counts those people.
    [GeneratedRegex(@"^ (?:so |and |ok |okay |quick one )?(?:of|among|out of) (?:the |all |all the |our |those |these )?(?:customers|people|buyers|shoppers|users|clients|members)\b[^?]*? how many (?!(?:orders|purchases|transactions|events|sessions|carts|abandoned|units|items|products|conversions|sends|campaigns|times|visits|views|searches|dollars|of)\b)", RegexOptions.CultureInvariant, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleBaseHowManyRegex();

    /// <summary>
    /// "of customers acquired via a source in a year, how many placed an order" read as the number of orders (stop 46): the
    /// base names people and "how many" counts them, so a reading that counts rows of another kind is declined.
    /// </summary>
    private static string? LeadStop46(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Share || CountsPeople(query, layer) || query.Measure.Format != MeasureFormat.Count)
        {
            return null;
        }

        // "of the customers in the treatment group of <one campaign>, how many converted": one send per customer of it.
        if (query.Measure.Fact == EntityKind.CampaignSends && query.Filters.Any(f => f.Values.Count == 1 && !f.Negated && layer.Dimension(f.Dimension)?.Role == DimensionRole.Campaign))
        {
            return null;
        }

        return PeopleBaseHowManyRegex().Match(QuestionText.Normalize(question)) is { Success: true } asked
            ? $"\"{asked.Value.Trim()}\" counts {People(layer)}, but I read the number of {query.Measure.Label}; ask as in \"how many {People(layer)} from <a place> placed an order in <a period>\""
            : null;
    }

    /// <summary>
    /// Why the reading leaves out a catalog value or a number the question says, or null when it uses every one.
    /// </summary>
    /// <param name="question">The question as asked.</param>
    /// <param name="query">The reading.</param>
    /// <param name="parameters">The compiled statement's parameters.</param>
    /// <param name="said">What the answer says it computed: the restatement and the scope, together.</param>
    /// <param name="layer">The semantic layer (its lexicon).</param>
    internal static string? UnusedMention(string question, AnalyticsQuery query, IReadOnlyList<QueryParameter> parameters, string said, SemanticLayer layer)
    {
        return UnusedValue(question, query, parameters, said, layer) ?? UnusedNumber(question, query, parameters, said);
    }

    private static string? UnusedValue(string question, AnalyticsQuery query, IReadOnlyList<QueryParameter> parameters, string said, SemanticLayer layer)
    {
        string text = WithoutEveryDevice(QuestionText.Normalize(question));
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            if (entry.Kind != LexiconKind.Filter || entry.FilterDimension is not { } dimension)
            {
                continue;
            }

            int at;
            bool found = false;
            while ((at = text.IndexOf(entry.Padded, StringComparison.Ordinal)) >= 0)
            {
                // Masked as the reading masks it, so a value inside a longer one (the last word of a two-word value) is not found again.
                text = MaskPhrase(text, at + 1, entry.Phrase.Length);
                found = true;
            }

            // Only the values a reading restricts by: a place, a product level, a source, one device. A trigger's or an
            // event type's words are also the words of campaign names and event verbs, a value tier's of score thresholds
            // and a group's ("app") of devices, and those are read in other ways.
            bool checkedRole = dimension.Role is DimensionRole.Place or DimensionRole.Taxonomy or DimensionRole.AcquisitionSource or DimensionRole.Device;
            // "what fraction of events are on mobile vs web": a share over a dimension has every value of it in its whole.
            bool shareOver = query.Share && query.Filters.Any(f => f.Dimension == dimension.Key || f.Dimension == dimension.Name);
            if (!found || !checkedRole || entry.Group || shareOver || IsPronoun(question, entry.Phrase, layer) || query.Dimension?.Key == dimension.Key)
            {
                continue;
            }

            foreach (string value in entry.Values)
            {
                if (!ValueUsed(value, parameters, said))
                {
                    return $"the reading does not use \"{entry.Phrase}\" ({value}), so it would answer a different question";
                }
            }
        }

        return null;
    }

    // The text with the phrase at start masked by '#' (as long as it), so it is not found again.
    private static string MaskPhrase(string text, int start, int length) =>
        string.Concat(text.AsSpan(0, start), new string('#', length), text.AsSpan(start + length));

    private static bool IsPronoun(string question, string phrase, SemanticLayer layer)
    {
        foreach (PronounPhrase pronoun in layer.Lexicon.Pronouns)
        {
            if (pronoun.Phrase == phrase && !pronoun.Written.Any(w => WrittenAs(question, w)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValueUsed(string value, IReadOnlyList<QueryParameter> parameters, string said)
    {
        foreach (QueryParameter parameter in parameters)
        {
            switch (parameter.Value)
            {
                case string one when string.Equals(one, value, StringComparison.OrdinalIgnoreCase):
                    return true;
                case IEnumerable<string> many when many.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)):
                    return true;
            }
        }

        return said.Contains(value, StringComparison.OrdinalIgnoreCase)
            || said.Contains(value.Replace('_', ' '), StringComparison.OrdinalIgnoreCase);
    }

    private static string? UnusedNumber(string question, AnalyticsQuery query, IReadOnlyList<QueryParameter> parameters, string said)
    {
        HashSet<decimal>? used = null;
        // "as a fraction, e.g. 0.12 for +12%": an example of the answer's format restricts nothing (QuestionParser.LeadStop57.cs).
        Match example = question.Contains('%', StringComparison.Ordinal) ? FormatExampleRegex().Match(question) : Match.Empty;
        // "per buyer (customers with at least 1 order)": what a buyer is, restated (QuestionParser.LeadStop59.cs); "per customer
        // (only counting customers with at least 1 order)": per buyer (QuestionParser.LeadStop60.cs).
        Match buyersDefined = question.Contains("buyer", StringComparison.OrdinalIgnoreCase) ? BuyersDefinedAsideRegex().Match(question)
            : question.Contains("counting", StringComparison.OrdinalIgnoreCase) ? PerCustomerAmongBuyersRegex().Match(question) : Match.Empty;
        foreach (Match match in SaidNumberRegex().Matches(question))
        {
            if ((example.Success && match.Index >= example.Index && match.Index < example.Index + example.Length)
                || (buyersDefined.Success && match.Index >= buyersDefined.Index && match.Index < buyersDefined.Index + buyersDefined.Length))
            {
                continue;
            }

            if (!decimal.TryParse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal) + match.Groups[2].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number))
            {
                continue;
            }

            decimal scaled = match.Groups[3].Value.ToLowerInvariant() switch
            {
                "k" or "thousand" => number * 1_000m,
                "m" or "million" => number * 1_000_000m,
                "bn" => number * 1_000_000_000m,
                _ => number,
            };
            if (number == 0)
            {
                // "count $0 for those who never bought": nothing to restrict by.
                continue;
            }

            used ??= UsedNumbers(query, parameters, said);
            // "more than 3 orders" is compared as at least 4, "fewer than 5" as at most 4.
            bool whole = decimal.Truncate(number) == number && scaled == number;
            if (used.Contains(number) || used.Contains(scaled) || used.Contains(number / 100m) || used.Contains(number * 100m)
                || (whole && (used.Contains(number + 1) || used.Contains(number - 1))))
            {
                continue;
            }

            // "longer than 10 minutes" is compared in seconds; "the last 12 months (last 365 days)" restates a range, which
            // is checked against the range read (RestatedRangeDiffers).
            string unit = DurationUnit(question, match.Index + match.Length);
            bool duration = unit switch
            {
                "minute" => used.Contains(number * 60m),
                "hour" => used.Contains(number * 3_600m) || used.Contains(number * 60m),
                "day" => used.Contains(number * 86_400m) || query.RestatedTime is not null,
                "week" or "month" or "year" => query.RestatedTime is not null,
                _ => false,
            };
            if (!duration)
            {
                return $"the reading does not use \"{match.Value.Trim()}\", so it would answer a different question";
            }
        }

        return null;
    }

    // The unit of time written right after a number ("10 minutes", "2 hrs"), or "" when there is none.
    private static string DurationUnit(string question, int end)
    {
        ReadOnlySpan<char> rest = question.AsSpan(end).TrimStart();
        int length = 0;
        while (length < rest.Length && char.IsAsciiLetter(rest[length]))
        {
            length++;
        }

        return rest[..length].ToString().ToLowerInvariant() switch
        {
            "minute" or "minutes" or "min" or "mins" => "minute",
            "hour" or "hours" or "hr" or "hrs" => "hour",
            "day" or "days" => "day",
            "week" or "weeks" => "week",
            "month" or "months" => "month",
            "year" or "years" => "year",
            _ => "",
        };
    }

    private static HashSet<decimal> UsedNumbers(AnalyticsQuery query, IReadOnlyList<QueryParameter> parameters, string said)
    {
        HashSet<decimal> used = [];
        if (query.Limit is { } limit)
        {
            used.Add(limit);
        }

        foreach (QueryParameter parameter in parameters)
        {
            switch (parameter.Value)
            {
                case long whole:
                    used.Add(whole);
                    break;
                case double real when double.IsFinite(real) && Math.Abs(real) < 1e15:
                    used.Add(decimal.Round((decimal)real, 6));
                    break;
                case DateTimeOffset at:
                    used.Add(at.Year);
                    used.Add(at.Month);
                    used.Add(at.Day);
                    used.Add(at.Hour);
                    break;
            }
        }

        foreach (Match match in WrittenNumberRegex().Matches(said))
        {
            if (decimal.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number))
            {
                used.Add(number);
            }
        }

        return used;
    }
}
