using System.Text;
using System.Text.Json;

namespace AetherSegment.Profiles;

/// <summary>
/// Loads a <see cref="BusinessProfile"/> from its JSON file format (docs/profile.md, schema
/// <see cref="ProfileSchema"/>) and validates it completely: every problem is collected with its JSON path and thrown
/// together as a <see cref="ProfileValidationException"/>. Comments (<c>//</c>, <c>/* */</c>) are allowed; unknown
/// properties, duplicate properties and trailing commas are errors. Thread-safe.
/// </summary>
public static class BusinessProfileLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    /// <summary>Loads and validates a profile file.</summary>
    /// <param name="path">The file path; it names the profile in error messages.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ProfileValidationException">The file is missing, unreadable, malformed or not a valid profile.</exception>
    public static BusinessProfile LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ProfileValidationException(path, [new ProfileError("$", $"cannot read the profile file: {e.Message}")]);
        }

        return Parse(bytes, path);
    }

    /// <summary>Loads and validates a profile from a stream (read to its end; not disposed).</summary>
    /// <param name="stream">The UTF-8 JSON.</param>
    /// <param name="source">Names the profile in error messages (a file name), or <see langword="null"/>.</param>
    /// <exception cref="ProfileValidationException">The JSON is malformed or not a valid profile.</exception>
    public static BusinessProfile Load(Stream stream, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using MemoryStream buffer = new();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), source);
    }

    /// <summary>Loads and validates a profile from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="source">Names the profile in error messages, or <see langword="null"/>.</param>
    /// <exception cref="ProfileValidationException">The JSON is malformed or not a valid profile.</exception>
    public static BusinessProfile Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Validates a profile from JSON text and returns every problem, without throwing.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The problems, each with its JSON path; empty when the profile is valid.</returns>
    public static IReadOnlyList<ProfileError> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ProfileErrorList errors = new();
        TryParse(Encoding.UTF8.GetBytes(json), errors);
        return errors.Items;
    }

    internal static BusinessProfile Parse(ReadOnlyMemory<byte> utf8, string? source)
    {
        ProfileErrorList errors = new();
        BusinessProfile? profile = TryParse(utf8, errors);
        return profile ?? throw new ProfileValidationException(source, errors.Items);
    }

    internal static BusinessProfile? TryParse(ReadOnlyMemory<byte> utf8, ProfileErrorList errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripBom(utf8), DocumentOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line
                ? $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}"
                : "an unknown position";
            string path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            errors.Add(path, $"malformed JSON at {where}: {FirstSentence(e.Message)}");
            return null;
        }

        using (document)
        {
            return FromElement(document.RootElement, errors);
        }
    }

    internal static BusinessProfile? FromElement(JsonElement root, ProfileErrorList errors)
    {
        ProfileParts? parts = ProfileParser.Parse(root, errors);
        if (parts is null)
        {
            return null;
        }

        ProfileIndex index = ProfileValidator.Validate(parts, errors);
        return errors.Count == 0 && parts.Entities.Any(e => e.Kind == EntityKind.Customers) ? new BusinessProfile(parts, index) : null;
    }

    private static ReadOnlyMemory<byte> StripBom(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" Path:", StringComparison.Ordinal);
        string text = end > 0 ? message[..end] : message;
        return text.TrimEnd('.', ' ');
    }
}
