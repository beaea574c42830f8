namespace AetherSegment.Profiles;

/// <summary>
/// The JSON Schema (draft 2020-12) of the profile file format, embedded in this package (the same file as
/// docs/profile.schema.json). Editors use it to complete and check a profile; <see cref="BusinessProfileLoader"/>
/// checks everything the schema does and more (references between parts, words with two meanings).
/// </summary>
public static class ProfileSchema
{
    private const string ResourceName = "AetherSegment.Profiles.profile.schema.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using Stream stream = Open();
        using StreamReader reader = new(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "https://aethersegment.dev/schemas/profile.schema.json";

    /// <summary>The schema as JSON text. Thread-safe; read once.</summary>
    public static string Json => Text.Value;

    /// <summary>Opens the embedded schema.</summary>
    /// <returns>A new read-only stream; the caller disposes it.</returns>
    public static Stream Open() =>
        typeof(ProfileSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from AetherSegment.Core.");
}
