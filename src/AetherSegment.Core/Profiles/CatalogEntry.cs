namespace AetherSegment.Profiles;

/// <summary>A value of a flat catalog list (an acquisition source, a channel, a device). Immutable and thread-safe.</summary>
public sealed class CatalogEntry
{
    internal CatalogEntry(string name, string path)
    {
        Name = name;
        JsonPath = path;
    }

    /// <summary>The canonical value, as stored in the user's data (e.g. <c>organic_search</c>).</summary>
    public string Name { get; }

    /// <summary>The label for people (defaults to the name with spaces for underscores).</summary>
    public string Label { get; internal init; } = "";

    /// <summary>The words that name the value, besides its name and label.</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    internal string JsonPath { get; }
}
