using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>
/// A Parquet file read one row group at a time with Parquet.Net: numeric columns (any integer, float, double, decimal
/// or boolean type, nullable or not) feed numeric features; string columns feed categorical ones.
/// </summary>
internal sealed class ParquetScoreSource : IScoreSource
{
    private readonly ScoreInput _input;
    private readonly string _source;
    private readonly Stream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField[] _featureField;
    private readonly DataField[] _idField;
    private int _group;
    private long _rows;

    private ParquetScoreSource(ScoreInput input, string source, Stream stream, ParquetReader reader)
    {
        _input = input;
        _source = source;
        _stream = stream;
        _reader = reader;
        _featureField = Resolve(input.Features, "the model uses");
        _idField = Resolve(input.IdColumns, "--id names");
    }

    public static async Task<ParquetScoreSource> OpenAsync(ScoreInput input, string path, CancellationToken cancellationToken)
    {
        Stream stream = File.OpenRead(path);
        try
        {
            ParquetReader reader;
            try
            {
                reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException)
            {
                throw new AetherSegmentInputException($"'{path}' row 1: not a readable Parquet file ({ex.Message.ReplaceLineEndings(" ")}).", ex);
            }

            return new ParquetScoreSource(input, path, stream, reader);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Parquet.Net's API is asynchronous; the pipeline's reader is a dedicated thread, so it waits here.</summary>
    public ScoreChunk? Read(CancellationToken cancellationToken) => ReadAsync(cancellationToken).GetAwaiter().GetResult();

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private async Task<ScoreChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_group < _reader.RowGroupCount)
        {
            using ParquetRowGroupReader group = _reader.OpenRowGroupReader(_group++);
            int rows = checked((int)group.RowCount);
            if (rows == 0)
            {
                continue;
            }

            (float[][] features, string[][] ids) = _input.NewColumns(rows);
            for (int j = 0; j < _featureField.Length; j++)
            {
                await ReadFeatureAsync(group, j, features[j], cancellationToken).ConfigureAwait(false);
            }

            for (int k = 0; k < _idField.Length; k++)
            {
                await ReadTextAsync(group, _idField[k], ids[k], cancellationToken).ConfigureAwait(false);
            }

            ScoreChunk chunk = new(_rows, rows, features, ids);
            _rows += rows;
            return chunk;
        }

        return null;
    }

    private async Task ReadFeatureAsync(ParquetRowGroupReader group, int j, float[] target, CancellationToken cancellationToken)
    {
        DataField field = _featureField[j];
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (IsText(type))
        {
            string?[] text = new string?[target.Length];
            await ReadTextAsync(group, field, text, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < text.Length; i++)
            {
                string? cell = text[i]?.Trim();
                if (cell is null || ScoreInput.IsMissing(cell))
                {
                    target[i] = float.NaN;
                }
                else if (_input.IsCategorical(j))
                {
                    target[i] = _input.Code(j, cell);
                }
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
                {
                    target[i] = (float)d;
                }
                else
                {
                    throw new AetherSegmentInputException(field.Name, $"'{_source}' row {_rows + i + 1}, column '{field.Name}': '{cell}' is not a number, and the model reads this column as numeric.");
                }
            }

            return;
        }

        double?[] values = type == typeof(double) ? await Read<double>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(float) ? await Read<float>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(int) ? await Read<int>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(long) ? await Read<long>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(short) ? await Read<short>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(byte) ? await Read<byte>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(bool) ? await Read<bool>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : type == typeof(decimal) ? await Read<decimal>(group, field, target.Length, cancellationToken).ConfigureAwait(false)
            : throw new AetherSegmentInputException(field.Name, $"'{_source}' row 1, column '{field.Name}': Parquet type {type.Name} cannot feed a model feature.");
        for (int i = 0; i < values.Length; i++)
        {
            double? v = values[i];
            if (v is not { } d || double.IsNaN(d))
            {
                target[i] = float.NaN;
            }
            else if (_input.IsCategorical(j))
            {
                // A categorical feature stored as numbers: match the model's level text, as the CSV path does.
                target[i] = _input.Code(j, d.ToString(CultureInfo.InvariantCulture));
            }
            else if (double.IsFinite(d))
            {
                target[i] = (float)d;
            }
            else
            {
                throw new AetherSegmentInputException(field.Name, $"'{_source}' row {_rows + i + 1}, column '{field.Name}': {d} is not a finite number.");
            }
        }
    }

    private static async Task<double?[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct, IConvertible
    {
        T?[] values = await ReadValues<T>(group, field, rows, cancellationToken).ConfigureAwait(false);
        double?[] result = new double?[rows];
        for (int i = 0; i < rows; i++)
        {
            result[i] = values[i] is { } v ? v.ToDouble(CultureInfo.InvariantCulture) : null;
        }

        return result;
    }

    private static async Task<T?[]> ReadValues<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        T?[] result = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, result.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return result;
        }

        T[] values = new T[rows];
        await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < rows; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static async Task ReadTextAsync(ParquetRowGroupReader group, DataField field, string?[] target, CancellationToken cancellationToken)
    {
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (IsText(type))
        {
            await group.ReadAsync(field, target.AsMemory()!, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        IFormattable?[] values = type == typeof(long) ? Box(await ReadValues<long>(group, field, target.Length, cancellationToken).ConfigureAwait(false))
            : type == typeof(int) ? Box(await ReadValues<int>(group, field, target.Length, cancellationToken).ConfigureAwait(false))
            : type == typeof(double) ? Box(await ReadValues<double>(group, field, target.Length, cancellationToken).ConfigureAwait(false))
            : type == typeof(float) ? Box(await ReadValues<float>(group, field, target.Length, cancellationToken).ConfigureAwait(false))
            : throw new AetherSegmentInputException(field.Name, $"'{field.Name}': an id column of Parquet type {type.Name} is not supported; use text or a number.");
        for (int i = 0; i < values.Length; i++)
        {
            target[i] = values[i]?.ToString(null, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    private static IFormattable?[] Box<T>(T?[] values)
        where T : struct, IFormattable => Array.ConvertAll(values, v => (IFormattable?)v);

    /// <summary>Parquet.Net 6 reports UTF-8 columns as <see cref="ReadOnlyMemory{T}"/> of char; both read as strings.</summary>
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private DataField[] Resolve(IReadOnlyList<string> names, string why)
    {
        DataField[] fields = _reader.Schema.GetDataFields();
        DataField[] result = new DataField[names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            result[j] = Array.Find(fields, f => string.Equals(f.Name, names[j].Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new AetherSegmentInputException(names[j], $"'{_source}' row 1 (schema): no column '{names[j]}', which {why}.");
        }

        return result;
    }
}
