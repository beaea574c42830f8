namespace AetherSegment.Uplift;

/// <summary>
/// Where a trigger model has seen treated customers: for the model's most important features, the range between the
/// 1st and 99th percentile of the treated training rows (numeric), the levels held by at least 0.5% of them
/// (categorical), and whether a missing value occurred in at least 1% of them. A member with any of those features
/// outside is outside the support: its predicted uplift is an extrapolation. A segment with at least
/// <see cref="WarningShare"/> of its members outside gets a warning instead of a confident number
/// (docs/uplift.md, "Overlap check").
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
internal sealed class TreatedSupport
{
    /// <summary>How many of the model's most important features are checked.</summary>
    public const int CheckedFeatures = 5;

    /// <summary>The share of a segment outside the support from which its trigger gets a warning.</summary>
    public const double WarningShare = 0.5;

    private const double Tail = 0.01, LevelShare = 0.005, MissingShare = 0.01;

    public TreatedSupport(IReadOnlyList<Feature> features) => Features = features;

    /// <summary>One checked feature: its name and, numeric, the range or, categorical, the supported levels.</summary>
    internal sealed record Feature(string Name, double Low, double High, IReadOnlyList<string>? Levels, bool MissingSeen);

    public IReadOnlyList<Feature> Features { get; }

    /// <summary>The support of <paramref name="names"/> over the treated <paramref name="rows"/> of <paramref name="data"/>.</summary>
    public static TreatedSupport Build(UpliftDataset data, ReadOnlySpan<int> rows, IEnumerable<string> names)
    {
        List<Feature> features = [];
        foreach (string name in names)
        {
            int column = data.IndexOf(name);
            if (column < 0 || rows.Length == 0)
            {
                continue;
            }

            float[] values = data.GetValues(column);
            int missing = 0;
            List<float> present = new(rows.Length);
            foreach (int r in rows)
            {
                if (float.IsNaN(values[r]))
                {
                    missing++;
                }
                else
                {
                    present.Add(values[r]);
                }
            }

            bool missingSeen = missing >= MissingShare * rows.Length;
            if (data.GetLevels(column) is { } levels)
            {
                int[] counts = new int[levels.Count];
                foreach (float code in present)
                {
                    if (code >= 0 && code < counts.Length)
                    {
                        counts[(int)code]++;
                    }
                }

                List<string> kept = [];
                for (int l = 0; l < counts.Length; l++)
                {
                    if (counts[l] >= LevelShare * rows.Length)
                    {
                        kept.Add(levels[l]);
                    }
                }

                features.Add(new Feature(name, 0, 0, kept, missingSeen));
            }
            else if (present.Count > 0)
            {
                present.Sort();
                double low = present[(int)(Tail * (present.Count - 1))], high = present[(int)Math.Ceiling((1 - Tail) * (present.Count - 1))];
                features.Add(new Feature(name, low, high, null, missingSeen));
            }
        }

        return new TreatedSupport(features);
    }

    /// <summary>Per row of <paramref name="data"/>, whether it is outside the support (features the data lacks are not checked).</summary>
    public bool[] Outside(UpliftDataset data)
    {
        bool[] outside = new bool[data.RowCount];
        foreach (Feature feature in Features)
        {
            int column = data.IndexOf(feature.Name);
            if (column < 0)
            {
                continue;
            }

            float[] values = data.GetValues(column);
            bool[]? supportedCode = null;
            if (feature.Levels is { } supported && data.GetLevels(column) is { } levels)
            {
                HashSet<string> set = new(supported, StringComparer.Ordinal);
                supportedCode = new bool[levels.Count];
                for (int l = 0; l < levels.Count; l++)
                {
                    supportedCode[l] = set.Contains(levels[l]);
                }
            }
            else if (feature.Levels is not null)
            {
                continue;
            }

            for (int r = 0; r < outside.Length; r++)
            {
                float v = values[r];
                bool out_ = float.IsNaN(v) ? !feature.MissingSeen
                    : supportedCode is not null ? v < 0 || v >= supportedCode.Length || !supportedCode[(int)v]
                    : v < feature.Low || v > feature.High;
                outside[r] |= out_;
            }
        }

        return outside;
    }
}
