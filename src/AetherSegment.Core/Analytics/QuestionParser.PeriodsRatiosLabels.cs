using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 40 (ask27): periods, ratios and labels. A group word said right after one of its own values names that value's
/// member of the group ("the &lt;value&gt; app" is that value, not every value of the group).
/// </content>
internal static partial class QuestionParser
{
    // "add-to-cart events from the <device> app", "<device> app users": a group word right after one of its values (read
    // from the profile's vocabulary groups) is that value's member of the group, so the group is dropped and the value kept.
    // Said apart ("mobile (<device>)", "<device> and the apps") the group still reads as all its values and is declined.
    private static void DropGroupAfterItsValue(List<(QueryFilter Filter, int At)> placed)
    {
        for (int g = placed.Count - 1; g >= 0; g--)
        {
            (QueryFilter group, int groupAt) = placed[g];
            if (group.Values.Count < 2 || group.Negated)
            {
                continue;
            }

            bool member = placed.Exists(p => !ReferenceEquals(p.Filter, group) && !p.Filter.Negated && p.Filter.Dimension == group.Dimension
                && p.Filter.Values.Count == 1 && group.Values.Contains(p.Filter.Values[0]) && p.At + p.Filter.Phrase.Length + 1 == groupAt);
            if (member)
            {
                placed.RemoveAt(g);
            }
        }
    }

    // "What percent of customers have a churn probability over 0.5, per acquisition source?", "what share of customers are
    // exclusivity seekers, by country": the share's whole is plain customers (nothing said between the share word and them)
    // and the condition comes after them, so each group's own customers are the whole (every set's truth reads it so). A
    // split said so ("split across", "out of all", "are in each country", "come from each") or a part said before the
    // customers ("what share of social customers ...") is not this reading.
    private static bool PlainCustomersWhole(string afterTime, int shareEnd, List<(QueryFilter Filter, int At)> placed, List<(MeasureDefinition Measure, int Start, int End)> measureAt, SemanticLayer layer)
    {
        if (shareEnd < 0)
        {
            return false;
        }

        int first = -1;
        foreach ((MeasureDefinition m, int start, _) in measureAt)
        {
            if (start >= shareEnd && (first < 0 || start < first))
            {
                first = start;
                if (!ReferenceEquals(m, layer.CustomerCount))
                {
                    return false;
                }
            }
        }

        if (first < 0 || placed.Exists(p => p.At >= shareEnd && p.At < first))
        {
            return false;
        }

        foreach (string word in afterTime[shareEnd..first].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is not ("of" or "the" or "our" or "your" or "my"))
            {
                return false;
            }
        }

