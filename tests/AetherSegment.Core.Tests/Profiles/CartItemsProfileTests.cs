using System.Text.Json.Nodes;
using AetherSegment.Profiles;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>
/// Stop 42 (ask36): the abandoned carts' items in the profile: <c>entities.carts.item_fields</c> (the keys of each item of
/// the items JSON array) and a taxonomy level's <c>cart_items_field</c>, read when right and an error at their JSON path
/// when wrong.
/// </summary>
public sealed class CartItemsProfileTests
{
    [Fact]
    public void Load_ItemFieldsAndCartItemsField_AreRead()
    {
        JsonObject profile = WithCarts(items: true);
        profile["entities"]!["carts"]!["item_fields"] = new JsonObject { ["price"] = "unit_price", ["quantity"] = "qty", ["product_name"] = "name" };
        profile["catalog"]!["taxonomy"]!["levels"]![0]!["cart_items_field"] = "dept";

        BusinessProfile loaded = BusinessProfileLoader.Parse(profile.ToJsonString());

        EntityMapping carts = loaded.Entities.Get(EntityKind.Carts)!;
        Assert.Equal("unit_price", carts.ItemFields["price"]);
        Assert.Equal("qty", carts.ItemFields["quantity"]);
        Assert.Equal("name", carts.ItemFields["product_name"]);
        Assert.Equal("dept", loaded.Catalog.Taxonomy.Levels[0].CartItemsField);
        Assert.Null(loaded.Catalog.Taxonomy.Levels[1].CartItemsField);
    }

    [Theory]
    [InlineData("unit price", "$.entities.carts.item_fields.price: 'unit price' is not a key of a cart item")]
    [InlineData("price') OR ('1", "$.entities.carts.item_fields.price: 'price') OR ('1' is not a key of a cart item")]
    [InlineData("1price", "$.entities.carts.item_fields.price: '1price' is not a key of a cart item")]
    public void Load_AnItemKeyThatIsNotAName_IsAnErrorAtItsPath(string key, string error)
    {
        JsonObject profile = WithCarts(items: true);
        profile["entities"]!["carts"]!["item_fields"] = new JsonObject { ["price"] = key };

        Assert.Contains(Errors(profile), e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ItemFieldsWithoutItems_AndAnUnknownField_AreErrorsAtTheirPaths()
    {
        JsonObject profile = WithCarts(items: false);
        profile["entities"]!["carts"]!["item_fields"] = new JsonObject { ["price"] = "price", ["colour"] = "colour" };

        List<string> errors = [.. Errors(profile)];

        Assert.Contains(errors, e => e.StartsWith("$.entities.carts.item_fields: item_fields names the keys of each item in the items JSON array, so columns.items must be mapped", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.entities.carts.item_fields.colour", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CartItemsFieldWithoutCartsOrItems_IsAnErrorAtItsPath()
    {
        JsonObject noCarts = BusinessProfileLoaderTests.Edit(p => p["catalog"]!["taxonomy"]!["levels"]![1]!["cart_items_field"] = "style");
        JsonObject noItems = WithCarts(items: false);
        noItems["catalog"]!["taxonomy"]!["levels"]![1]!["cart_items_field"] = "style";
        JsonObject badKey = WithCarts(items: true);
        badKey["catalog"]!["taxonomy"]!["levels"]![1]!["cart_items_field"] = "style name";

        Assert.Contains(Errors(noCarts), e => e.StartsWith("$.catalog.taxonomy.levels[1].cart_items_field: cart_items_field needs", StringComparison.Ordinal));
        Assert.Contains(Errors(noItems), e => e.StartsWith("$.catalog.taxonomy.levels[1].cart_items_field: cart_items_field names a key of each item in the carts' items JSON array", StringComparison.Ordinal));
        Assert.Contains(Errors(badKey), e => e.StartsWith("$.catalog.taxonomy.levels[1].cart_items_field: 'style name' is not a key of a cart item", StringComparison.Ordinal));
    }

    private static JsonObject WithCarts(bool items) => BusinessProfileLoaderTests.Edit(p =>
    {
        JsonObject columns = new() { ["id"] = "cart_id", ["customer_id"] = "member_id", ["timestamp"] = "left_at" };
        if (items)
        {
            columns["items"] = "lines";
        }

        p["entities"]!["carts"] = new JsonObject { ["table"] = "carts", ["columns"] = columns };
    });

    private static List<string> Errors(JsonObject profile)
    {
        ProfileValidationException e = Assert.Throws<ProfileValidationException>(() => BusinessProfileLoader.Parse(profile.ToJsonString()));
        return [.. e.Errors.Select(x => x.ToString())];
    }
}
