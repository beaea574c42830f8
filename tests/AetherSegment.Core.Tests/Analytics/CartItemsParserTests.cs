using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 42 (ask36): questions about what the abandoned carts contain are read on the layer of the carts' items, with the
/// count they ask for (each item line, each cart containing one, the units, the items' value), and compiled with one row
/// per item in each dialect (DuckDB unnest of the JSON array; BigQuery UNNEST(JSON_QUERY_ARRAY)). A count that could be
/// either is asked back.
/// </summary>
public sealed class CartItemsParserTests
{
    [Theory]
    [InlineData("Which 3 categories show up most often among the items in abandoned carts (count each cart item)?", "cart_items", "category", 3)]
    [InlineData("Which categories show up most in abandoned carts? top 3 by number of cart items", "cart_items", "category", 3)]
    [InlineData("Looking inside the carts abandoned over the last 7 days, which 3 categories show up most often as items (count each item line once)?", "cart_items", "category", 3)]
    [InlineData("top 3 categories by number of items in abandoned carts", "cart_items", "category", 3)]
    [InlineData("Which 4 product types appear in the most abandoned carts?", "carts_containing", "product_type", 4)]
    [InlineData("abandoned cart value by category of the items (price x quantity)", "cart_item_value", "category", null)]
    [InlineData("units left in abandoned carts by product type", "cart_item_units", "product_type", null)]
    [InlineData("how many units are sitting in abandoned baskets, by category?", "cart_item_units", "category", null)]
    public void Parse_WhatCartsContain_IsReadOnTheItems(string question, string measure, string dimension, int? limit)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Status == AnalyticsAnswerStatus.Answered, $"{question}: {parsed.Reason} {parsed.Detail}");
        Assert.True(parsed.Query!.CartItems);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
        Assert.Equal(limit, parsed.Query.Limit);
    }

    [Theory]
    [InlineData("abandoned carts that contain a Sofa", "carts_containing", "Sofas")]
    [InlineData("How many abandoned carts contain a sofa?", "carts_containing", "Sofas")]
    [InlineData("how many items in abandoned carts are Lighting?", "cart_items", "Lighting")]
    public void Parse_CartsWithAnItem_FilterTheItems(string question, string measure, string value)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Status == AnalyticsAnswerStatus.Answered, $"{question}: {parsed.Reason} {parsed.Detail}");
        Assert.True(parsed.Query!.CartItems);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(value, Assert.Single(Assert.Single(parsed.Query.Filters).Values));
    }

    [Theory]
    [InlineData("abandoned carts by category")]
    [InlineData("top 3 categories by abandoned carts")]
    [InlineData("which product type shows up most often in abandoned carts?")]
    public void Parse_ACountOfCartsByWhatTheyContain_WithoutWhichCount_IsAskedBack(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Contains("each item line", parsed.Reason, StringComparison.Ordinal);
        Assert.Contains("each cart containing", parsed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TheValueOfCartsContainingAnItem_IsAskedBack()
    {
        ParsedQuestion parsed = QuestionParser.Parse("total value of abandoned carts that contain a sofa", DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Contains("whole carts' value or only the matching items' value", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number of abandoned carts containing at least 2 items in the last 7 days")]
    [InlineData("average items per abandoned cart")]
    [InlineData("Which city has the most abandoned carts?")]
    public void Parse_CartQuestionsOfWholeCarts_StayOnTheCarts(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Answered, parsed.Status);
        Assert.False(parsed.Query!.CartItems);
    }

    [Fact]
    public void Compile_CartItems_UnnestsTheItemsInEachDialect()
    {
        ParsedQuestion parsed = QuestionParser.Parse("top 3 categories by number of items in abandoned carts", DemoSemanticLayer.Instance);

        CompiledQuery duck = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? duckReason)!;
        CompiledQuery big = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.BigQuery, new AetherSegmentOptions(), null, 1000, out string? bigReason)!;

        Assert.True(duck is not null, duckReason);
        Assert.True(big is not null, bigReason);
        Assert.Contains("FROM (SELECT a.*, unnest(CAST(json_extract(a.items, '$[*]') AS JSON[])) AS aether_cart_item FROM abandoned_carts AS a) AS a", duck.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("json_extract_string(a.aether_cart_item, '$.category')", duck.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("FROM (SELECT a.*, aether_cart_item FROM abandoned_carts AS a CROSS JOIN UNNEST(JSON_QUERY_ARRAY(a.items)) AS aether_cart_item) AS a", big.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("JSON_VALUE(a.aether_cart_item, '$.category')", big.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("json_extract", big.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TheItemsValue_IsPriceTimesQuantity_InBigQuery()
    {
        ParsedQuestion parsed = QuestionParser.Parse("abandoned cart value by category of the items (price x quantity)", DemoSemanticLayer.Instance);

        CompiledQuery big = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.BigQuery, new AetherSegmentOptions(), null, 1000, out string? reason)!;

        Assert.True(big is not null, reason);
        Assert.Contains("SUM(SAFE_CAST(JSON_VALUE(a.aether_cart_item, '$.price') AS FLOAT64) * SAFE_CAST(JSON_VALUE(a.aether_cart_item, '$.quantity') AS FLOAT64))", big.Statement.Sql, StringComparison.Ordinal);
    }
}
