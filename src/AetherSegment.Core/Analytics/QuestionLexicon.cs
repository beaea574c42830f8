using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>What a lexicon phrase names.</summary>
internal enum LexiconKind
{
    Measure,
    Dimension,
    Filter,
}

/// <summary>A phrase of the question vocabulary and what it means on the semantic layer.</summary>
/// <param name="Phrase">The normalized phrase.</param>
/// <param name="Kind">What it names.</param>
/// <param name="Measure">The measure it names.</param>
/// <param name="Dimension">The dimension it names (a breakdown).</param>
/// <param name="FilterDimension">The dimension a filter phrase restricts.</param>
/// <param name="Values">The canonical values of a filter phrase.</param>
/// <param name="Group">Whether a filter phrase names a vocabulary group ("mobile" for two devices): one filter, not a comparison.</param>
internal sealed record LexiconEntry(string Phrase, LexiconKind Kind, MeasureDefinition? Measure, DimensionDefinition? Dimension, DimensionDefinition? FilterDimension, IReadOnlyList<string> Values, bool Group = false)
{
    /// <summary>The phrase between spaces, as it is searched for in normalized text.</summary>
    public string Padded { get; } = " " + Phrase + " ";
}

/// <summary>A catalog value read only after a preposition ("in the us", "from email"): alone the word means something else.</summary>
/// <param name="Pattern">The pattern over normalized text; its match is the filter's phrase.</param>
/// <param name="Dimension">The dimension filtered.</param>
/// <param name="Value">The canonical value.</param>
/// <param name="Said">The words between spaces every match of <paramref name="Pattern"/> holds (" us "): the pattern is tried
/// only where the text holds them (stop 42, parse speed).</param>
internal sealed record GuardedPhrase(Regex Pattern, DimensionDefinition Dimension, string Value, string Said);

/// <summary>
/// A catalog word that is also a common word of questions ("US" and "us"): written in lower case after a word that
/// takes an object ("came to us", "spent with us", "bought from us") it is that common word, not the value.
/// </summary>
/// <param name="Phrase">The normalized word ("us").</param>
/// <param name="Written">How the profile writes it ("US"); a question that writes it so means the value.</param>
/// <param name="Pronoun">The pattern over normalized text of its uses as the common word.</param>
internal sealed record PronounPhrase(string Phrase, IReadOnlyList<string> Written, Regex Pronoun);

/// <summary>
/// The question vocabulary of one business, built from its semantic layer and its profile: measure synonyms,
/// dimension words and filter values (every place and taxonomy level, event types, devices and their groups,
/// acquisition sources, value tiers, triggers, with the profile's words and vocabulary synonyms), longest phrase
/// first so a two-word value wins over its last word. Language words (plurals) come from <see cref="LanguageWords"/>.
/// Immutable after construction; thread-safe.
/// </summary>
internal sealed class QuestionLexicon
{
    // The entries by the first word of their phrase (indices into Entries, ascending): a phrase can only be found in a
    // text that holds its first word, so a question is searched only for the phrases that start with one of its words.
    private readonly Dictionary<string, int[]> _byFirstWord;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordSpan;
    private readonly int[] _anyText;

    [ThreadStatic]
    private static List<int>? t_indices;

    private QuestionLexicon(IReadOnlyList<LexiconEntry> entries, IReadOnlyList<GuardedPhrase> guarded, IReadOnlyList<string> personal, IReadOnlyList<PronounPhrase> pronouns)
    {
        Entries = entries;
        Guarded = guarded;
        Pronouns = pronouns;
        PersonalPhrases = personal;
        Dictionary<string, List<int>> byFirstWord = new(StringComparer.Ordinal);
        List<int> anyText = [];
        for (int i = 0; i < entries.Count; i++)
        {
            string phrase = entries[i].Phrase;
            int space = phrase.IndexOf(' ', StringComparison.Ordinal);
            string first = space < 0 ? phrase : phrase[..space];
            if (first.Length == 0)
            {
                anyText.Add(i);
                continue;
            }

            if (!byFirstWord.TryGetValue(first, out List<int>? indices))
            {
                byFirstWord[first] = indices = [];
            }

            indices.Add(i);
        }

        _byFirstWord = byFirstWord.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byFirstWordSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _anyText = [.. anyText];
    }

