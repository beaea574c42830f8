namespace AetherSegment.Profiles;

/// <summary>
/// One level of a catalog hierarchy (a place level such as country or region, or a taxonomy level such as category
/// or product type), outermost first. Immutable and thread-safe.
/// </summary>
public sealed class HierarchyLevel
{
    internal HierarchyLevel(string name, int depth)
    {
        Name = name;
        Depth = depth;
    }

    /// <summary>The level's name (e.g. <c>country</c>, <c>category</c>).</summary>
    public string Name { get; }

    /// <summary>The level's position, 0 for the outermost.</summary>
    public int Depth { get; }

    /// <summary>The plural for people (e.g. "countries"; defaults to the name plus "s").</summary>
    public string Plural { get; internal init; } = "";

    /// <summary>For places: the customer attribute holding this level's value, else <see langword="null"/>.</summary>
    public string? Attribute { get; internal init; }

    /// <summary>For the taxonomy: the SQL expression over the orders table holding this level's value, else <see langword="null"/>.</summary>
    public string? OrdersColumn { get; internal init; }

    /// <summary>For the taxonomy: the SQL expression over the events table holding this level's value, else <see langword="null"/>.</summary>
    public string? EventsColumn { get; internal init; }

    /// <summary>
    /// For the taxonomy: the key holding this level's value in each item of the abandoned carts' items JSON array
    /// (<c>cart_items_field</c>, e.g. <c>category</c>), else <see langword="null"/>; needs <c>entities.carts.columns.items</c>.
    /// </summary>
    public string? CartItemsField { get; internal init; }

    /// <summary>The Campaign Objective audience field for this level (e.g. <c>countries</c>, <c>product_types</c>), or <see langword="null"/>.</summary>
    public string? ObjectiveField { get; internal init; }
}
