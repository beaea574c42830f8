using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 39 (ask21): per-customer and lifecycle wordings rewritten to the wordings the parser reads (the answers are
/// recounted by SQL in the Cli's <c>PerCustomerStop39Tests</c>); the rewrite leaves other wordings alone.
/// </summary>
public sealed class PerCustomerRephraseTests
{
    [Theory]
    [InlineData(" how many repeat buyers ", " how many customers with at least 2 orders ")]
    [InlineData(" repeat customers 2 or more orders by country ", " customers with at least 2 orders by country ")]
    [InlineData(" repeat buyers i e customers with 3 or more orders ", " customers with at least 3 orders ")]
    [InlineData(" repeat buyers meaning more than 3 orders ", " customers with at least 4 orders ")]
    [InlineData(" what fraction of all customers are repeat buyers ", " what fraction of customers have at least 2 orders ")]
    [InlineData(" what share of buyers are repeat customers ", " what share of buyers have at least 2 orders ")]
    [InlineData(" how many people have bought from us before but not in the last 180 days ", " how many  buyers who havent bought anything in the last 180 days  ")]
    [InlineData(" buyers who havent ordered anything in over 90 days ", " buyers who havent bought anything in the last 90 days ")]
    [InlineData(" customers whose last purchase was more than 90 days ago ", " customers  who bought and havent bought anything in the last 90 days  ")]
    [InlineData(" customers who have ordered have not ordered in the last 90 days ", "  buyers who havent bought anything  in the last 90 days ")]
    [InlineData(" how many customers have never placed a single order ", " how many customers have never placed an order ")]
    [InlineData(" on average how many orders does a buying customer place ", "  average number of orders per buyer  ")]
    [InlineData(" how many orders does a customer in canada place on average ", "  average number of orders per customer in canada  ")]
    [InlineData(" fewer than 3 orders counting those who have never ordered ", " fewer than 3 orders                                       ")]
    [InlineData(" among customers with any recorded activity ", " among customers  with at least one event  ")]
    public void RephrasePerCustomer_SaysItAsTheParserReadsIt(string text, string rewritten) =>
        Assert.Equal(rewritten, QuestionParser.RephrasePerCustomer(text));

    // Stop 42 (ask37): "counting the ones who never ordered as 0" says the per-customer figure is over every customer,
    // which "per customer" reads; the words are dropped.
    [Fact]
    public void RephrasePerCustomer_DropsCountingThoseWithNoneAsZero() =>
        Assert.Equal("average spend per customer", string.Join(' ', QuestionParser.RephrasePerCustomer(" average spend per customer counting the ones who never ordered as 0 ").Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData(" fewer than 3 orders not counting those who have never ordered ")]
    [InlineData(" how many lapsed customers ")]
    [InlineData(" repeat purchase rate ")]
    [InlineData(" how many customers have not ordered in the last 90 days ")]
    [InlineData(" how many orders does a customer place ")]
    [InlineData(" how many customers havent ordered in over 180 days ")]
    public void RephrasePerCustomer_LeavesOtherWordings(string text) =>
        Assert.Equal(text, QuestionParser.RephrasePerCustomer(text));

    [Theory]
    [InlineData("How many customers have fewer than 3 orders, not counting those who have never ordered?")]
    [InlineData("how many lapsed customers do we have?")]
    public void Parse_UndefinedBase_IsDeclined(string question) =>
        Assert.Null(QuestionParser.Parse(question, DemoSemanticLayer.Instance).Query);
}
