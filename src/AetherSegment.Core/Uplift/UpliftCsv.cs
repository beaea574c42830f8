using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AetherSegment.Uplift;

/// <summary>
/// Reads CSV and CSV.gz files with a header row into an <see cref="UpliftDataset"/>: RFC 4180 quoting (commas,
/// quotes and line breaks inside quoted fields), columns whose every non-empty cell is a number become numeric,
/// the others categorical; empty cells and <c>NaN</c> are missing.
/// </summary>
internal static class UpliftCsv
{
    /// <summary>Reads a file; a name ending in <c>.gz</c> is decompressed.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="AetherSegmentInputException">The file is missing, empty or malformed.</exception>
    public static UpliftDataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new AetherSegmentInputException(path, $"CSV file '{path}' does not exist.");
        }

        using FileStream file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using StreamReader reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            return Read(reader, path);
        }
        catch (InvalidDataException ex)
        {
            throw new AetherSegmentInputException($"CSV file '{path}' is not valid gzip: {ex.Message}", ex);
        }
    }

    /// <summary>Reads CSV text with a header row.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A name for error messages (file name).</param>
    /// <returns>The table.</returns>
    /// <exception cref="AetherSegmentInputException">The text is empty or malformed.</exception>
    public static UpliftDataset Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<string> fields = [];
        StringBuilder field = new();
        if (!ReadRecord(reader, fields, field, source, 1))
        {
            throw new AetherSegmentInputException(source, $"CSV file '{source}' is empty: a header row is required.");
        }

        string[] header = [.. fields];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = header[i].Trim();
            if (header[i].Length == 0)
            {
                throw new AetherSegmentInputException(source, $"CSV file '{source}': header column {i + 1} has no name.");
            }
        }

        List<string>[] cells = new List<string>[header.Length];
        for (int i = 0; i < header.Length; i++)
        {
            cells[i] = [];
        }

        int line = 1;
        while (ReadRecord(reader, fields, field, source, ++line))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Length)
            {
                throw new AetherSegmentInputException(source, $"CSV file '{source}': record {line} has {fields.Count} fields; the header has {header.Length}.");
            }

            for (int i = 0; i < header.Length; i++)
            {
                cells[i].Add(fields[i]);
            }
        }

        int rows = cells.Length == 0 ? 0 : cells[0].Count;
        UpliftDataset dataset = new(rows);
        for (int c = 0; c < header.Length; c++)
        {
            try
            {
                AddColumn(dataset, header[c], cells[c]);
            }
            catch (ArgumentException ex) when (ex is not AetherSegmentInputException)
            {
                throw new AetherSegmentInputException($"CSV file '{source}': {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }
        }

        return dataset;
    }

    /// <summary>Reads a CSV or CSV.gz file's records as raw text fields (the header first), without typing them.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The records, streamed.</returns>
    /// <exception cref="AetherSegmentInputException">The file is missing or has an unterminated quoted field.</exception>
    public static IEnumerable<string[]> ReadRecords(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new AetherSegmentInputException(path, $"CSV file '{path}' does not exist.");
        }

        return Records(path);
    }

    /// <summary>Formats fields as one CSV record (RFC 4180: fields with commas, quotes or line breaks are quoted).</summary>
    /// <param name="fields">The fields.</param>
    /// <returns>The record without a line terminator.</returns>
    public static string FormatRecord(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        StringBuilder line = new();
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            string f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(f);
            }
        }

        return line.ToString();
    }

    private static IEnumerable<string[]> Records(string path)
    {
        using FileStream file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using StreamReader reader = new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        List<string> fields = [];
        StringBuilder field = new();
        int line = 0;
        while (ReadRecord(reader, fields, field, path, ++line))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return [.. fields];
        }
    }

    private static void AddColumn(UpliftDataset dataset, string name, List<string> cells)
    {
        float[] values = new float[cells.Count];
        bool numeric = true;
        for (int r = 0; r < cells.Count; r++)
        {
            string s = cells[r].Trim();
            if (IsMissing(s))
            {
                values[r] = float.NaN;
            }
            else if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
            {
                values[r] = (float)d;
            }
            else
            {
                numeric = false;
                break;
            }
        }

        if (numeric)
        {
            dataset.AddNumeric(name, values);
            return;
        }

        Dictionary<string, int> codes = new(StringComparer.Ordinal);
        List<string> levels = [];
        for (int r = 0; r < cells.Count; r++)
        {
            string s = cells[r].Trim();
            if (IsMissing(s))
            {
                values[r] = float.NaN;
                continue;
            }

            if (!codes.TryGetValue(s, out int code))
            {
                code = levels.Count;
                codes.Add(s, code);
                levels.Add(s);
            }

            values[r] = code;
        }

        dataset.AddCategorical(name, values, levels);
    }

    private static bool IsMissing(string s) =>
        s.Length == 0 || s.Equals("NaN", StringComparison.OrdinalIgnoreCase) || s.Equals("NA", StringComparison.Ordinal) || s.Equals("null", StringComparison.OrdinalIgnoreCase);

    private static bool ReadRecord(TextReader reader, List<string> fields, StringBuilder field, string source, int line)
    {
        fields.Clear();
        field.Clear();
        int c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        bool quoted = false;
        bool wasQuoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0)
                {
                    throw new AetherSegmentInputException(source, $"CSV file '{source}': record {line} has an unterminated quoted field.");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c < 0 || c == '\n')
            {
                fields.Add(field.ToString());
                return true;
            }
            else if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                return true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else
            {
                field.Append((char)c);
            }

            c = reader.Read();
        }
    }
}
