using System.Globalization;
using System.Text;
using AetherSegment.Segments;

namespace AetherSegment.Web.Segments;

/// <summary>Segment names: validation, the default name and readable export file names.</summary>
internal static class SegmentNames
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 120;

    /// <summary>The exported member columns that are personal data.</summary>
    public static IReadOnlyList<string> PersonalColumns { get; } = ["first_name", "last_name", "email"];

    /// <summary>A trimmed name, null when none was given, 400 naming the field when it is too long or has control characters.</summary>
    public static string? Validate(string? name, string field)
    {
        if (name is null)
        {
            return null;
        }

        string trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            throw new AetherSegmentInputException(field, $"The segment name must be 1 to {MaxLength} characters, without line breaks.");
        }

        return trimmed;
    }

    /// <summary>The name of a segment created without one: its campaign type and creation time, e.g. "Win back, 28 Nov 2026 17:40".</summary>
    public static string Default(StoredSegment segment, DateTimeOffset now)
    {
        string type = segment.CampaignObjectiveObject?.CampaignType.ToString() ?? "Segment";
        StringBuilder words = new();
        foreach (char c in type)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{words}, {now.UtcDateTime:d MMM yyyy HH:mm} UTC");
    }

    /// <summary>A readable, safe file name without extension: the name as a slug and the creation date, e.g. <c>win-back-2026-11-28</c>.</summary>
    public static string FileName(StoredSegment segment)
    {
        StringBuilder slug = new();
        foreach (char c in (segment.Name ?? "segment").ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        string name = slug.ToString().Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"{(name.Length == 0 ? "segment" : name)}-{segment.CreatedAt.UtcDateTime:yyyy-MM-dd}");
    }
}
