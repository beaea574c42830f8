namespace AetherSegment.Profiles;

/// <summary>A measure of the profile's own for the analytics semantic layer. Immutable and thread-safe.</summary>
public sealed class ProfileMeasure
{
    internal ProfileMeasure(string name, EntityKind entity, string expression, string path)
    {
        Name = name;
        Entity = entity;
        Expression = expression;
        JsonPath = path;
    }

    /// <summary>The measure's name (snake_case).</summary>
    public string Name { get; }

    /// <summary>The entity it aggregates.</summary>
    public EntityKind Entity { get; }

    /// <summary>The aggregate SQL; <c>{attribute}</c> stands for a profile attribute's column (e.g. <c>AVG({discount_sensitivity})</c>).</summary>
    public string Expression { get; }

    /// <summary>The label for people (defaults to the name with spaces).</summary>
    public string Label { get; internal init; } = "";

    /// <summary>How values are shown: count, money, decimal, percent, percentage_points or seconds.</summary>
    public string Format { get; internal init; } = "decimal";

    /// <summary>Whether the measure adds up across groups (a count or sum), so "total" and "number of" apply.</summary>
    public bool Additive { get; internal init; }

    /// <summary>The words that name the measure.</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    internal string JsonPath { get; }
}
