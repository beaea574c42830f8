using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AetherSegment.Segments;

/// <summary>Writers for member exports shared by the stores: CSV with a header row, and a JSON array of member objects.</summary>
public static class SegmentExport
{
    /// <summary>Writes rows as CSV (RFC 4180 quoting, invariant numbers, ISO 8601 UTC timestamps) with a header row.</summary>
    /// <param name="columns">The header.</param>
    /// <param name="rows">The rows, each indexed like <paramref name="columns"/>.</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteCsvAsync(IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using StreamWriter writer = new(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.NewLine = "\n";
        StringBuilder line = new();
        for (int i = 0; i < columns.Count; i++)
        {
            AppendCsv(line, i, columns[i]);
        }

        await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        long count = 0;
        await foreach (object?[] row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                AppendCsv(line, i, Format(row[i]));
            }

            await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            count++;
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes rows as a JSON array of objects keyed by column name.</summary>
    /// <param name="columns">The property names.</param>
    /// <param name="rows">The rows, each indexed like <paramref name="columns"/>.</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteJsonAsync(IReadOnlyList<string> columns, IAsyncEnumerable<object?[]> rows, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using Utf8JsonWriter json = new(destination, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        long count = 0;
        await foreach (object?[] row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            json.WriteStartObject();
            for (int i = 0; i < row.Length && i < columns.Count; i++)
            {
                json.WritePropertyName(columns[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case double d: json.WriteNumberValue(d); break;
                    case long l: json.WriteNumberValue(l); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    case DateTimeOffset t: json.WriteStringValue(t.ToUniversalTime()); break;
                    default: json.WriteStringValue(Format(row[i])); break;
                }
            }

            json.WriteEndObject();
            if (++count % 1024 == 0)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Masks an e-mail address for previews: <c>ada@example.com</c> becomes <c>a***@example.com</c>.</summary>
    /// <param name="email">The address, or <see langword="null"/>.</param>
    /// <returns>The masked address; <c>***</c> when it has no <c>@</c>; <see langword="null"/> for null.</returns>
    public static string? MaskEmail(string? email)
    {
        if (email is null)
        {
            return null;
        }

        int at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendCsv(StringBuilder line, int index, string value)
    {
        if (index > 0)
        {
            line.Append(',');
        }

        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
