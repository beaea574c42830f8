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
    public void Filler_LeavesWhatItCannotPlaceDeclined(string question, string unplaced)
    {
        Assert.Null(DemoProfileSql.TryCompile(question, _layer, out string? reason));
        Assert.Contains(unplaced, reason, StringComparison.Ordinal);
    }
}
