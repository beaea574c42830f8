namespace AetherSegment.Profiles;

/// <summary>
/// A value of a catalog hierarchy (a place or a taxonomy value) with its children on the next level.
/// Immutable and thread-safe.
/// </summary>
public sealed class CatalogNode
{
    internal CatalogNode(string name, HierarchyLevel level, string? parent, string path)
    {
        Name = name;
        Level = level;
        Parent = parent;
        JsonPath = path;
    }

    /// <summary>The canonical value, as stored in the user's data (e.g. "Pacific Northwest", "Jackets").</summary>
    public string Name { get; }

    /// <summary>The level the value is on.</summary>
    public HierarchyLevel Level { get; }

    /// <summary>The canonical value of its parent, or <see langword="null"/> on the outermost level.</summary>
    public string? Parent { get; }

    /// <summary>The singular for people and for matching text ("Jacket"), or <see langword="null"/> when none is given.</summary>
    public string? Singular { get; internal init; }

    /// <summary>The words that name the value, besides its name (e.g. "coats").</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    /// <summary>For places: the share of customers there (0..1), or <see langword="null"/>.</summary>
    public double? Share { get; internal init; }

    /// <summary>For taxonomy values: the lowest unit price, or <see langword="null"/>.</summary>
    public double? MinPrice { get; internal init; }

    /// <summary>For taxonomy values: the highest unit price, or <see langword="null"/>.</summary>
    public double? MaxPrice { get; internal init; }

    /// <summary>Its values on the next level.</summary>
    public IReadOnlyList<CatalogNode> Children { get; internal set; } = [];

    internal string JsonPath { get; }
}
