namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>What <see cref="SummitOutfittersGenerator"/> writes.</summary>
public sealed record SummitOutfittersOptions
{
    /// <summary>How many members (1 to 1,000,000). <value>The default value is 3,000.</value></summary>
    public int Members { get; init; } = 3_000;

    /// <summary>The random seed: the same seed and as-of give the same database. <value>The default value is 42.</value></summary>
    public int Seed { get; init; } = 42;

    /// <summary>The as-of time (UTC): every timestamp is before it. <value>The default value is 2026-11-01T00:00:00Z.</value></summary>
    public DateTime AsOf { get; init; } = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The share of members each promo is sent to (half treatment, half control). <value>The default value is 0.6.</value></summary>
    public double PromoAudienceShare { get; init; } = 0.6;

    /// <summary>Whether to write the optional <c>member_scores</c> table. <value>The default value is true.</value></summary>
    public bool Scores { get; init; } = true;
}
