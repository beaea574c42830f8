using System.Collections.Concurrent;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// The items of the abandoned carts (<c>entities.carts.columns.items</c>, a JSON array of objects, with the keys of
/// <c>entities.carts.item_fields</c> and the taxonomy levels' <c>cart_items_field</c>): a layer of its own where the
/// carts' table is one row per item (each item line of each cart), with the measures of what carts contain (item
/// lines, units, the items' value, carts containing an item) and the taxonomy levels and product name read on each
/// item. A question about what carts contain is compiled on it; every other question on this layer, where a cart is
/// one row.
/// </content>
internal sealed partial class SemanticLayer
{
    /// <summary>The name of the column holding one item in the carts' table of <see cref="CartItems"/>.</summary>
    internal const string CartItemColumn = "aether_cart_item";

    private readonly SqlDialect? _itemsDialect;
    private readonly Lazy<SemanticLayer?> _cartItems;
    private readonly ConcurrentDictionary<SqlDialect, SemanticLayer> _itemsByDialect = new();

    /// <summary>
    /// The layer of the abandoned carts' items (one row of the carts' table per item), or null when the profile maps no
    /// items (<c>entities.carts.columns.items</c>) or no key of them. Its measures and dimensions are read by the question
    /// reader; <see cref="ItemsFor"/> gives it with the carts' table written in a dialect.
    /// </summary>
    public SemanticLayer? CartItems => _itemsDialect is not null ? this : _cartItems.Value;

    /// <summary>Whether this is the layer of the carts' items.</summary>
    public bool IsCartItems => _itemsDialect is not null;

    /// <summary>This layer of the carts' items with its carts' table written in <paramref name="dialect"/>.</summary>
    public SemanticLayer ItemsFor(SqlDialect dialect) =>
        _itemsDialect is null ? throw new InvalidOperationException("not the layer of the carts' items")
        : _itemsDialect == dialect ? this
        : _itemsByDialect.GetOrAdd(dialect, d => new SemanticLayer(Profile, d) { _withoutSessionStart = _withoutSessionStart });

    private SemanticLayer? ItemsLayer(SqlDialect dialect)
    {
        if (Profile.Entities.Get(EntityKind.Carts) is not { } carts || carts.Column("items") is null
            || (carts.ItemFields.Count == 0 && !Profile.Catalog.Taxonomy.Levels.Any(l => l.CartItemsField is not null)))
        {
            return null;
        }

        return new SemanticLayer(Profile, dialect) { _withoutSessionStart = _withoutSessionStart };
    }

    // The carts' table as one row per item: the table's columns plus the item.
    private static string ItemsTable(EntityMapping carts, SqlDialect dialect) =>
        dialect.UnnestJsonArray(carts.Table, "a", Column("a", carts.Column("items")!, dialect), CartItemColumn);

    // The text of an item's key, on the layer of the items only.
    private Func<SqlDialect, string>? ItemText(string? key) =>
        _itemsDialect is null || key is null ? null : d => d.JsonText(Column("a", CartItemColumn, d), key);

    private Func<SqlDialect, string>? ItemNumber(string field) =>
        _itemsDialect is null || Profile.Entities.Get(EntityKind.Carts)?.ItemFields.GetValueOrDefault(field) is not { } key
            ? null
            : d => d.JsonNumber(Column("a", CartItemColumn, d), key);

    // The measures of what the carts contain, read by name only (QuestionParser.CartItems.cs), never by a word.
    private void AddItemMeasures(List<MeasureDefinition> measures)
    {
        if (_itemsDialect is null)
        {
            return;
        }

        Func<SqlDialect, string>? price = ItemNumber("price");
        Func<SqlDialect, string>? quantity = ItemNumber("quantity");
        Func<SqlDialect, string>? cartId = Mapped(EntityKind.Carts, "id");
        measures.Add(new("cart_items", "items in abandoned carts", EntityKind.Carts, MeasureFormat.Count, _ => "COUNT(*)", [], true)
        { Population = " (each item line of each cart counted once)" });
        measures.Add(new("cart_item_units", "units in abandoned carts", EntityKind.Carts, MeasureFormat.Count, d => $"SUM({quantity!(d)})", [], true)
        {
            Missing = quantity is null ? "needs the `quantity` key in `entities.carts.item_fields`" : null,
            Population = " (the quantities of the items summed)",
        });
        measures.Add(new("cart_item_value", "value of the items in abandoned carts", EntityKind.Carts, MeasureFormat.Money, d => $"SUM({price!(d)} * {quantity!(d)})", [], true)
        {
            Missing = price is null || quantity is null ? "needs the `price` and `quantity` keys in `entities.carts.item_fields`" : null,
            Population = " (price x quantity of each item)",
        });
        measures.Add(new("carts_containing", "abandoned carts", EntityKind.Carts, MeasureFormat.Count, d => $"COUNT(DISTINCT {cartId!(d)})", [], true)
        {
            Missing = cartId is null ? NeedsColumn(EntityKind.Carts, "id") : null,
            Population = " (the carts with at least one such item, each cart counted once)",
        });
    }
}
