namespace AetherSegment.Interpretation.Rules;

/// <summary>Distinct indexes (catalog positions or enum values) in the order an objective names them. Not thread-safe.</summary>
internal sealed class OrderedSelection(int capacity)
{
    private readonly bool[] _seen = new bool[capacity];
    private readonly int[] _order = new int[capacity];

    /// <summary>The number of distinct indexes.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the selection.</summary>
    public void Clear()
    {
        Array.Clear(_seen);
        Count = 0;
    }

    /// <summary>Adds an index unless it is already selected.</summary>
    public void Add(int index)
    {
        if (!_seen[index])
        {
            _seen[index] = true;
            _order[Count++] = index;
        }
    }

    /// <summary>The values at the selected indexes, in order; an empty list when none.</summary>
    public IReadOnlyList<T> Pick<T>(T[] values)
    {
        if (Count == 0)
        {
            return [];
        }

        T[] picked = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            picked[i] = values[_order[i]];
        }

        return picked;
    }

    /// <summary>The selected indexes mapped through <paramref name="map"/>, in order; an empty list when none.</summary>
    public IReadOnlyList<T> Map<T>(Func<int, T> map)
    {
        if (Count == 0)
        {
            return [];
        }

        T[] values = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            values[i] = map(_order[i]);
        }

        return values;
    }
}
