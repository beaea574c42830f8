namespace AetherSegment.Vocabulary;

/// <summary>
/// The English words that are not a business's own: numbers, time spans, negation, comparison, calendar names,
/// currencies, and singular/plural. Shared by the objective interpreter and the analytics question parser so they read
/// "fifteen", "a fortnight", "did not" and "sleeping bag" the same way. Phrases are lower case; immutable; thread-safe.
/// </summary>
internal static class LanguageWords
{
    /// <summary>
    /// The counting words from one to nineteen and the tens to ninety, as a regular-expression alternation (kept in
    /// step with <see cref="Ones"/> and <see cref="Tens"/> by a test). Longer words come before their prefixes.
    /// </summary>
    public const string CountWordPattern =
        "one|two|three|four|five|six|seventeen|seventy|seven|eighteen|eighty|eight|nineteen|ninety|nine|ten|eleven|twelve|thirteen"
        + "|fourteen|fifteen|sixteen|twenty|thirty|forty|fifty|sixty";

    /// <summary>The number words from zero to nineteen; the index is the value.</summary>
    public static IReadOnlyList<string> Ones { get; } =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    /// <summary>The tens from twenty to ninety; the value is (index + 2) * 10.</summary>
    public static IReadOnlyList<string> Tens { get; } = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>Phrases that stand for a number ("a couple of", "a dozen", "half a").</summary>
    public static IReadOnlyList<(string Phrase, double Value)> NumberPhrases { get; } =
    [
        ("a couple of", 2), ("couple of", 2), ("a few", 3), ("several", 3), ("a dozen", 12), ("dozen", 12), ("half a", 0.5),
    ];

    /// <summary>Words that multiply the number before them ("two thousand", "1.5k").</summary>
    public static IReadOnlyList<(string Phrase, double Factor)> Multipliers { get; } = [("hundred", 100), ("thousand", 1000), ("k", 1000)];

    /// <summary>Time units with their length in days (a month is 30 days, a quarter 90, a year 365).</summary>
    public static IReadOnlyList<(string Phrase, double Days)> TimeUnits { get; } =
    [
        ("hour", 1d / 24), ("hours", 1d / 24), ("hr", 1d / 24), ("hrs", 1d / 24), ("h", 1d / 24), ("day", 1), ("days", 1), ("d", 1),
        ("week", 7), ("weeks", 7), ("wk", 7), ("wks", 7), ("fortnight", 14), ("fortnights", 14), ("month", 30), ("months", 30),
        ("mo", 30), ("mos", 30), ("quarter", 90), ("quarters", 90), ("year", 365), ("years", 365), ("yr", 365), ("yrs", 365),
        ("weekend", 2),
    ];

    /// <summary>Words before a unit that mean one of it ("a week", "last month", "the past year").</summary>
    public static IReadOnlyList<string> OneUnitWords { get; } =
    [
        "a", "an", "one", "last", "past", "this", "previous", "the last", "the past", "the previous", "this past", "the", "within a",
        "within the", "prior", "the prior",
    ];

    /// <summary>Windows that need no number ("yesterday"), with their length in days.</summary>
    public static IReadOnlyList<(string Phrase, double Days)> DayWindows { get; } =
    [
        ("yesterday", 1), ("today", 1), ("last night", 1), ("overnight", 1), ("tonight", 1), ("this morning", 1),
    ];

    /// <summary>Currency symbols and words: 0 dollar, 1 pound, 2 euro.</summary>
    public static IReadOnlyList<(string Phrase, int Currency)> CurrencyWords { get; } =
    [
        ("$", 0), ("usd", 0), ("dollars", 0), ("dollar", 0), ("bucks", 0), ("£", 1), ("gbp", 1), ("pounds", 1), ("pound", 1),
        ("quid", 1), ("€", 2), ("eur", 2), ("euros", 2), ("euro", 2), ("cad", 0), ("aud", 0), ("us$", 0), ("ca$", 0), ("a$", 0),
    ];

    /// <summary>Words that make a number a percentage.</summary>
    public static IReadOnlyList<string> PercentWords { get; } = ["%", "percent", "per cent", "pct", "percentage points", "pp"];

