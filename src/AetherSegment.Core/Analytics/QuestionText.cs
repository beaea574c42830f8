using System.Text;

namespace AetherSegment.Analytics;

/// <summary>Normalizes question text for matching: lower case, "&amp;" as "and", apostrophes dropped, other punctuation as spaces.</summary>
internal static class QuestionText
{
    public static string Normalize(string text)
    {
        StringBuilder normalized = new(text.Length + 2);
        normalized.Append(' ');
        bool space = true;
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (c == '&')
            {
                if (!space)
                {
                    normalized.Append(' ');
                }

                normalized.Append("and ");
                space = true;
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                normalized.Append(c);
                space = false;
            }
            else if (!space)
            {
                normalized.Append(' ');
                space = true;
            }
        }

        if (!space)
        {
            normalized.Append(' ');
        }

        return normalized.ToString();
    }
}
