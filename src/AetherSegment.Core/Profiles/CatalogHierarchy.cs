namespace AetherSegment.Profiles;

/// <summary>
/// A hierarchy of catalog values with any number of levels: places (country, region, city...) or the product
/// taxonomy (category, type...). Immutable and thread-safe.
/// </summary>
public sealed class CatalogHierarchy
{
    internal CatalogHierarchy(IReadOnlyList<HierarchyLevel> levels, IReadOnlyList<CatalogNode> roots)
    {
        Levels = levels;
        Roots = roots;
        List<CatalogNode> all = [];
        Collect(roots, all);
        All = all;
    }

    /// <summary>An empty hierarchy (no levels, no values).</summary>
    internal static CatalogHierarchy Empty { get; } = new([], []);

    /// <summary>The levels, outermost first.</summary>
    public IReadOnlyList<HierarchyLevel> Levels { get; }

    /// <summary>The values of the outermost level, each with its children.</summary>
    public IReadOnlyList<CatalogNode> Roots { get; }

    /// <summary>Every value, depth first in file order.</summary>
    public IReadOnlyList<CatalogNode> All { get; }

    /// <summary>The level with a name (case-insensitive), or <see langword="null"/>.</summary>
    public HierarchyLevel? FindLevel(string name) =>
        Levels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The values on a level, in file order.</summary>
    public IReadOnlyList<CatalogNode> ValuesAt(HierarchyLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return [.. All.Where(n => ReferenceEquals(n.Level, level))];
    }

    /// <summary>The values on the level with a name (case-insensitive); empty when there is no such level.</summary>
    public IReadOnlyList<CatalogNode> ValuesAt(string levelName) =>
        FindLevel(levelName) is { } level ? ValuesAt(level) : [];

    /// <summary>Finds a value by its canonical name (case-insensitive) on any level.</summary>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public CatalogNode? Find(string name) =>
        All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void Collect(IReadOnlyList<CatalogNode> nodes, List<CatalogNode> all)
    {
        foreach (CatalogNode node in nodes)
        {
            all.Add(node);
            Collect(node.Children, all);
        }
    }
}