    /// <summary>Negation ("not", "didn't", "without", "instead of").</summary>
    public static IReadOnlyList<string> Negators { get; } =
    [
        "no", "not", "without", "didn't", "did not", "haven't", "have not", "hasn't", "has not", "hadn't", "had not", "don't",
        "do not", "doesn't", "does not", "won't", "didnt", "havent", "hasnt", "dont", "yet to", "failed to", "but not", "but no",
        "instead of", "rather than",
    ];

    // The negations as the analytics parser's normalized text writes them (lower case, the apostrophe dropped: "didn't" is
    // "didnt"), as regular-expression alternations: the one place its patterns and word tests are built from.

    /// <summary>"did not" in its two normalized forms, as an alternation.</summary>
    public const string DidNotPattern = "did not|didnt";

    /// <summary>"do not" in its two normalized forms, as an alternation.</summary>
    public const string DoNotPattern = "do not|dont";

    /// <summary>"does not" in its two normalized forms, as an alternation.</summary>
    public const string DoesNotPattern = "does not|doesnt";

    /// <summary>"have not" in its two normalized forms, as an alternation.</summary>
    public const string HaveNotPattern = "have not|havent";

    /// <summary>"has not" in its two normalized forms, as an alternation.</summary>
    public const string HasNotPattern = "has not|hasnt";

    /// <summary>"had not" in its two normalized forms, as an alternation.</summary>
    public const string HadNotPattern = "had not|hadnt";

    /// <summary>
    /// The negations of something done before, said after "who" ("never", "not", "have not", "did not"), as an alternation:
    /// "customers who have never bought", "those who didn't order".
    /// </summary>
    public const string NotDonePattern = "never|not|" + HaveNotPattern + "|" + DidNotPattern;

    /// <summary>
    /// The one-word negations before a verb or a noun ("never", "not", "no", "without" and the contractions "didnt",
    /// "havent", "hasnt", "dont", "doesnt"), as an alternation; <see cref="NegationWords"/> is the same list.
    /// </summary>
    public const string NegationWordPattern = "never|not|no|without|havent|hasnt|didnt|dont|doesnt";

    /// <summary>The words of <see cref="NegationWordPattern"/>, for word tests on normalized text.</summary>
    public static IReadOnlyList<string> NegationWords { get; } = NegationWordPattern.Split('|');

    /// <summary>The contractions of <see cref="NegationWordPattern"/> ("didnt", "havent", "hasnt", "dont", "doesnt").</summary>
    public static IReadOnlyList<string> NegationContractions { get; } = ["havent", "hasnt", "didnt", "dont", "doesnt"];

    /// <summary>Exclusion ("except", "other than"): a negation of what follows.</summary>
    public static IReadOnlyList<string> ExclusionWords { get; } =
        ["except", "excluding", "exclude", "excludes", "other than", "apart from", "but not", "not including"];

    /// <summary>"Not even once" ("never", "not yet", "yet to"); also negations.</summary>
    public static IReadOnlyList<string> NeverWords { get; } = ["never", "yet to", "not yet"];

    /// <summary>"At least" comparisons ("over", "more than", "&gt;=", "worth").</summary>
    public static IReadOnlyList<string> AtLeastWords { get; } =
    [
        "over", "above", "more than", "greater than", "at least", "exceeding", "upwards of", "higher than", "bigger than", ">", ">=",
        "> =", "minimum", "min", "or more", "plus", "+", "worth", "valued at", "of at least", "starting at", "north of", "in excess of",
    ];

