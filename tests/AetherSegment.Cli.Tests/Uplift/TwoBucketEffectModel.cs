using AetherSegment.Uplift;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>
/// A user's own uplift model, written outside Core against <see cref="IUpliftModel"/> only: it splits the rows at the
/// median of one numeric feature (the preferred one, else the first numeric column) and predicts, per half, the treated arm's conversion rate minus the control arm's.
/// Not exportable to SQL and not persistable, so the ranker keeps it in memory.
/// </summary>
internal sealed class TwoBucketEffectModel(string name, string preferredFeature) : IUpliftModel
{
    private readonly string _preferred = preferredFeature;
    private string _feature = preferredFeature;
    private string[] _treatments = [];
    private double _threshold;
    private double _low;
    private double _high;

    public string Name { get; } = name;

    public bool IsFitted { get; private set; }

    public IReadOnlyList<string> Treatments => _treatments;

    public string Control { get; private set; } = string.Empty;

    public IReadOnlyList<string> Features => IsFitted ? [_feature] : [];

    public int TrainingRows { get; private set; }

    /// <summary>The effect below and at-or-above the threshold, as fitted.</summary>
    public (double Low, double High) Effects => (_low, _high);

    /// <summary>The mean of the last prediction, to compare with what the ranker reports.</summary>
    public double LastPredictedMean { get; private set; } = double.NaN;

    public IReadOnlyList<string>? GetFeatureLevels(int index) => null;

    public void Fit(UpliftTrainingSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features.IndexOf(_preferred) < 0)
        {
            _feature = Enumerable.Range(0, data.Features.ColumnCount).Where(c => !data.Features.IsCategorical(c))
                .Select(c => data.Features.ColumnNames[c]).First();
        }

        float[] x = Column(data.Features);
        float[] sorted = [.. x];
        Array.Sort(sorted);
        _threshold = sorted[sorted.Length / 2];
        double[] treated = new double[2], treatedN = new double[2], control = new double[2], controlN = new double[2];
        for (int i = 0; i < data.RowCount; i++)
        {
            int bucket = x[i] >= _threshold ? 1 : 0;
            if (data.Treatment[i] == 0)
            {
                control[bucket] += data.Outcome[i];
                controlN[bucket]++;
            }
            else
            {
                treated[bucket] += data.Outcome[i];
                treatedN[bucket]++;
            }
        }

        double Effect(int b) => treatedN[b] == 0 || controlN[b] == 0 ? 0 : (treated[b] / treatedN[b]) - (control[b] / controlN[b]);
        _low = Effect(0);
        _high = Effect(1);
        _treatments = [.. data.TreatmentNames];
        Control = data.ControlName;
        TrainingRows = data.RowCount;
        IsFitted = true;
    }

    public void Predict(UpliftDataset data, int treatment, Span<double> uplift)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsFitted)
        {
            throw new InvalidOperationException("The model is not fitted.");
        }

        float[] x = Column(data);
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            uplift[i] = x[i] >= _threshold ? _high : _low;
            sum += uplift[i];
        }

        LastPredictedMean = x.Length == 0 ? double.NaN : sum / x.Length;
    }

    public double[] Predict(UpliftDataset data, int treatment)
    {
        ArgumentNullException.ThrowIfNull(data);
        double[] uplift = new double[data.RowCount];
        Predict(data, treatment, uplift);
        return uplift;
    }

    public IReadOnlyList<KeyValuePair<string, double>> GetFeatureImportance(int treatment) => [new(_feature, 1.0)];

    private float[] Column(UpliftDataset data)
    {
        int column = data.IndexOf(_feature);
        return column >= 0 && !data.IsCategorical(column)
            ? data.GetValues(column)
            : throw new AetherSegmentInputException(_feature, $"The rows have no numeric '{_feature}' column.");
    }
}
