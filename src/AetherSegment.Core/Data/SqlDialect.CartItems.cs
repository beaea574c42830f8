namespace AetherSegment.Data;

/// <content>
/// The analytics compiler's reading of a JSON array column (the items of an abandoned cart): one row per element, and a
/// field of an element as text or as a number. The keys come from the profile (letters, digits and '_', checked when it
/// is read), never from a question.
/// </content>
public abstract partial class SqlDialect
{
    /// <summary>
    /// A derived table of <paramref name="table"/> with one row per element of the JSON array <paramref name="items"/>:
    /// every column of the table, plus the element as <paramref name="item"/>. A row whose array is empty or null has none.
    /// </summary>
    /// <param name="table">The table, from the profile's mapping.</param>
    /// <param name="alias">The table's alias inside the derived table (the one <paramref name="items"/> is qualified with).</param>
    /// <param name="items">The JSON array column (JSON or its text), qualified by <paramref name="alias"/>.</param>
    /// <param name="item">The name of the element column.</param>
    internal virtual string UnnestJsonArray(string table, string alias, string items, string item) =>
        $"(SELECT {alias}.*, unnest(CAST(json_extract({items}, '$[*]') AS JSON[])) AS {item} FROM {table} AS {alias})";

    /// <summary>The text of the field <paramref name="key"/> of a JSON object, or null.</summary>
    /// <param name="json">The JSON object expression.</param>
    /// <param name="key">The key (letters, digits and '_').</param>
    internal virtual string JsonText(string json, string key) => $"json_extract_string({json}, '$.{key}')";

    /// <summary>The number in the field <paramref name="key"/> of a JSON object, or null when it is missing or not a number.</summary>
    /// <param name="json">The JSON object expression.</param>
    /// <param name="key">The key (letters, digits and '_').</param>
    internal virtual string JsonNumber(string json, string key) => $"TRY_CAST(json_extract_string({json}, '$.{key}') AS DOUBLE)";
}