    /// <summary>The month names, January first.</summary>
    public static IReadOnlyList<string> MonthNames { get; } =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Names of days, holidays and seasons: campaign timing, never a place or a product.</summary>
    public static IReadOnlyList<string> OtherCalendarNames { get; } =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "black friday",
        "cyber monday", "boxing day", "thanksgiving", "spring", "summer", "autumn", "fall", "winter",
    ];

    private static readonly Dictionary<string, int> CountWords = BuildCountWords();

    // Plurals in -ves whose singular ends in -f or -fe; any other -ves plural only drops the s (gloves, stoves, olives).
    private static readonly (string Plural, string Singular)[] FPlurals =
    [
        ("shelves", "shelf"), ("halves", "half"), ("wolves", "wolf"), ("calves", "calf"), ("selves", "self"), ("knives", "knife"),
        ("wives", "wife"), ("lives", "life"), ("leaves", "leaf"), ("loaves", "loaf"), ("thieves", "thief"), ("scarves", "scarf"),
        ("hooves", "hoof"),
    ];

    // Words that end in s without being a plural of something shorter.
    private static readonly string[] Invariant =
        ["series", "species", "news", "trousers", "jeans", "shorts", "pants", "tights", "leggings", "scissors", "clothes", "dues"];

    /// <summary>The value of a counting word from one to ninety ("thirteen" is 13), if it is one.</summary>
    public static bool TryReadCountWord(string word, out int value) => CountWords.TryGetValue(word, out value);

    /// <summary>
    /// The singular of an English plural, for catalog values written in the plural ("Shelves" to "Shelf",
    /// "Dresses" to "Dress", "Boxes" to "Box", "Accessories" to "Accessory", "Gloves" to "Glove").
    /// Only the last word changes; the case of the rest is kept; a word that is not a plural comes back unchanged.
    /// </summary>
    public static string Singular(string plural)
    {
        int start = plural.LastIndexOf(' ') + 1;
        ReadOnlySpan<char> last = plural.AsSpan(start);
        if (last.Length < 3 || !last.EndsWith("s", StringComparison.OrdinalIgnoreCase) || IsInvariant(last))
        {
            return plural;
        }

        foreach ((string f, string singular) in FPlurals)
        {
            if (last.EndsWith(f, StringComparison.OrdinalIgnoreCase))
            {
                int cut = plural.Length - f.Length;
                return plural[..cut] + MatchCase(plural.AsSpan(cut), singular);
            }
        }

        if (EndsWith(last, "sses") || EndsWith(last, "xes") || EndsWith(last, "zzes") || EndsWith(last, "ches") || EndsWith(last, "shes"))
        {
            return plural[..^2];
        }

        if (EndsWith(last, "ies") && last.Length > 4)
        {
            return plural[..^3] + (char.IsUpper(plural[^3]) ? "Y" : "y");
        }

        if (EndsWith(last, "ss") || EndsWith(last, "us") || EndsWith(last, "is"))
        {
            // "Glass", "Cactus", "Trellis": not plurals.
            return plural;
        }

        return plural[..^1];
    }

    /// <summary>The plural of an English noun phrase ("match" to "matches", "item view" to "item views", "accessory" to "accessories").</summary>
    public static string Plural(string singular)
    {
        if (singular.Length == 0)
        {
            return singular;
        }

        ReadOnlySpan<char> s = singular;
        if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") || EndsWith(s, "sh"))
        {
            return singular + "es";
        }

        if (s.Length > 1 && (s[^1] is 'y' or 'Y') && !IsVowel(s[^2]))
        {
            return singular[..^1] + (s[^1] == 'Y' ? "IES" : "ies");
        }

        return singular + "s";
    }

    private static bool EndsWith(ReadOnlySpan<char> word, string suffix) => word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    private static bool IsVowel(char c) => char.ToLowerInvariant(c) is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsInvariant(ReadOnlySpan<char> word)
    {
        foreach (string invariant in Invariant)
        {
            if (word.Equals(invariant, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "SHELVES" becomes "SHELF", "Shelves" "Shelf", "shelves" "shelf".
    private static string MatchCase(ReadOnlySpan<char> original, string lower)
    {
        if (original.Length > 1 && char.IsUpper(original[0]) && char.IsUpper(original[1]))
        {
            return lower.ToUpperInvariant();
        }

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
    }

    private static Dictionary<string, int> BuildCountWords()
    {
        Dictionary<string, int> words = new(StringComparer.Ordinal);
        for (int i = 1; i < Ones.Count; i++)
        {
            words.Add(Ones[i], i);
        }

        for (int i = 0; i < Tens.Count; i++)
        {
            words.Add(Tens[i], (i + 2) * 10);
        }

        return words;
    }
}
