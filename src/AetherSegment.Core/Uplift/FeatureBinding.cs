namespace AetherSegment.Uplift;

/// <summary>Lines a dataset's columns up with a model's features, by name, remapping categorical codes by level name.</summary>
internal static class FeatureBinding
{
    /// <summary>The feature specs of a training dataset (every column is a feature).</summary>
    public static FeatureSpec[] SpecsOf(UpliftDataset features)
    {
        FeatureSpec[] specs = new FeatureSpec[features.ColumnCount];
        for (int c = 0; c < specs.Length; c++)
        {
            specs[c] = new FeatureSpec(features.ColumnNames[c], features.GetLevels(c) is { } levels ? [.. levels] : null);
        }

        return specs;
    }

    /// <summary>The columns of <paramref name="data"/> in the order of <paramref name="specs"/>.</summary>
    /// <exception cref="AetherSegmentInputException">A feature column is missing or of the other kind.</exception>
    public static float[][] Bind(IReadOnlyList<FeatureSpec> specs, UpliftDataset data)
    {
        float[][] columns = new float[specs.Count][];
        for (int j = 0; j < specs.Count; j++)
        {
            FeatureSpec spec = specs[j];
            int c = data.IndexOf(spec.Name);
            if (c < 0)
            {
                throw new AetherSegmentInputException(spec.Name, $"The data has no column '{spec.Name}', which the model uses.");
            }

            IReadOnlyList<string>? levels = data.GetLevels(c);
            float[] values = data.GetValues(c);
            if (spec.Levels is null)
            {
                if (levels is not null)
                {
                    throw new AetherSegmentInputException(spec.Name, $"Column '{spec.Name}' must be numeric, as in the training data; it holds text.");
                }

                columns[j] = values;
                continue;
            }

            if (levels is null)
            {
                columns[j] = NumericAsLevels(spec, values);
                continue;
            }

            if (SameLevels(spec.Levels, levels))
            {
                columns[j] = values;
                continue;
            }

            Dictionary<string, int> model = new(StringComparer.Ordinal);
            for (int l = 0; l < spec.Levels.Count; l++)
            {
                model[spec.Levels[l]] = l;
            }

            float[] map = new float[levels.Count];
            for (int l = 0; l < levels.Count; l++)
            {
                map[l] = model.TryGetValue(levels[l], out int code) ? code : -1f;
            }

            float[] remapped = new float[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                float v = values[i];
                remapped[i] = float.IsNaN(v) ? float.NaN : v < 0 ? -1f : map[(int)v];
            }

            columns[j] = remapped;
        }

        return columns;
    }

    private static float[] NumericAsLevels(FeatureSpec spec, float[] values)
    {
        // A column that happens to parse as numbers in the new file (e.g. only "1" and "2" occur): match by text.
        Dictionary<string, int> model = new(StringComparer.Ordinal);
        for (int l = 0; l < spec.Levels!.Count; l++)
        {
            model[spec.Levels[l]] = l;
        }

        float[] remapped = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            remapped[i] = float.IsNaN(v) ? float.NaN
                : model.TryGetValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture), out int code) ? code : -1f;
        }

        return remapped;
    }

    private static bool SameLevels(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
