using System.Text;

namespace AetherSegment.Profiles;

/// <summary>How profile names and words are compared: case-insensitive, underscores as spaces, runs of spaces as one.</summary>
internal static class ProfileText
{
    public static string Key(string text)
    {
        StringBuilder builder = new(text.Length);
        bool space = false;
        foreach (char raw in text.Trim())
        {
            char c = raw == '_' ? ' ' : char.ToLowerInvariant(raw);
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The default label of a snake_case name: underscores as spaces.</summary>
    public static string Label(string name) => name.Replace('_', ' ');
}
