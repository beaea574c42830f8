using System.Reflection;
using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>The snake_case wire names of an enum, read from its <see cref="JsonStringEnumMemberNameAttribute"/>s.</summary>
internal static class ProfileWire<TEnum>
    where TEnum : struct, Enum
{
    public static IReadOnlyList<(string Name, TEnum Value)> Names { get; } = Build();

    public static string Name(TEnum value)
    {
        foreach ((string name, TEnum candidate) in Names)
        {
            if (EqualityComparer<TEnum>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        return value.ToString();
    }

    private static List<(string, TEnum)> Build()
    {
        List<(string, TEnum)> names = [];
        foreach (FieldInfo field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            string name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            names.Add((name, (TEnum)field.GetValue(null)!));
        }

        return names;
    }
}
