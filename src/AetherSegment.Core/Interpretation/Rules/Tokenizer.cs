namespace AetherSegment.Interpretation.Rules;

/// <summary>One token of an objective: a word, a number or a symbol, as a slice of the normalized text.</summary>
internal struct Token
{
    /// <summary>Start in the normalized (lower-case) buffer.</summary>
    public int Start;

    /// <summary>Length in the normalized buffer.</summary>
    public int Length;

    /// <summary>Start in the original text.</summary>
    public int SourceStart;

    /// <summary>Length in the original text.</summary>
    public int SourceLength;

    /// <summary>The lexicon's word id, or -1 when the word is unknown (numbers are -1 too).</summary>
    public int WordId;

    /// <summary>The value of a number token.</summary>
    public double Number;

    /// <summary>Whether the token is a number written in digits.</summary>
    public bool IsNumber;

    /// <summary>Whether the original word was written in capitals (at least two letters: "US").</summary>
    public bool IsUpper;

    /// <summary>Whether the original word started with a capital.</summary>
    public bool IsCapitalized;
}

/// <summary>
/// A span-based tokenizer: lower-cases into a caller's buffer, splits words, numbers (digits with thousands
/// separators and decimals) and symbols; hyphens, slashes and quotes separate words; "U.S." reads as "us".
/// It allocates nothing.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/>.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="normalized">A buffer at least as long as the text; receives the lower-case words.</param>
    /// <param name="tokens">Receives the tokens; at least as long as the text.</param>
    /// <returns>The number of tokens.</returns>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> normalized, Span<Token> tokens)
    {
        int count = 0;
        int write = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                double value = 0;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsAsciiDigit(d))
                    {
                        value = (value * 10) + (d - '0');
                        i++;
                    }
                    else if (d == ',' && IsThousandsGroup(text, i + 1))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    double fraction = 0;
                    double scale = 1;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        if (scale < 1e15)
                        {
                            fraction = (fraction * 10) + (text[i] - '0');
                            scale *= 10;
                        }

                        i++;
                    }

                    value += fraction / scale;
                }

                if (IsOrdinalSuffix(text, i))
                {
                    // "2nd", "3rd", "21st": an ordinal, not a quantity; kept as an unknown word.
                    i += 2;
                    tokens[count++] = new Token { Start = write, Length = 0, SourceStart = start, SourceLength = i - start, WordId = -1 };
                    continue;
                }

                tokens[count++] = new Token { Start = write, Length = 0, SourceStart = start, SourceLength = i - start, WordId = -1, Number = value, IsNumber = true };
                continue;
            }

            if (char.IsLetter(c))
            {
                int start = i;
                int wordStart = write;
                int letters = 0;
                int upper = 0;
                int segment = 0;
                bool abbreviation = false;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetter(d) || (char.IsAsciiDigit(d) && letters > 0))
                    {
                        // Letters then digits stay one word ("Q4", "H1"); digits then letters split ("48h").
                        normalized[write++] = char.ToLowerInvariant(d);
                        letters++;
                        segment++;
                        if (char.IsUpper(d))
                        {
                            upper++;
                        }

                        i++;
                    }
                    else if (IsApostrophe(d) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        normalized[write++] = '\'';
                        i++;
                    }
                    else if (d == '.' && segment == 1 && i + 1 < text.Length && char.IsLetter(text[i + 1])
                        && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                    {
                        // An abbreviation such as U.S. or U.K.: drop the dots.
                        segment = 0;
                        abbreviation = true;
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (abbreviation && i < text.Length && text[i] == '.')
                {
                    i++;
                }

                tokens[count++] = new Token
                {
                    Start = wordStart,
                    Length = write - wordStart,
                    SourceStart = start,
                    SourceLength = i - start,
                    WordId = -1,
                    IsUpper = letters >= 2 && upper == letters,
                    IsCapitalized = char.IsUpper(text[start]),
                };
                continue;
            }

            if (IsSymbol(c))
            {
                normalized[write] = c == '’' ? '\'' : c;
                tokens[count++] = new Token { Start = write, Length = 1, SourceStart = i, SourceLength = 1, WordId = -1 };
                write++;
            }

            i++;
        }

        return count;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int at) =>
        at + 2 < text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 >= text.Length || !char.IsAsciiDigit(text[at + 3]));

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || (at + 2 < text.Length && char.IsLetter(text[at + 2])))
        {
            return false;
        }

        char a = char.ToLowerInvariant(text[at]);
        char b = char.ToLowerInvariant(text[at + 1]);
        return (a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h');
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    private static bool IsSymbol(char c) => c is '$' or '£' or '€' or '%' or '&' or '+' or '>' or '<' or '=' or ',' or ';' or ':' or '.' or '!' or '?' or '(' or ')';
}
