namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The precompiled lexicon: a word table (looked up by span, no allocation) and a trie of phrases over word ids.
/// Built once per profile from <see cref="LexiconEntries"/>; immutable and thread-safe afterwards.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<long, int> _edges;
    private readonly LexMeaning[]?[] _meanings;

    private Lexicon(Dictionary<string, int> words, Dictionary<long, int> edges, LexMeaning[]?[] meanings)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = edges;
        _meanings = meanings;
    }

    /// <summary>The number of distinct words.</summary>
    public int WordCount => _words.Count;

    /// <summary>The id of a lower-case word, or -1.</summary>
    public int WordId(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out int id) ? id : -1;

    /// <summary>The trie node reached from <paramref name="node"/> (0 is the root) by a word, or -1.</summary>
    public int Step(int node, int wordId) => wordId < 0 ? -1 : _edges.TryGetValue(((long)node << 32) | (uint)wordId, out int next) ? next : -1;

    /// <summary>The meanings of the phrase ending at a node, or null when no phrase ends there.</summary>
    public LexMeaning[]? Meanings(int node) => _meanings[node];

    /// <summary>Builds a lexicon from phrases; meanings of repeated phrases are merged.</summary>
    public static Lexicon Build(IEnumerable<(string Phrase, LexMeaning[] Meanings)> entries)
    {
        Dictionary<string, int> words = new(StringComparer.Ordinal);
        Dictionary<long, int> edges = [];
        List<List<LexMeaning>?> meanings = [null];
        Span<Token> tokens = new Token[64];
        char[] buffer = new char[256];
        foreach ((string phrase, LexMeaning[] phraseMeanings) in entries)
        {
            int count = Tokenizer.Tokenize(phrase, buffer, tokens);
            if (count == 0)
            {
                continue;
            }

            int node = 0;
            for (int t = 0; t < count; t++)
            {
                if (tokens[t].IsNumber)
                {
                    throw new InvalidOperationException($"Lexicon phrase '{phrase}' holds a number; numbers are read by the tokenizer.");
                }

                string word = new(buffer, tokens[t].Start, tokens[t].Length);
                if (!words.TryGetValue(word, out int id))
                {
                    id = words.Count;
                    words.Add(word, id);
                }

                long key = ((long)node << 32) | (uint)id;
                if (!edges.TryGetValue(key, out int next))
                {
                    next = meanings.Count;
                    meanings.Add(null);
                    edges.Add(key, next);
                }

                node = next;
            }

            List<LexMeaning> list = meanings[node] ??= [];
            foreach (LexMeaning meaning in phraseMeanings)
            {
                if (!list.Contains(meaning))
                {
                    list.Add(meaning);
                }
            }
        }

        LexMeaning[]?[] compiled = new LexMeaning[]?[meanings.Count];
        for (int i = 0; i < compiled.Length; i++)
        {
            compiled[i] = meanings[i]?.ToArray();
        }

        return new Lexicon(words, edges, compiled);
    }
}
