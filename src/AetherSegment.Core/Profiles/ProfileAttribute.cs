namespace AetherSegment.Profiles;

/// <summary>
/// A customer attribute that filters, features and analytics can name: a column (or SQL expression) of the customers
/// or scores entity. Immutable and thread-safe.
/// </summary>
public sealed class ProfileAttribute
{
    internal ProfileAttribute(string name, EntityKind entity, string column, ProfileAttributeType type, string path)
    {
        Name = name;
        Entity = entity;
        Column = column;
        Type = type;
        JsonPath = path;
    }

    /// <summary>The attribute's name, as filters name it (snake_case, e.g. <c>discount_sensitivity</c>).</summary>
    public string Name { get; }

    /// <summary>The entity holding it: <see cref="EntityKind.Customers"/> or <see cref="EntityKind.Scores"/>.</summary>
    public EntityKind Entity { get; }

    /// <summary>The SQL expression over the entity's table (usually a column name).</summary>
    public string Column { get; }

    /// <summary>The type of its values.</summary>
    public ProfileAttributeType Type { get; }

    /// <summary>The role it plays, or <see langword="null"/>.</summary>
    public ProfileAttributeRole? Role { get; internal init; }

    /// <summary>For text attributes: the catalog list its values come from (e.g. <c>places.country</c>), or <see langword="null"/>.</summary>
    public string? Catalog { get; internal init; }

    /// <summary>The label for people (defaults to the name with spaces).</summary>
    public string Label { get; internal init; } = "";

    /// <summary>The words that name the attribute (e.g. "lifetime value").</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    internal string JsonPath { get; }
}
