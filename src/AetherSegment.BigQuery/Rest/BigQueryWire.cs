using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Rest;

/// <summary>The JSON shapes of BigQuery REST v2: typed query parameters, table schemas, and rows in the f/v format.</summary>
internal static class BigQueryWire
{
    /// <summary>A query parameter as jobs.query expects it (<c>parameterType</c> and <c>parameterValue</c>).</summary>
    public static JsonObject Parameter(QueryParameter parameter)
    {
        JsonObject type = parameter.Type == QueryParameterType.StringArray
            ? new JsonObject { ["type"] = "ARRAY", ["arrayType"] = new JsonObject { ["type"] = "STRING" } }
            : new JsonObject { ["type"] = TypeName(parameter.Type) };
        JsonObject value = new();
        switch (parameter.Value)
        {
            case null:
                break;
            case IEnumerable<string> list when parameter.Type == QueryParameterType.StringArray:
                JsonArray values = [];
                foreach (string item in list)
                {
                    values.Add(new JsonObject { ["value"] = item });
                }

                value["arrayValues"] = values;
                break;
            default:
                value["value"] = ScalarText(parameter);
                break;
        }

        return new JsonObject { ["name"] = parameter.Name, ["parameterType"] = type, ["parameterValue"] = value };
    }

    /// <summary>The GoogleSQL type name of a parameter type.</summary>
    public static string TypeName(QueryParameterType type) => type switch
    {
        QueryParameterType.String => "STRING",
        QueryParameterType.Int64 => "INT64",
        QueryParameterType.Float64 => "FLOAT64",
        QueryParameterType.Bool => "BOOL",
        QueryParameterType.Timestamp => "TIMESTAMP",
        QueryParameterType.StringArray => "ARRAY",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown parameter type."),
    };

    /// <summary>The BigQuery column type of a data model column type.</summary>
    public static string ColumnTypeName(ColumnType type) => type switch
    {
        ColumnType.String => "STRING",
        ColumnType.Int64 => "INT64",
        ColumnType.Float64 => "FLOAT64",
        ColumnType.Bool => "BOOL",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Json => "JSON",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>A table schema (<c>{"fields": [...]}</c>) from a data model table.</summary>
    public static JsonObject Schema(TableDefinition table)
    {
        JsonArray fields = [];
        foreach (ColumnDefinition column in table.Columns)
        {
            fields.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = ColumnTypeName(column.Type),
                ["mode"] = column.Nullable ? "NULLABLE" : "REQUIRED",
            });
        }

        return new JsonObject { ["fields"] = fields };
    }

    /// <summary>Timestamps as BigQuery reads them in parameters and load files.</summary>
    public static string TimestampText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>The column names and types of a response's <c>schema</c>.</summary>
    public static (string[] Names, string[] Types, bool[] Repeated) ReadSchema(JsonElement response)
    {
        if (!response.TryGetProperty("schema", out JsonElement schema) || !schema.TryGetProperty("fields", out JsonElement fields))
        {
            return ([], [], []);
        }

        int count = fields.GetArrayLength();
        string[] names = new string[count];
        string[] types = new string[count];
        bool[] repeated = new bool[count];
        int i = 0;
        foreach (JsonElement field in fields.EnumerateArray())
        {
            names[i] = field.GetProperty("name").GetString() ?? "";
            types[i] = field.TryGetProperty("type", out JsonElement type) ? type.GetString() ?? "STRING" : "STRING";
            repeated[i] = field.TryGetProperty("mode", out JsonElement mode) && mode.GetString() == "REPEATED";
            i++;
        }

        return (names, types, repeated);
    }

    /// <summary>Converts the rows of a response (<c>rows[].f[].v</c>) to typed values.</summary>
    public static void ReadRows(JsonElement response, string[] types, bool[] repeated, List<object?[]> into)
    {
        if (!response.TryGetProperty("rows", out JsonElement rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement row in rows.EnumerateArray())
        {
            object?[] values = new object?[types.Length];
            int i = 0;
            foreach (JsonElement cell in row.GetProperty("f").EnumerateArray())
            {
                if (i >= values.Length)
                {
                    break;
                }

                JsonElement v = cell.GetProperty("v");
                values[i] = repeated[i] ? ReadRepeated(v, types[i]) : Convert(v, types[i]);
                i++;
            }

            into.Add(values);
        }
    }

    /// <summary>One cell: INT64 as long, FLOAT64/NUMERIC as double, BOOL as bool, TIMESTAMP (epoch seconds) as UTC instant, else text.</summary>
    public static object? Convert(JsonElement v, string type)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return v.GetRawText();
        }

        string text = v.GetString()!;
        return type switch
        {
            "INTEGER" or "INT64" => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            "FLOAT" or "FLOAT64" or "NUMERIC" or "BIGNUMERIC" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "BOOLEAN" or "BOOL" => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase),
            "TIMESTAMP" => FromEpoch(text),
            _ => text,
        };
    }

    /// <summary>A TIMESTAMP cell: seconds since the epoch as a decimal string (e.g. <c>1.7198208E9</c>), or microseconds when integral and huge.</summary>
    public static DateTimeOffset FromEpoch(string text)
    {
        decimal seconds = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        long ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    private static string[] ReadRepeated(JsonElement v, string type)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        List<string> items = [];
        foreach (JsonElement item in v.EnumerateArray())
        {
            object? value = Convert(item.GetProperty("v"), type);
            items.Add(value switch
            {
                null => "",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            });
        }

        return [.. items];
    }

    private static string ScalarText(QueryParameter parameter) => parameter.Value switch
    {
        DateTimeOffset t => TimestampText(t),
        DateTime d => TimestampText(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        JsonElement e when e.ValueKind == JsonValueKind.String => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => parameter.Value?.ToString() ?? "",
    };
}
