using System.Globalization;
using System.Text.Json;

namespace AetherSegment.Profiles;

/// <summary>
/// Reads one JSON object of a profile: every property asked for is known, every other one is reported as unknown
/// (with the nearest known name) when <see cref="Finish"/> is called; wrong types and missing required properties
/// are reported with their JSON path. Never throws for bad input.
/// </summary>
internal sealed class ProfileJsonObject
{
    private readonly JsonElement _element;
    private readonly ProfileErrorList _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private ProfileJsonObject(JsonElement element, string path, ProfileErrorList errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    /// <summary>Opens an object, or reports a wrong type and returns null.</summary>
    public static ProfileJsonObject? Open(JsonElement element, string path, ProfileErrorList errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"expected an object, found {Describe(element)}");
            return null;
        }

        return new ProfileJsonObject(element, path, errors);
    }

    public static string Child(string path, string name) =>
        IsIdentifier(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public string PathOf(string name) => Child(Path, name);

    public bool Has(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
    }

    public JsonElement? Raw(string name, bool required = false)
    {
        _known.Add(name);
        if (_element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            _errors.Add(PathOf(name), "required property is missing");
        }

        return null;
    }

    public string? String(string name, bool required = false)
    {
        if (Raw(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(PathOf(name), $"expected a string, found {Describe(value)}");
            return null;
        }

        string text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            _errors.Add(PathOf(name), "must not be empty");
            return null;
        }

        return text;
    }

    public double? Number(string name, bool required = false, double? minimum = null, double? maximum = null)
    {
        if (Raw(name, required) is not { } value)
        {
            return null;
        }

        return ReadNumber(value, PathOf(name), _errors, minimum, maximum);
    }

    public bool? Boolean(string name)
    {
        if (Raw(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _errors.Add(PathOf(name), $"expected true or false, found {Describe(value)}");
            return null;
        }

        return value.GetBoolean();
    }

    public IReadOnlyList<string> Strings(string name, bool required = false)
    {
        if (Raw(name, required) is not { } value)
        {
            return [];
        }

        return ReadStrings(value, PathOf(name), _errors);
    }

    public ProfileJsonObject? Object(string name, bool required = false) =>
        Raw(name, required) is { } value ? Open(value, PathOf(name), _errors) : null;

    /// <summary>Reads an array, one item at a time; null items from <paramref name="read"/> are dropped.</summary>
    public IReadOnlyList<T> Array<T>(string name, Func<JsonElement, string, T?> read, bool required = false)
        where T : class
    {
        if (Raw(name, required) is not { } value)
        {
            return [];
        }

        string path = PathOf(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(path, $"expected an array, found {Describe(value)}");
            return [];
        }

        List<T> items = [];
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (read(item, Item(path, index)) is { } parsed)
            {
                items.Add(parsed);
            }

            index++;
        }

        return items;
    }

    /// <summary>Reads an enum written as one of <paramref name="names"/>.</summary>
    public TEnum? Enum<TEnum>(string name, IReadOnlyList<(string Name, TEnum Value)> names, bool required = false)
        where TEnum : struct
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }

        foreach ((string wire, TEnum enumValue) in names)
        {
            if (wire == text)
            {
                return enumValue;
            }
        }

        _errors.Add(PathOf(name), $"'{text}' is not one of {string.Join(", ", names.Select(n => n.Name))}");
        return null;
    }

    /// <summary>Reports every property that was never asked for.</summary>
    public void Finish()
    {
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                string? nearest = Nearest(property.Name, _known);
                _errors.Add(PathOf(property.Name), nearest is null
                    ? $"unknown property '{property.Name}'"
                    : $"unknown property '{property.Name}' (did you mean '{nearest}'?)");
            }
        }
    }

    public static double? ReadNumber(JsonElement value, string path, ProfileErrorList errors, double? minimum = null, double? maximum = null)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(path, $"expected a number, found {Describe(value)}");
            return null;
        }

        double number = value.GetDouble();
        if (minimum is { } min && number < min)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"{number} is below the minimum {min}"));
            return null;
        }

        if (maximum is { } max && number > max)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"{number} is above the maximum {max}"));
            return null;
        }

        return number;
    }

    public static IReadOnlyList<string> ReadStrings(JsonElement value, string path, ProfileErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(path, $"expected an array of strings, found {Describe(value)}");
            return [];
        }

        List<string> items = [];
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(Item(path, index), $"expected a string, found {Describe(item)}");
            }
            else if (string.IsNullOrWhiteSpace(item.GetString()))
            {
                errors.Add(Item(path, index), "must not be empty");
            }
            else
            {
                items.Add(item.GetString()!);
            }

            index++;
        }

        return items;
    }

    public IEnumerable<JsonProperty> Properties() => _element.EnumerateObject();

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Nearest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (string candidate in known)
        {
            int distance = Distance(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
