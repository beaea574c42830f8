namespace AetherSegment.Profiles;

/// <summary>A dimension of the profile's own for the analytics semantic layer. Immutable and thread-safe.</summary>
public sealed class ProfileDimension
{
    internal ProfileDimension(string name, EntityKind entity, string expression, string path)
    {
        Name = name;
        Entity = entity;
        Expression = expression;
        JsonPath = path;
    }

    /// <summary>The dimension's name (snake_case).</summary>
    public string Name { get; }

    /// <summary>The entity it is read from.</summary>
    public EntityKind Entity { get; }

    /// <summary>The SQL expression; <c>{attribute}</c> stands for a profile attribute's column.</summary>
    public string Expression { get; }

    /// <summary>The label for people (defaults to the name with spaces).</summary>
    public string Label { get; internal init; } = "";

    /// <summary>The plural label (defaults to the label plus "s").</summary>
    public string Plural { get; internal init; } = "";

    /// <summary>The words that name the dimension.</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    internal string JsonPath { get; }
}
