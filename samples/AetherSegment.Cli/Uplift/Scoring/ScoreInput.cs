using AetherSegment.Uplift;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>
/// What a scoring source must deliver: the model's features by name (numeric or categorical, with the model's levels
/// looked up by text without allocating) and the id columns to carry through.
/// </summary>
internal sealed class ScoreInput
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[] _levels;

    public ScoreInput(IUpliftModel model, IReadOnlyList<string> idColumns, int chunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        Features = model.Features;
        IdColumns = idColumns;
        ChunkRows = chunkRows;
        _levels = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[Features.Count];
        for (int j = 0; j < Features.Count; j++)
        {
            if (model.GetFeatureLevels(j) is { } levels)
            {
                Dictionary<string, int> codes = new(StringComparer.Ordinal);
                for (int l = 0; l < levels.Count; l++)
                {
                    codes.TryAdd(levels[l], l);
                }

                _levels[j] = codes.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }
    }

    /// <summary>The model's features, in model order.</summary>
    public IReadOnlyList<string> Features { get; }

    public IReadOnlyList<string> IdColumns { get; }

    /// <summary>Rows per chunk: the pipeline's memory is a few chunks, whatever the file's size.</summary>
    public int ChunkRows { get; }

    public bool IsCategorical(int feature) => _levels[feature] is not null;

    /// <summary>The model's code of a categorical feature's level text, -1 for a level the model never saw.</summary>
    public float Code(int feature, ReadOnlySpan<char> text) =>
        _levels[feature]!.Value.TryGetValue(text, out int code) ? code : -1f;

    /// <summary>Empty, NaN, NA and null cells are missing values, as in <see cref="UpliftCsv"/>.</summary>
    public static bool IsMissing(ReadOnlySpan<char> s) =>
        s.Length == 0 || s.Equals("NaN", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("NA") || s.Equals("null", StringComparison.OrdinalIgnoreCase);

    /// <summary>Allocates the column arrays of a chunk.</summary>
    public (float[][] Features, string[][] Ids) NewColumns(int rows)
    {
        float[][] features = new float[Features.Count][];
        for (int j = 0; j < features.Length; j++)
        {
            features[j] = GC.AllocateUninitializedArray<float>(rows);
        }

        string[][] ids = new string[IdColumns.Count][];
        for (int k = 0; k < ids.Length; k++)
        {
            ids[k] = new string[rows];
        }

        return (features, ids);
    }

    /// <summary>A chunk of the first <paramref name="rows"/> rows of filled columns (trimmed when the last chunk is short).</summary>
    public static ScoreChunk Chunk(long firstRow, int rows, float[][] features, string[][] ids)
    {
        if (rows < (features.Length > 0 ? features[0].Length : ids.Length > 0 ? ids[0].Length : rows))
        {
            for (int j = 0; j < features.Length; j++)
            {
                features[j] = features[j].AsSpan(0, rows).ToArray();
            }

            for (int k = 0; k < ids.Length; k++)
            {
                ids[k] = ids[k].AsSpan(0, rows).ToArray();
            }
        }

        return new ScoreChunk(firstRow, rows, features, ids);
    }
}
