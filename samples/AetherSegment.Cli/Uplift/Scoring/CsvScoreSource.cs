using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>
/// A CSV or CSV.gz file read with Sep (RFC 4180 quoting, so Hillstrom's "$750 - $1,000" is one field): the header names
/// the columns, each row's feature cells are parsed straight into the chunk's columns.
/// </summary>
internal sealed class CsvScoreSource : IScoreSource
{
    private readonly ScoreInput _input;
    private readonly string _source;
    private readonly SepReader _reader;
    private readonly int[] _featureColumn;
    private readonly int[] _idColumn;
    private readonly int _columns;
    private long _rows;

    private CsvScoreSource(ScoreInput input, string source, SepReader reader)
    {
        _input = input;
        _source = source;
        _reader = reader;
        if (reader.Header.IsEmpty)
        {
            throw new AetherSegmentInputException("--data", $"'{source}' row 1: the file is empty; a header row naming the columns is required.");
        }

        _columns = reader.Header.ColNames.Count;
        _featureColumn = Resolve(input.Features, "the model uses");
        _idColumn = Resolve(input.IdColumns, "--id names");
    }

    /// <summary>Opens a file; a name ending in <c>.gz</c> is decompressed on the fly.</summary>
    public static CsvScoreSource Open(ScoreInput input, string path)
    {
        Stream stream = File.OpenRead(path);
        try
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            SepReader reader;
            try
            {
                reader = Sep.New(',').Reader(o => o with
                {
                    Unescape = true,
                    DisableColCountCheck = true,
                    ColNameComparer = StringComparer.OrdinalIgnoreCase,
                }).From(stream);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                throw new AetherSegmentInputException($"'{path}' row 1 (header): the file is truncated or corrupt ({ex.Message.ReplaceLineEndings(" ")}).", ex);
            }

            try
            {
                return new CsvScoreSource(input, path, reader);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public ScoreChunk? Read(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int size = _input.ChunkRows;
        (float[][] features, string[][] ids) = _input.NewColumns(size);
        int n = 0;
        long first = _rows;
        try
        {
            n = Fill(size, features, ids);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new AetherSegmentInputException($"'{_source}' row {_rows + 1}: the file is truncated or corrupt ({ex.Message.ReplaceLineEndings(" ")}).", ex);
        }

        return n == 0 ? null : ScoreInput.Chunk(first, n, features, ids);
    }

    private int Fill(int size, float[][] features, string[][] ids)
    {
        int n = 0;
        while (n < size && _reader.MoveNext())
        {
            SepReader.Row row = _reader.Current;
            long dataRow = _rows + 1;
            if (row.ColCount != _columns)
            {
                if (row.ColCount == 1 && row[0].Span.Length == 0)
                {
                    continue;
                }

                throw new AetherSegmentInputException("--data", $"'{_source}' row {dataRow} (line {row.LineNumberFrom}): {row.ColCount} fields where the header has {_columns}.");
            }

            for (int j = 0; j < _featureColumn.Length; j++)
            {
                ReadOnlySpan<char> cell = row[_featureColumn[j]].Span.Trim();
                float value;
                if (ScoreInput.IsMissing(cell))
                {
                    value = float.NaN;
                }
                else if (_input.IsCategorical(j))
                {
                    value = _input.Code(j, cell);
                }
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
                {
                    // Parsed as double and narrowed, exactly as UpliftCsv reads training files.
                    value = (float)d;
                }
                else
                {
                    throw new AetherSegmentInputException(_input.Features[j], $"'{_source}' row {dataRow} (line {row.LineNumberFrom}), column '{_input.Features[j]}': '{Clip(cell)}' is not a number, and the model reads this column as numeric.");
                }

                features[j][n] = value;
            }

            for (int k = 0; k < _idColumn.Length; k++)
            {
                ids[k][n] = row[_idColumn[k]].ToString();
            }

            n++;
            _rows++;
        }

        return n;
    }

    public void Dispose() => _reader.Dispose();

    private static string Clip(ReadOnlySpan<char> cell) => cell.Length <= 40 ? cell.ToString() : string.Concat(cell[..40], "...");

    private bool TryIndexOf(string name, out int index)
    {
        IReadOnlyList<string> header = _reader.Header.ColNames;
        for (index = 0; index < header.Count; index++)
        {
            if (header[index].AsSpan().Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private int[] Resolve(IReadOnlyList<string> names, string why)
    {
        int[] index = new int[names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            if (!TryIndexOf(names[j].Trim(), out index[j]))
            {
                throw new AetherSegmentInputException(names[j], $"'{_source}' row 1 (header): no column '{names[j]}', which {why}.");
            }
        }

        return index;
    }
}
