namespace AetherSegment.Web.Tests.Infrastructure;

/// <summary>Seed objectives of shared/examples/objectives.jsonl used across the web tests.</summary>
internal static class Objectives
{
    public const string AbandonedCarts = "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%";
    public const string Regional = "Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth";
    public const string WinBack = "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%";
}