    /// <summary>The phrases, longest first.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>
    /// The entries that may occur in <paramref name="text"/> (normalized, words between single spaces), in the order of
    /// <see cref="Entries"/>: those whose phrase starts with a word of the text. Entries left out cannot match it.
    /// </summary>
    public List<LexiconEntry> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One list per thread for the indices (Candidates does not call itself).
        List<int> indices = t_indices ??= [];
        indices.Clear();
        indices.AddRange(_anyText);
        ReadOnlySpan<char> span = text;
        foreach (Range range in span.Split(' '))
        {
            if (!span[range].IsEmpty && _byFirstWordSpan.TryGetValue(span[range], out int[]? found))
            {
                indices.AddRange(found);
            }
        }

        indices.Sort();
        List<LexiconEntry> candidates = new(indices.Count);
        for (int i = 0; i < indices.Count; i++)
        {
            if (i == 0 || indices[i] != indices[i - 1])
            {
                candidates.Add(Entries[indices[i]]);
            }
        }

        return candidates;
    }

    /// <summary>Catalog values read only after a preposition, in the order they are read.</summary>
    public IReadOnlyList<GuardedPhrase> Guarded { get; }

    /// <summary>Catalog words that are also common words of questions ("us"), read as the value only where they cannot be the common word.</summary>
    public IReadOnlyList<PronounPhrase> Pronouns { get; }

    /// <summary>The profile's personal columns as a question would name them ("full name"), padded with spaces.</summary>
    public IReadOnlyList<string> PersonalPhrases { get; }

    /// <summary>Builds the vocabulary of <paramref name="layer"/>, longest phrase first.</summary>
    public static QuestionLexicon Build(SemanticLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        BusinessProfile profile = layer.Profile;
        Dictionary<string, LexiconEntry> entries = new(StringComparer.Ordinal);
        List<GuardedPhrase> guarded = [];
        Dictionary<string, List<string>> pronouns = new(StringComparer.Ordinal);
        HashSet<string> customerColumns = new(StringComparer.Ordinal);
        foreach (string name in profile.Entities.Customers.Columns.Keys.Concat(profile.Entities.Customers.PersonalColumns))
        {
            customerColumns.Add(QuestionText.Normalize(name).Replace(" ", "", StringComparison.Ordinal));
        }

        void Add(string phrase, LexiconKind kind, MeasureDefinition? measure = null, DimensionDefinition? dimension = null, DimensionDefinition? filter = null, IReadOnlyList<string>? values = null, bool group = false)
        {
            // Question text keeps ASCII letters and digits only: a phrase with other characters ("u.s.a.", accents, "%")
            // could never be said as written, and a hyphenated word read with a space ("how-to" as "how to") would
            // catch plain questions.
            if (phrase.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '&' or '\'' or '\u2019')))
            {
                return;
            }

            string key = QuestionText.Normalize(phrase).Trim();
            if (kind == LexiconKind.Filter && QuestionParser.IsStopWord(key))
            {
                // "US" is also "us": the parser reads it as the value unless it is the common word.
                if (!pronouns.TryGetValue(key, out List<string>? written))
                {
                    pronouns[key] = written = [];
                }

                if (!written.Contains(phrase, StringComparer.Ordinal) && phrase != key)
                {
                    written.Add(phrase);
                }
            }

            if (key.Length > 0)
            {
                entries.TryAdd(key, new LexiconEntry(key, kind, measure, dimension, filter, values ?? [], group));
            }
        }

        void Filter(DimensionDefinition? dimension, string phrase, IReadOnlyList<string> values, bool group = false)
        {
            if (dimension is null)
            {
                return;
            }

            Add(phrase, LexiconKind.Filter, filter: dimension, values: values, group: group);
            if (dimension.Role == DimensionRole.Trigger)
            {
                Add(phrase + " campaign", LexiconKind.Filter, filter: dimension, values: values);
                Add(phrase + " campaigns", LexiconKind.Filter, filter: dimension, values: values);
                Add(phrase + " trigger", LexiconKind.Filter, filter: dimension, values: values);
                Add("trigger " + phrase, LexiconKind.Filter, filter: dimension, values: values);
            }
        }

        foreach (MeasureDefinition measure in layer.Measures)
        {
            foreach (string synonym in measure.Synonyms)
            {
                Add(synonym, LexiconKind.Measure, measure);
                if (measure.Additive)
                {
                    Add("number of " + synonym, LexiconKind.Measure, measure);
                    Add("total " + synonym, LexiconKind.Measure, measure);
                    Add("count of " + synonym, LexiconKind.Measure, measure);
                }
                else if (!synonym.StartsWith("average", StringComparison.Ordinal))
                {
                    Add("average " + synonym, LexiconKind.Measure, measure);
                    Add("avg " + synonym, LexiconKind.Measure, measure);
                    Add("mean " + synonym, LexiconKind.Measure, measure);
                }
            }
        }

        foreach (DimensionDefinition dimension in layer.Dimensions)
        {
            foreach (string synonym in dimension.Synonyms)
            {
                Add(synonym, LexiconKind.Dimension, dimension: dimension);
            }
        }

        // Places and taxonomy, level by level: the names (and singulars) first, then the words.
        foreach (CatalogHierarchy hierarchy in (CatalogHierarchy[])[profile.Catalog.Places, profile.Catalog.Taxonomy])
        {
            bool taxonomy = ReferenceEquals(hierarchy, profile.Catalog.Taxonomy);
            foreach (HierarchyLevel level in hierarchy.Levels)
            {
                DimensionDefinition? dimension = layer.Dimension(level.Name);
                IReadOnlyList<CatalogNode> nodes = hierarchy.ValuesAt(level);
                foreach (CatalogNode node in nodes)
                {
                    Filter(dimension, node.Name, [node.Name]);
                    if (taxonomy && level == hierarchy.Levels[^1])
                    {
                        Filter(dimension, LanguageWords.Singular(node.Name), [node.Name]);
                    }

                    if (!taxonomy && dimension is not null && Initials(node.Name) is { } initials && QuestionParser.IsStopWord(initials))
                    {
                        guarded.Add(new GuardedPhrase(new Regex(@"(?<= )(?:in|from|vs|versus|and|compare|between|the) (?:the )?" + initials + "(?= )", RegexOptions.CultureInvariant, AnalyticsRegex.Timeout), dimension, node.Name, " " + initials + " "));
                    }
                }

                foreach (CatalogNode node in nodes)
                {
                    if (node.Singular is { } singular)
                    {
                        Filter(dimension, singular, [node.Name]);
                    }

                    foreach (string word in node.Words.Concat(Synonyms(profile, node.Name)))
                    {
                        Filter(dimension, word, [node.Name]);
                    }
                }
            }
        }

        DimensionDefinition? eventType = layer.Dimension("event_type");
        foreach (EventTypeEntry entry in profile.Catalog.EventTypes)
        {
            string name = entry.Name.Replace('_', ' ');
            Filter(eventType, name, [entry.Name]);
            Filter(eventType, LanguageWords.Plural(name), [entry.Name]);
        }

        foreach (EventTypeEntry entry in profile.Catalog.EventTypes)
        {
            foreach (string word in Words(entry.Label, entry.Words, Synonyms(profile, entry.Name)))
            {
                Filter(eventType, word, [entry.Name]);
            }

            if (entry.Label.Length > 0)
            {
                Filter(eventType, LanguageWords.Plural(entry.Label), [entry.Name]);
            }
        }

        // "used the <tool>", "viewed in AR", "checked stock": an event label "<noun> <verb>" said with the verb before
        // the noun. Labels joining words with "to" or "from" ("add to cart") are said as they are written.
        foreach (EventTypeEntry entry in profile.Catalog.EventTypes)
        {
            string[] words = QuestionText.Normalize(entry.Label.Length > 0 ? entry.Label : entry.Name.Replace('_', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words.Contains("to") || words.Contains("from") || words[^1].Length < 3)
            {
                continue;
            }

            string noun = string.Join(' ', words[..^1]);
            foreach (string verb in VerbForms(words[^1]))
            {
                foreach (string joint in (string[])["", "the ", "a ", "an ", "in ", "in the ", "their ", "our "])
                {
                    Filter(eventType, $"{verb} {joint}{noun}", [entry.Name]);
                }

                // "added something to their wishlist", "added items to the wishlist".
                foreach (string thing in (string[])["", "something ", "anything ", "items ", "an item ", "products ", "a product ", "things "])
                {
                    foreach (string to in (string[])["to ", "to the ", "to their ", "to a ", "to our "])
                    {
                        Filter(eventType, $"{verb} {thing}{to}{noun}", [entry.Name]);
                    }
                }

                Filter(eventType, $"{verb} {LanguageWords.Plural(noun)}", [entry.Name]);
            }
        }

        // "tried the <feature>", "tried out the <feature>": trying a feature is having its events.
        foreach (EventTypeEntry entry in profile.Catalog.EventTypes)
        {
            foreach (string name in Words(entry.Label, entry.Words, Synonyms(profile, entry.Name)).Select(w => QuestionText.Normalize(w).Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal))
            {
                foreach (string verb in (string[])["tried", "tried out", "try", "try out", "tries", "trying", "trying out"])
                {
                    foreach (string joint in (string[])["", "the ", "a ", "an ", "our "])
                    {
                        Filter(eventType, $"{verb} {joint}{name}", [entry.Name]);
                    }
                }
            }
        }

        DimensionDefinition? device = layer.Dimension("device");
        FlatList(profile.Catalog.Devices, device, _ => false);
        foreach (VocabularyGroup group in profile.Vocabulary.Groups)
        {
            DimensionDefinition? dimension = group.List switch
            {
                CatalogList.Devices => device,
                CatalogList.EventTypes => eventType,
                CatalogList.AcquisitionSources => layer.Dimension("acquisition_source"),
                CatalogList.Places => profile.Catalog.Places.Find(group.Values[0]) is { } place ? layer.Dimension(place.Level.Name) : null,
                CatalogList.Taxonomy => profile.Catalog.Taxonomy.Find(group.Values[0]) is { } taxon ? layer.Dimension(taxon.Level.Name) : null,
                _ => null,
            };
            foreach (string word in group.Words)
            {
                Filter(dimension, word, group.Values, group: true);
            }
        }

        // A source named like a customer column ("email") is read only after a preposition: alone it is the column.
        DimensionDefinition? source = layer.Dimension("acquisition_source");
        FlatList(profile.Catalog.AcquisitionSources, source, phrase => customerColumns.Contains(QuestionText.Normalize(phrase).Replace(" ", "", StringComparison.Ordinal)));
        if (source is not null)
        {
            foreach (CatalogEntry entry in profile.Catalog.AcquisitionSources)
            {
                string name = QuestionText.Normalize(entry.Name).Trim();
                if (customerColumns.Contains(name.Replace(" ", "", StringComparison.Ordinal)))
                {
                    guarded.Add(new GuardedPhrase(new Regex(@"(?<= )(?:from|via|through|by) " + Regex.Escape(name) + "(?: marketing)?(?= )", RegexOptions.CultureInvariant, AnalyticsRegex.Timeout), source, entry.Name, " " + name + " "));
                }
            }
        }

        if (layer.Dimension("value_tier") is { } tier && layer.ValueScore is { } value)
        {
            Filter(tier, "high value", ["high"]);
            foreach (string word in ValueWords(value))
            {
                Filter(tier, "high " + word, ["high"]);
            }

            Filter(tier, "vip", ["high"]);
            Filter(tier, "vips", ["high"]);
            Filter(tier, "medium value", ["medium"]);
            Filter(tier, "mid value", ["medium"]);
            Filter(tier, "low value", ["low"]);
            foreach (string word in ValueWords(value))
            {
                Filter(tier, "low " + word, ["low"]);
            }
        }

        DimensionDefinition? trigger = layer.Dimension("trigger");
        foreach (TriggerDefinition definition in profile.Triggers)
        {
            Filter(trigger, definition.Id.Replace('_', ' '), [definition.Id]);
        }

        foreach (TriggerDefinition definition in profile.Triggers)
        {
            foreach (string word in definition.Words.Concat(Synonyms(profile, definition.Id)))
            {
                Filter(trigger, word, [definition.Id]);
            }
        }

        // Campaign types are the contract's ("<type> campaigns", "campaign type <type>", the type's words alone): a filter on
        // the campaign sends' type.
        if (layer.Dimension("campaign_type") is { Missing: null } campaignType)
        {
            foreach ((string name, _) in ProfileWire<Interpretation.CampaignType>.Names)
            {
                string words = name.Replace('_', ' ');
                foreach (string phrase in (string[])[words + " campaigns", words + " campaign", "campaign type " + words, words + " campaign type", words + " type", words])
                {
                    Add(phrase, LexiconKind.Filter, filter: campaignType, values: [name]);
                }
            }
        }

        List<LexiconEntry> list = [.. entries.Values];
        list.Sort((a, b) => b.Phrase.Length != a.Phrase.Length ? b.Phrase.Length - a.Phrase.Length : string.CompareOrdinal(a.Phrase, b.Phrase));
        List<string> personal = [.. profile.Entities.Customers.PersonalColumns.Select(c => QuestionText.Normalize(c)).Where(p => p.Trim().Contains(' ', StringComparison.Ordinal))];
        List<PronounPhrase> pronounPhrases = [.. pronouns.Select(p => new PronounPhrase(p.Key, p.Value, new Regex(PronounBefore + Regex.Escape(p.Key) + "(?= )", RegexOptions.CultureInvariant, AnalyticsRegex.Timeout)))];
        return new QuestionLexicon(list, guarded, personal, pronounPhrases);

        void FlatList(IReadOnlyList<CatalogEntry> values, DimensionDefinition? dimension, Func<string, bool> skip)
        {
            foreach (CatalogEntry entry in values)
            {
                string name = entry.Name.Replace('_', ' ');
                if (!skip(name))
                {
                    Filter(dimension, name, [entry.Name]);
                }
            }

            foreach (CatalogEntry entry in values)
            {
                foreach (string word in Words(entry.Label, entry.Words, Synonyms(profile, entry.Name)))
                {
                    if (!skip(word))
                    {
                        Filter(dimension, word, [entry.Name]);
                    }
                }
            }
        }
    }

    // "use": "used", "use", "using", "uses"; "check": "checked", "check", "checking", "checks"; "try": "tried".
    private static string[] VerbForms(string verb)
    {
        bool e = verb.EndsWith('e');
        bool y = verb.EndsWith('y') && !"aeiou".Contains(verb[^2], StringComparison.Ordinal);
        string past = e ? verb + "d" : y ? verb[..^1] + "ied" : verb + "ed";
        string ing = e ? verb[..^1] + "ing" : verb + "ing";
        return [past, verb, ing, y ? verb[..^1] + "ies" : verb + "s"];
    }

    // The words after which a common word is an object ("to us", "tell us", "bought from us", "bought (a product) from us" (stop 44),
    // "spent $500 with us"), or of a verb that gives ("brought us the most customers", "earned us", "cost us": stop 53), not a catalog value.
    private const string PronounBefore = @"(?<= (?:to|with|of|for|by|at|about|toward|towards|tell|told|give|gives|gave|given|bring|brings|brought|send|sends|sent|get|gets|got|earn|earns|earned|make|makes|made|cost|costs|drive|drives|drove|driven|win|wins|won|generate|generates|generated|show|showed|let|help|helped|join|joined|contact|contacted|reach|reached|choose|chose|chosen|trust|trusted|visit|visited|find|found|finds|discover|discovered|pick|picked|(?:bought|buy|buying|ordered|order|ordering|purchased|purchase|purchasing|shopped|shop|shopping|spent|spend|spending|came|come|coming) from|(?:bought|buy|ordered|purchased|shopped)(?: [^ ]+){1,3} from|(?:spent|spend|shopped|shop)(?: [^ ]+){1,3} with) )";

    private static IEnumerable<string> Words(string label, IReadOnlyList<string> words, IReadOnlyList<string> synonyms) =>
        label.Length > 0 ? [label, .. words, .. synonyms] : [.. words, .. synonyms];

    private static IReadOnlyList<string> Synonyms(BusinessProfile profile, string value) =>
        profile.Vocabulary.Synonyms.TryGetValue(value, out IReadOnlyList<string>? words) ? words : [];

    // The one-word names of the value score (its name in "high {name}").
    private static IEnumerable<string> ValueWords(ProfileAttribute value) =>
        new[] { value.Name.Replace('_', ' '), value.Label }.Concat(value.Words)
            .Select(w => QuestionText.Normalize(w).Trim())
            .Where(w => w.Length > 0 && !w.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    // The initials of a name of two or more words ("nw" for "North West"); null for one word.
    private static string? Initials(string name)
    {
        string[] words = QuestionText.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? null : string.Concat(words.Select(w => w[0]));
    }
}
