namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>Words of the demo retailer (catalog, tables, triggers) that must not appear in another retailer's output.</summary>
public static class DemoWords
{
    /// <summary>The words.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "furniture", "sofa", "London", "United Kingdom", "Living Room", "room_planner", "transactions", "behavioral_events",
        "campaign_history", "abandoned_carts", "customer_scores", "clv_score", "free_shipping_offer", "personalized_discount_offer",
    ];

    /// <summary>Asserts that no demo word is in a text (case-insensitive).</summary>
    public static void AssertNone(string text)
    {
        foreach (string word in All)
        {
            Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' in: {text[..Math.Min(text.Length, 2000)]}");
        }
    }
}
