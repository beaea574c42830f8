using AetherSegment.Vocabulary;

namespace AetherSegment.Core.Tests.Vocabulary;

public sealed class LanguageWordsTests
{
    [Theory]
    [InlineData("Bookshelves", "Bookshelf")]
    [InlineData("Shelves", "Shelf")]
    [InlineData("Mattresses", "Mattress")]
    [InlineData("Storage Boxes", "Storage Box")]
    [InlineData("TV Stands", "TV Stand")]
    [InlineData("Vases", "Vase")]
    [InlineData("Dressers", "Dresser")]
    [InlineData("Bedding", "Bedding")]
    [InlineData("Wall Art", "Wall Art")]
    [InlineData("Cookware", "Cookware")]
    public void Singular_BuiltInCatalogPlurals_AsBefore(string plural, string singular) =>
        Assert.Equal(singular, LanguageWords.Singular(plural));

    // Where the interpreter's and the question parser's copies disagreed (the question copy knew no -ies or -shes
    // and was case-sensitive), and where both were wrong (-ves that is not -f, words in -ss, -us and pluralia tantum).
    [Theory]
    [InlineData("Accessories", "Accessory")]
    [InlineData("Hair Brushes", "Hair Brush")]
    [InlineData("BOOKSHELVES", "BOOKSHELF")]
    [InlineData("SOFAS", "SOFA")]
    [InlineData("Watches", "Watch")]
    [InlineData("Gloves", "Glove")]
    [InlineData("Stoves", "Stove")]
    [InlineData("Knives", "Knife")]
    [InlineData("Scarves", "Scarf")]
    [InlineData("Glass", "Glass")]
    [InlineData("Cactus", "Cactus")]
    [InlineData("Trousers", "Trousers")]
    [InlineData("Hiking Shorts", "Hiking Shorts")]
    [InlineData("Series", "Series")]
    [InlineData("Ties", "Tie")]
    public void Singular_PluralsTheOldCopiesGotWrong(string plural, string singular) =>
        Assert.Equal(singular, LanguageWords.Singular(plural));

    [Theory]
    [InlineData("search", "searches")]
    [InlineData("page view", "page views")]
    [InlineData("accessory", "accessories")]
    [InlineData("day", "days")]
    [InlineData("box", "boxes")]
    [InlineData("wishlist add", "wishlist adds")]
    public void Plural_EnglishRules(string singular, string plural) =>
        Assert.Equal(plural, LanguageWords.Plural(singular));

    [Fact]
    public void CountWordPattern_NamesExactlyTheCountWords()
    {
        string[] pattern = LanguageWords.CountWordPattern.Split('|');
        string[] words = [.. LanguageWords.Ones.Skip(1), .. LanguageWords.Tens];

        Assert.Equal(words.Order(StringComparer.Ordinal), pattern.Order(StringComparer.Ordinal));
        for (int i = 1; i < LanguageWords.Ones.Count; i++)
        {
            Assert.True(LanguageWords.TryReadCountWord(LanguageWords.Ones[i], out int value));
            Assert.Equal(i, value);
        }

        Assert.True(LanguageWords.TryReadCountWord("forty", out int forty));
        Assert.Equal(40, forty);
        Assert.False(LanguageWords.TryReadCountWord("zero", out _));
    }

    // Stop 42 (one word list per concept): the analytics parser's negations are built from the forms here; each is a
    // negation the objective interpreter knows too (with its apostrophe put back), and each is what the parser's
    // normalization makes of the apostrophe form ("didn't" is "didnt").
    [Fact]
    public void NegationForms_AreTheInterpretersNegations_AsTheParserNormalizesThem()
    {
        string[] forms =
        [
            .. LanguageWords.NegationWords,
            .. new[] { LanguageWords.DidNotPattern, LanguageWords.DoNotPattern, LanguageWords.DoesNotPattern, LanguageWords.HaveNotPattern, LanguageWords.HasNotPattern, LanguageWords.HadNotPattern, LanguageWords.NotDonePattern }
                .SelectMany(p => p.Split('|')),
        ];
        HashSet<string> known = [.. LanguageWords.Negators, .. LanguageWords.NeverWords];

        foreach (string form in forms.Distinct())
        {
            string apostrophe = form.EndsWith("nt", StringComparison.Ordinal) ? form[..^2] + "n't" : form;
            Assert.True(known.Contains(form) || known.Contains(apostrophe), form);
            Assert.Equal($" {form} ", AetherSegment.Analytics.QuestionText.Normalize(apostrophe));
        }
    }

    [Fact]
    public void NegationContractions_AreTheOneWordNegationsWithTheirApostropheDropped()
    {
        Assert.Subset(LanguageWords.NegationWords.ToHashSet(), LanguageWords.NegationContractions.ToHashSet());
        Assert.Equal(
            LanguageWords.NegationWords.Where(w => w.EndsWith("nt", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            LanguageWords.NegationContractions.Order(StringComparer.Ordinal));
        Assert.Equal(LanguageWords.NegationWordPattern, string.Join('|', LanguageWords.NegationWords));
    }
}
