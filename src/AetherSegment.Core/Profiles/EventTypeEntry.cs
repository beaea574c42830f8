namespace AetherSegment.Profiles;

/// <summary>A behavioral event type of the catalog. Immutable and thread-safe.</summary>
public sealed class EventTypeEntry
{
    internal EventTypeEntry(string name, string path)
    {
        Name = name;
        JsonPath = path;
    }

    /// <summary>The canonical value, as stored in the events' type column (e.g. <c>product_view</c>).</summary>
    public string Name { get; }

    /// <summary>The label for people (defaults to the name with spaces for underscores).</summary>
    public string Label { get; internal init; } = "";

    /// <summary>What the event type means to the product.</summary>
    public EventTypeKind Kind { get; internal init; }

    /// <summary>The words that name the event type, besides its name and label.</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    internal string JsonPath { get; }
}
