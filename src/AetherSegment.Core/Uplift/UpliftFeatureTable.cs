using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>Turns feature query results into columnar datasets: text columns become categorical (levels sorted), numbers and booleans numeric, NULL missing.</summary>
internal static class UpliftFeatureTable
{
    public static UpliftDataset FromResult(QueryResult result, IReadOnlyCollection<string> skip)
    {
        int n = result.Rows.Count;
        UpliftDataset dataset = new(n);
        HashSet<string> skipped = new(skip, StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < result.Columns.Count; c++)
        {
            string name = result.Columns[c];
            if (skipped.Contains(name) || dataset.IndexOf(name) >= 0)
            {
                continue;
            }

            bool text = false;
            for (int r = 0; r < n; r++)
            {
                if (result.Rows[r][c] is string)
                {
                    text = true;
                    break;
                }
            }

            float[] values = new float[n];
            if (!text)
            {
                for (int r = 0; r < n; r++)
                {
                    values[r] = ToFloat(result.Rows[r][c]);
                }

                dataset.AddNumeric(name, values);
                continue;
            }

            SortedSet<string> distinct = new(StringComparer.Ordinal);
            for (int r = 0; r < n; r++)
            {
                if (result.Rows[r][c] is string s)
                {
                    distinct.Add(s);
                }
            }

            string[] levels = [.. distinct];
            Dictionary<string, int> codes = new(StringComparer.Ordinal);
            for (int l = 0; l < levels.Length; l++)
            {
                codes[levels[l]] = l;
            }

            for (int r = 0; r < n; r++)
            {
                values[r] = result.Rows[r][c] is string s ? codes[s] : float.NaN;
            }

            dataset.AddCategorical(name, values, levels);
        }

        return dataset;
    }

    public static float ToFloat(object? value) => value switch
    {
        null => float.NaN,
        double d => (float)d,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (float)m,
        bool b => b ? 1f : 0f,
        _ => float.NaN,
    };
}