        return true;
    }

    // "are in each country", "come from each source", "does each country have", "account for": how the part splits across
    // the groups.
    [GeneratedRegex(@"(?<= )(?:(?:are|is|were|live|lives|come|comes|came|located|based|fall|falls|sit|sits) (?:in|from|within|across|into) (?:each|every|which)|does (?:each|every)|account for|accounts for|make up|makes up)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SplitVerbRegex();

    // "checkout starts vs add to carts - what's the ratio (checkout_start events divided by add_to_cart events)", "cart-to-checkout
    // ratio: checkout starts divided by add-to-cart events": with the direction said by "divided by" or "per", the word "ratio"
    // and a name of the ratio made of the two types' own words only ("cart to checkout") restate it and are dropped.
    private static string DropRatioName(string text, LexiconEntry numerator, LexiconEntry denominator, SemanticLayer layer)
    {
        if (!text.Contains(" ratio ", StringComparison.Ordinal))
        {
            return text;
        }

        // The words of the two types' phrases, kept per layer and type (QuestionParser.ParseSpeedStop44.cs).
        HashSet<string> numeratorWords = RatioNameWords(layer, numerator.Values[0]);
        HashSet<string> denominatorWords = RatioNameWords(layer, denominator.Values[0]);

        for (int at = text.IndexOf(" ratio ", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" ratio ", at + 1, StringComparison.Ordinal))
        {
            int start = at + 1;
            int named = 0;
            bool joined = false;
            for (int w = at; w > 0;)
            {
                int before = text.LastIndexOf(' ', w - 1);
                if (before < 0)
                {
                    break;
                }

                string word = text[(before + 1)..w];
                if (word.Length == 0)
                {
                    w = before;
                    continue;
                }

                if (word is "to" or "vs" or "versus")
                {
                    joined = true;
                }
                else if (numeratorWords.Contains(word) || denominatorWords.Contains(word))
                {
                    named++;
                }
                else
                {
                    break;
                }

                w = before;
                if (named >= 2 && joined)
                {
                    start = before + 1;
                }
            }

            text = string.Concat(text.AsSpan(0, start), new string(' ', at + "ratio".Length + 1 - start), text.AsSpan(at + "ratio".Length + 1));
        }

        return text;
    }

    // "add_to_cart vs product_view ratio (all events)": the first type divided by the second, as "ratio of A to B" reads it.
    // "add-to-cart to checkout-start ratio" could be the first over the second (as "debt-to-equity" is) or the share of the
    // first that goes on to the second (a funnel step: the second over the first), so both readings are asked back.
    private static ParsedQuestion? ReadNamedEventRatio(string text, List<(int Start, int End, LexiconEntry Entry)> spans, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        for (int r = text.IndexOf(" ratio ", StringComparison.Ordinal); r >= 0; r = text.IndexOf(" ratio ", r + 1, StringComparison.Ordinal))
        {
            (int Start, int End, LexiconEntry Entry) second = Longest(spans.Where(s => EndsBefore(text, s.End, r)));
            if (second.Entry is null)
            {
                continue;
            }

            string before = text[..second.Start];
            string? connector = before.EndsWith(" vs ", StringComparison.Ordinal) ? " vs " : before.EndsWith(" versus ", StringComparison.Ordinal) ? " versus " : before.EndsWith(" to ", StringComparison.Ordinal) ? " to " : null;
            if (connector is null)
            {
                continue;
            }

            int c = second.Start - connector.Length;
            (int Start, int End, LexiconEntry Entry) first = Longest(spans.Where(s => EndsBefore(text, s.End, c)));
            if (first.Entry is null || first.Entry.Values[0] == second.Entry.Values[0])
            {
                continue;
            }

            string a = first.Entry.Phrase;
            string b = second.Entry.Phrase;
            if (connector == " to ")
            {
                return ParsedQuestion.Unplaced($"an \"{a} to {b} ratio\" could be {a} divided by {b}, or {b} divided by {a} (the share of {a} that go on to {b}); ask as in \"{b} divided by {a}\" or \"ratio of {a} to {b}\"");
            }

            string rewritten = string.Concat(text.AsSpan(0, first.Start), new string(' ', r + " ratio".Length - first.Start), text.AsSpan(r + " ratio".Length));
            rewritten = rewritten.TrimEnd() + $" ratio of {a} to {b} ";
            ParsedQuestion parsed = ParseUnframed(rewritten, layer, campaignNames, campaignIds, reasonNeeded: false);
            return parsed.Query is { } query && (query.Ratio is not null || query.FilterRatio is not null) && query.Dimension is null
                ? parsed
                : ParsedQuestion.Unplaced($"a ratio of {a} to {b}: ask as in \"ratio of {a} to {b} in the last 30 days\"");
        }

        return null;
    }

    // "very discount-sensitive (over 0.7)", "highly discount sensitive (score over 0.75)", "care little about free shipping
    // (free shipping sensitivity under 0.3)", "high-CLV customers (score above 0.7)": a label of a score defined by the
    // bound in the brackets right after it is that bound on the score. The label may hold only the score's own words and
    // words of degree; its degree must agree with the bound ("high" with "over", "little" with "under"); any other word
    // (a place, a value) ends the label and is kept. A label without a number is left as it is (and declined).
    internal static string ScoreLabelsDefined(string question, SemanticLayer layer)
    {
        if (question.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return question;
        }

        for (Match m = BracketBoundRegex().Match(question); m.Success; m = BracketBoundRegex().Match(question, m.Index + 1))
        {
            if (ScoreLabelBefore(question, m, layer) is { } rewritten)
            {
                question = rewritten.Text;
                m = BracketBoundRegex().Match(question, rewritten.Resume);
                if (!m.Success)
                {
                    break;
                }

                if (ScoreLabelBefore(question, m, layer) is { } next)
                {
                    question = next.Text;
                }

                break;
            }
        }

        return question;
    }

    private static (string Text, int Resume)? ScoreLabelBefore(string question, Match bracket, SemanticLayer layer)
    {
        string inside = QuestionText.Normalize(bracket.Groups["def"].Value);
        string bound = QuestionText.Normalize(bracket.Groups["cmp"].Value).Trim();
        bool upward = !(bound.StartsWith("under", StringComparison.Ordinal) || bound.StartsWith("below", StringComparison.Ordinal)
            || bound.StartsWith("less", StringComparison.Ordinal) || bound.StartsWith("at most", StringComparison.Ordinal) || bound.StartsWith("lower", StringComparison.Ordinal));
        LexiconEntry? said = ScoreMeasureIn(inside, layer);
        if (said is not null)
        {
            inside = inside.Replace(said.Padded, " ", StringComparison.Ordinal);
        }

        foreach (string word in inside.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!BracketWords.Contains(word))
            {
                return null;
            }
        }

        // The words before the bracket: an optional people noun, then the label, walked back while each word is the score's or a degree.
        int end = bracket.Index;
        List<(int Start, string Word)> tokens = [];
        for (int i = end - 1; i >= 0;)
        {
            while (i >= 0 && question[i] == ' ')
            {
                i--;
            }

            int stop = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(question[i]) || question[i] is '-' or '_' or '\'' or '\u2019'))
            {
                i--;
            }

            if (stop == i + 1)
            {
                break;
            }

            tokens.Add((i + 1, question[(i + 1)..stop]));
            if (tokens.Count > 8)
            {
                break;
            }
        }

        string? noun = null;
        int k = 0;
        if (tokens.Count > 0 && IsPeopleWord(tokens[0].Word, layer))
        {
            noun = tokens[0].Word;
            k = 1;
        }

        // The nearest words that are a degree or a word of some score name the score; the label is then the nearest words
        // that are a degree or a word of that very score (its own phrases, "sensitive" for "sensitivity").
        List<string> near = [];
        for (int n = k; n < tokens.Count; n++)
        {
            string[] parts = QuestionText.Normalize(tokens[n].Word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || IsPeopleWord(tokens[n].Word, layer) || !Array.TrueForAll(parts, w => DegreeWords.ContainsKey(w) || ScoreWord(w, layer)))
            {
                break;
            }

            near.InsertRange(0, parts);
        }

        LexiconEntry? named = ScoreMeasureIn(" " + string.Join(' ', near.Select(w => w == "sensitive" ? "sensitivity" : w)) + " ", layer);
        if (named is null && said is null)
        {
            return null;
        }

        MeasureDefinition measure = (said ?? named)!.Measure!;
        if (named is not null && !ReferenceEquals(named.Measure, measure))
        {
            return null;
        }

        HashSet<string> own = new(StringComparer.Ordinal);
        foreach (LexiconEntry entry in layer.Lexicon.Entries)
        {
            if (entry.Kind == LexiconKind.Measure && ReferenceEquals(entry.Measure, measure))
            {
                own.UnionWith(entry.Phrase.Split(' '));
            }
        }

        int labelStart = -1;
        List<string> label = [];
        for (; k < tokens.Count; k++)
        {
            string[] parts = QuestionText.Normalize(tokens[k].Word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !Array.TrueForAll(parts, w => DegreeWords.ContainsKey(w) || own.Contains(w) || (w == "sensitive" && own.Contains("sensitivity"))))
            {
                break;
            }

            labelStart = tokens[k].Start;
            label.InsertRange(0, parts);
        }

        if (labelStart < 0)
        {
            return null;
        }

        bool? degree = null;
        bool scoreWord = false;
        foreach (string w in label)
        {
            if (DegreeWords.TryGetValue(w, out bool? up))
            {
                degree = up ?? degree;
            }
            else if (own.Contains(w) || (w == "sensitive" && own.Contains("sensitivity")))
            {
                scoreWord = true;
            }
            else
            {
                return null;
            }
        }

        // "discount-sensitive (over 0.7)" says a high score; "care little about free shipping" a low one.
        if (!scoreWord || (degree ?? true) != upward)
        {
            return null;
        }

        string phrase = (said ?? named)!.Phrase;
        foreach (LexiconEntry entry in layer.Lexicon.Entries)
        {
            // The score's fullest name ("clv score" over "clv").
            if (entry.Kind == LexiconKind.Measure && ReferenceEquals(entry.Measure, measure) && entry.Phrase.StartsWith(phrase + " ", StringComparison.Ordinal)
                && entry.Phrase.IndexOf(' ', phrase.Length + 1) < 0)
            {
                phrase = entry.Phrase;
            }
        }

        string replacement = (noun is null ? "" : noun + " ") + "with " + phrase + " " + bound;
        string text = string.Concat(question.AsSpan(0, labelStart), replacement, question.AsSpan(bracket.Index + bracket.Length));
        return (text, labelStart + replacement.Length);
    }

    private static LexiconEntry? ScoreMeasureIn(string text, SemanticLayer layer)
    {
        LexiconEntry? found = null;
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            if (entry.Kind == LexiconKind.Measure && entry.Measure is { } m && !ReferenceEquals(m, layer.CustomerCount) && m.Fact is EntityKind.Scores or EntityKind.Customers
                && text.Contains(entry.Padded, StringComparison.Ordinal) && (found is null || entry.Phrase.Length > found.Phrase.Length))
            {
                found = entry;
            }
        }

        return found;
    }

    private static bool ScoreWord(string word, SemanticLayer layer)
    {
        string padded = " " + (word == "sensitive" ? "sensitivity" : word) + " ";
        foreach (LexiconEntry entry in layer.Lexicon.Entries)
        {
            if (entry.Kind == LexiconKind.Measure && entry.Measure is { } m && m.Fact is EntityKind.Scores or EntityKind.Customers && !ReferenceEquals(m, layer.CustomerCount)
                && entry.Padded.Contains(padded, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPeopleWord(string word, SemanticLayer layer)
    {
        string w = word.ToLowerInvariant();
        return w is "customers" or "people" or "shoppers" or "users" or "clients" or "buyers" || layer.CustomerWords.Any(c => string.Equals(LanguageWords.Plural(c), w, StringComparison.Ordinal));
    }

    // Words of degree in a label: true says a high score, false a low one, null neither.
    private static readonly FrozenDictionary<string, bool?> DegreeWords = new Dictionary<string, bool?>(StringComparer.Ordinal)
    {
        ["very"] = null, ["highly"] = true, ["high"] = true, ["extremely"] = null, ["really"] = null, ["super"] = null, ["strongly"] = true,
        ["quite"] = null, ["most"] = true, ["low"] = false, ["little"] = false, ["least"] = false, ["barely"] = false, ["care"] = null,
        ["cares"] = null, ["about"] = null, ["are"] = null, ["is"] = null, ["who"] = null, ["lot"] = true, ["much"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words a bracket may hold besides the score and its bound: "(score over 0.75)", "(with a score above 0.7)".
    private static readonly FrozenSet<string> BracketWords = new[] { "a", "an", "with", "of", "is", "score", "scores", "value", "rating", "i", "e", "ie", "meaning", "so" }
        .ToFrozenSet(StringComparer.Ordinal);

    // A bracket holding a bound: "(over 0.7)", "(score over 0.75)", "(free shipping sensitivity under 0.3)".
    [GeneratedRegex(@"\((?<def>[^()\d]{0,60}?)(?<cmp>\b(?:over|above|under|below|greater than|more than|less than|lower than|higher than|at least|at most)\s*\d*\.\d+|[<>]=?\s*\d*\.\d+)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BracketBoundRegex();

    // "How many loyal customers do we have, meaning 5 or more purchases and a churn probability under 0.3?": a label word
    // before the people, defined after "meaning" / "defined as" / "i.e." by conditions with a number, is those conditions.
    // Only a word the vocabulary does not know is dropped as the label (a place or a value before the people is kept).
    internal static string LabelDefinedByMeaning(string question, SemanticLayer layer)
    {
        if (!(question.Contains("meaning", StringComparison.OrdinalIgnoreCase) || question.Contains("defined as", StringComparison.OrdinalIgnoreCase)
            || question.Contains("i.e.", StringComparison.OrdinalIgnoreCase)) || MeaningLabelRegex().Match(question) is not { Success: true } m
            || question.AsSpan(m.Index + m.Length).IndexOfAnyInRange('0', '9') < 0)
        {
            return question;
        }

        string word = QuestionText.Normalize(m.Groups["label"].Value);
        if (StopWords.Contains(word.Trim()) || !word.Trim().All(char.IsAsciiLetter))
        {
            return question;
        }

        foreach (LexiconEntry entry in layer.Lexicon.Candidates(word))
        {
            if (word.Contains(entry.Padded, StringComparison.Ordinal))
            {
                return question;
            }
        }

        return question[..m.Groups["label"].Index] + m.Groups["noun"].Value + m.Groups["mid"].Value + " with " + question[(m.Index + m.Length)..];
    }

    [GeneratedRegex(@"\b(?<label>[A-Za-z]+) (?<noun>customers|people|shoppers|buyers|clients|users)\b(?<mid>[^,;:()\d]{0,30}?)\s*[,;:-]?\s*(?:meaning|i\.e\.|defined as|by which (?:i|we) mean)\s*,?\s*(?:(?:those|people|customers|ones) )?(?:with |who have |having )?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MeaningLabelRegex();
}
