using AetherSegment.Analytics;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// Words a user says around a question that change nothing in it ("have ever bought", "bought something from",
/// "orders that included", "top 5 ... including ties"): the question compiles to exactly the SQL and parameters of the
/// same question without them; and they never make an unplaced word placeable.
/// </summary>
public sealed class FillerWordsTests
{
    private readonly SemanticLayer _layer = new(HomeFurnishingProfile.Load());

    [Theory]
    [InlineData("How many customers in Melbourne have ever bought a Patio Set?", "How many customers in Melbourne bought a Patio Set?")]
    [InlineData("how many customers bought something from Lighting", "how many customers bought from Lighting")]
    [InlineData("How many orders included Sofas?", "How many orders of Sofas?")]
    [InlineData("orders containing sofas last month", "orders of sofas last month")]
    [InlineData("Top 5 customers by number of orders, including ties", "Top 5 customers by number of orders")]
    [InlineData("top 3 cities by revenue with ties", "top 3 cities by revenue")]
    [InlineData("How many of our Melbourne shoppers found us through paid search?", "How many of our Melbourne shoppers came from paid search?")]
    [InlineData("how many clients did we pick up from referrals during 2026?", "how many clients from referrals during 2026?")]
    [InlineData("How many new customers did we acquire in the last 30 days?", "How many new customers in the last 30 days?")]
    [InlineData("Which 3 product types have racked up the most product views?", "Which 3 product types have the most product views?")]
    [InlineData("Which category gets the most wishlist adds?", "Which category has the most wishlist adds?")]
    [InlineData("revenue of all time", "revenue")]
    [InlineData("how many abandoned carts were worth more than a grand?", "how many abandoned carts were worth more than $1,000?")]
    [InlineData("customers who spent over 2 grand", "customers who spent over $2000")]
    [InlineData("How many customers have bought from us exactly once?", "How many customers have bought from us exactly 1 times?")]
    [InlineData("how many customers ordered exactly twice", "how many customers ordered exactly 2 times")]
    [InlineData("how many customers bought exactly 1 time", "how many customers bought exactly 1 times")]
    [InlineData("How many clients have spent more than $3,000 on Bedroom furniture?", "How many clients have spent more than $3,000 on Bedroom?")]
    [InlineData("What fraction of all events come from the mobile apps?", "What fraction of all events come from mobile?")]
    [InlineData("customers who've bought from both Textiles and Decoration - how many?", "customers who have bought from both Textiles and Decoration - how many?")]
    [InlineData("how many customers weve got in Canada", "how many customers in Canada")]
    [InlineData("room planner usage by device", "room planner by device")]
    public void Filler_CompilesToTheSameSqlAsThePlainQuestion(string withFiller, string plain)
    {
        CompiledQuery filler = DemoProfileSql.Compile(withFiller, _layer);
        CompiledQuery expected = DemoProfileSql.Compile(plain, _layer);

        Assert.Equal(expected.Statement.Sql, filler.Statement.Sql);
        Assert.Equal(expected.Statement.Parameters.Select(p => $"{p.Name}={p.Value}"), filler.Statement.Parameters.Select(p => $"{p.Name}={p.Value}"));
    }

    [Theory]
    [InlineData("revenue including tax", "\"tax\"")]
    [InlineData("orders including returns", "\"returns\"")]
    [InlineData("revenue in Grand Rapids", "\"grand\"")]
    [InlineData("what was our record month for revenue", "\"record\"")]
    public void Filler_LeavesWhatItCannotPlaceDeclined(string question, string unplaced)
    {
        Assert.Null(DemoProfileSql.TryCompile(question, _layer, out string? reason));
        Assert.Contains(unplaced, reason, StringComparison.Ordinal);
    }
}
