using System.Runtime.CompilerServices;

namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 40): what the readings need from a layer, prepared once per layer instead of once per question or
/// per reading. Each rule keeps its own wording and order; only the repeated work moved here.
/// </summary>
internal static partial class QuestionParser
{
    private static readonly ConditionalWeakTable<SemanticLayer, CustomerAttributeRewrites> s_customerAttributeRewrites = new();

    /// <summary>
    /// The rewrites of <see cref="CustomerAttributeSaid"/> ("by customer country " as "by country "), in the order it makes
    /// them: each customer dimension's label, plural label and synonyms after " per ", " by ", " for each " and " each ",
    /// followed by "customer " or "customers ".
    /// </summary>
    private sealed class CustomerAttributeRewrites
    {
        public CustomerAttributeRewrites(SemanticLayer layer)
        {
            List<(int Prefix, string From, string To)> rewrites = [];
            foreach (DimensionDefinition dimension in layer.Dimensions)
            {
                if (!dimension.OnCustomers || dimension.Missing is not null)
                {
                    continue;
                }

                foreach (string word in (string[])[dimension.Label, dimension.PluralLabel, .. dimension.Synonyms])
                {
                    for (int by = 0; by < Bys.Length; by++)
                    {
                        for (int customer = 0; customer < CustomerNouns.Length; customer++)
                        {
                            rewrites.Add((by * CustomerNouns.Length + customer, Bys[by] + CustomerNouns[customer] + word + " ", Bys[by] + word + " "));
                        }
                    }
                }
            }

            Rewrites = [.. rewrites];
            Prefixes = [.. Bys.SelectMany(by => CustomerNouns.Select(customer => by + customer))];
        }

        public static readonly string[] Bys = [" per ", " by ", " for each ", " each "];

        public static readonly string[] CustomerNouns = ["customer ", "customers "];

        /// <summary>Each rewrite, with the index of its prefix (" by customer ") in <see cref="Prefixes"/>.</summary>
        public (int Prefix, string From, string To)[] Rewrites { get; }

        public string[] Prefixes { get; }
    }

    // The same rewrites as one string.Replace per word, preposition and noun, in the same order, without building any of
    // them per question: a rewrite is tried only where its prefix (" by customer ") is in the text (looked up again
    // after a rewrite changed the text).
    private static string CustomerAttributeRewritten(string text, SemanticLayer layer)
    {
        CustomerAttributeRewrites rewrites = s_customerAttributeRewrites.GetValue(layer, static l => new CustomerAttributeRewrites(l));
        Span<bool> present = stackalloc bool[rewrites.Prefixes.Length];
        if (!PrefixesPresent(text, rewrites.Prefixes, present))
        {
            return text;
        }

        foreach ((int prefix, string from, string to) in rewrites.Rewrites)
        {
            if (present[prefix])
            {
                string rewritten = text.Replace(from, to, StringComparison.Ordinal);
                if (!ReferenceEquals(rewritten, text))
                {
                    text = rewritten;
                    PrefixesPresent(text, rewrites.Prefixes, present);
                }
            }
        }

        return text;
    }

    private static bool PrefixesPresent(string text, string[] prefixes, Span<bool> present)
    {
        bool any = false;
        for (int i = 0; i < present.Length; i++)
        {
            present[i] = text.Contains(prefixes[i], StringComparison.Ordinal);
            any |= present[i];
        }

        return any;
    }
}
