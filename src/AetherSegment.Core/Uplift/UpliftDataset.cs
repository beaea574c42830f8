namespace AetherSegment.Uplift;

/// <summary>
/// A columnar table for uplift models: one <see cref="float"/> array per column. Numeric columns hold their values;
/// categorical columns hold integer codes into their level names. Missing values are <see cref="float.NaN"/> in both
/// kinds, and the tree learners route them natively. A categorical code of -1 marks a level the model never saw.
/// </summary>
/// <remarks>Adding columns is not thread-safe; reading a finished dataset from many threads is.</remarks>
public sealed class UpliftDataset
{
    private readonly List<string> _names = [];
    private readonly List<float[]> _values = [];
    private readonly List<IReadOnlyList<string>?> _levels = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty dataset of <paramref name="rowCount"/> rows.</summary>
    /// <param name="rowCount">The number of rows every column has; zero or more.</param>
    public UpliftDataset(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _names.Count;

    /// <summary>The column names, in insertion order.</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>Adds a numeric column (NaN = missing).</summary>
    /// <param name="name">A column name unique in the dataset (case-insensitive).</param>
    /// <param name="values">The values, one per row; the array is kept, not copied.</param>
    public void AddNumeric(string name, float[] values) => Add(name, values, null);

    /// <summary>Adds a categorical column.</summary>
    /// <param name="name">A column name unique in the dataset (case-insensitive).</param>
    /// <param name="codes">Per row, the index into <paramref name="levels"/>, NaN for missing or -1 for an unknown level.</param>
    /// <param name="levels">The level names.</param>
    public void AddCategorical(string name, float[] codes, IReadOnlyList<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Add(name, codes, levels);
    }

    /// <summary>The index of a column by name (case-insensitive), or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The values or codes of a column.</summary>
    public float[] GetValues(int column) => _values[column];

    /// <summary>The level names of a categorical column, or <see langword="null"/> for a numeric column.</summary>
    public IReadOnlyList<string>? GetLevels(int column) => _levels[column];

    /// <summary>Whether a column is categorical.</summary>
    public bool IsCategorical(int column) => _levels[column] is not null;

    /// <summary>A new dataset with the given rows of this one, in the given order (columns are copied).</summary>
    /// <param name="rows">Row indices into this dataset.</param>
    public UpliftDataset SelectRows(ReadOnlySpan<int> rows)
    {
        UpliftDataset result = new(rows.Length);
        for (int c = 0; c < _names.Count; c++)
        {
            float[] source = _values[c];
            float[] copy = new float[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                copy[i] = source[rows[i]];
            }

            result.Add(_names[c], copy, _levels[c]);
        }

        return result;
    }

    /// <summary>A new dataset without the named columns (the arrays are shared, not copied).</summary>
    /// <param name="names">Column names to leave out; names that do not exist are ignored.</param>
    public UpliftDataset WithoutColumns(IEnumerable<string> names)
    {
        HashSet<string> drop = new(names, StringComparer.OrdinalIgnoreCase);
        UpliftDataset result = new(RowCount);
        for (int c = 0; c < _names.Count; c++)
        {
            if (!drop.Contains(_names[c]))
            {
                result.Add(_names[c], _values[c], _levels[c]);
            }
        }

        return result;
    }

    private void Add(string name, float[] values, IReadOnlyList<string>? levels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {values.Length} values; the dataset has {RowCount} rows.", nameof(values));
        }

        if (!_index.TryAdd(name, _names.Count))
        {
            throw new ArgumentException($"Column '{name}' already exists.", nameof(name));
        }

        _names.Add(name);
        _values.Add(values);
        _levels.Add(levels);
    }
}
