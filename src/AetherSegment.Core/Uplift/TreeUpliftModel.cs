namespace AetherSegment.Uplift;

/// <summary>
/// Every uplift model of the SDK: a meta-learner fitted per treatment against the control, each reduced to a
/// <see cref="ScoringPlan"/> over trees, which is what is scored in-process, saved to JSON and compiled to SQL.
/// </summary>
internal sealed class TreeUpliftModel : ISqlExportableUpliftModel, IPersistableUpliftModel
{
    public string CompileSql(Data.SqlDialect dialect, int treatment, string columnPrefix) => UpliftSql.CompileTree(this, dialect, treatment, columnPrefix);

    public void Save(Stream destination) => UpliftModelFile.SaveTree(this, destination);

    private readonly UpliftModelOptions _options;
    private FeatureSpec[] _specs = [];
    private ScoringPlan[] _plans = [];
    private string[] _treatments = [];

    public TreeUpliftModel(string name, UpliftModelOptions options)
    {
        Name = name;
        _options = options;
    }

    /// <summary>A fitted model restored from its parts (a loaded file); <c>averagedFits</c> says how many fitted models the plans average (1 for a single fit).</summary>
    public TreeUpliftModel(string name, IReadOnlyList<FeatureSpec> specs, IReadOnlyList<string> treatments, string control, IReadOnlyList<ScoringPlan> plans, int averagedFits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(averagedFits, 1);
        Name = name;
        _options = new UpliftModelOptions();
        _specs = [.. specs];
        _treatments = [.. treatments];
        _plans = [.. plans];
        Control = control;
        AveragedFits = averagedFits;
    }

    public string Name { get; }

    /// <summary>How many fitted models this one averages: 1 for a single fit, the fold count for a cross-fitted ensemble (<see cref="Average"/>).</summary>
    public int AveragedFits { get; private set; } = 1;

    /// <summary>
    /// The average of fitted models of one learner over the same features and treatments (e.g. the fold models of a
    /// cross-fit): per treatment, one plan holding every model's terms in model order, each weighted 1/n
    /// (<see cref="ScoringPlan.Average"/>). It predicts the mean of the models' predictions, compiles to one SQL
    /// expression that adds the same terms in the same order, saves as one model file, and its feature importance is
    /// the share of the models' summed split gain.
    /// </summary>
    /// <exception cref="ArgumentException">The models are not fitted, or differ in learner, features, levels or treatments.</exception>
    public static TreeUpliftModel Average(IReadOnlyList<TreeUpliftModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("There are no models to average.", nameof(models));
        }

        TreeUpliftModel first = models[0];
        foreach (TreeUpliftModel model in models)
        {
            if (!model.IsFitted || model.Name != first.Name || !model._treatments.SequenceEqual(first._treatments, StringComparer.Ordinal)
                || model.Control != first.Control || !SameSpecs(model._specs, first._specs))
            {
                throw new ArgumentException("Only fitted models of one learner over the same features, levels and treatments can be averaged.", nameof(models));
            }
        }

        ScoringPlan[] plans = new ScoringPlan[first._plans.Length];
        for (int k = 0; k < plans.Length; k++)
        {
            ScoringPlan[] parts = new ScoringPlan[models.Count];
            for (int m = 0; m < parts.Length; m++)
            {
                parts[m] = models[m]._plans[k];
            }

            plans[k] = ScoringPlan.Average(parts);
        }

        int fits = 0;
        foreach (TreeUpliftModel model in models)
        {
            fits += model.AveragedFits;
        }

        return new TreeUpliftModel(first.Name, first._specs, first._treatments, first.Control, plans, fits);
    }

    private static bool SameSpecs(FeatureSpec[] a, FeatureSpec[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int j = 0; j < a.Length; j++)
        {
            if (a[j].Name != b[j].Name || (a[j].Levels is null) != (b[j].Levels is null)
                || (a[j].Levels is { } levels && !levels.SequenceEqual(b[j].Levels!, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsFitted => _plans.Length > 0;

    public IReadOnlyList<string> Treatments => _treatments;

    public string Control { get; private set; } = string.Empty;

    public IReadOnlyList<string> Features => Array.ConvertAll(_specs, s => s.Name);

    internal IReadOnlyList<FeatureSpec> Specs => _specs;

    public IReadOnlyList<string>? GetFeatureLevels(int feature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, _specs.Length);
        return _specs[feature].Levels;
    }

    internal IReadOnlyList<ScoringPlan> Plans => _plans;

    public void Fit(UpliftTrainingSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        FeatureSpec[] specs = FeatureBinding.SpecsOf(data.Features);
        float[][] columns = FeatureBinding.Bind(specs, data.Features);
        BinnedMatrix binned = BinnedMatrix.Build(columns, specs, data.RowCount, _options.Seed);
        List<int> control = [];
        List<int>[] arms = new List<int>[data.TreatmentNames.Count];
        for (int k = 0; k < arms.Length; k++)
        {
            arms[k] = [];
        }

        for (int r = 0; r < data.RowCount; r++)
        {
            int t = data.Treatment[r];
            (t == 0 ? control : arms[t - 1]).Add(r);
        }

        int[] controlRows = [.. control];
        ScoringPlan[] plans = new ScoringPlan[arms.Length];
        for (int k = 0; k < arms.Length; k++)
        {
            plans[k] = FitOne(binned, [.. arms[k]], controlRows, data.Outcome, _options.Seed + (1000 * k), cancellationToken);
        }

        _specs = specs;
        _treatments = [.. data.TreatmentNames];
        Control = data.ControlName;
        _plans = plans;
        AveragedFits = 1;
    }

    private ScoringPlan FitOne(BinnedMatrix data, int[] treated, int[] control, float[] outcome, int seed, CancellationToken ct) => Name switch
    {
        UpliftModels.Simulated => UpliftLearners.Simulated(data, treated, control, outcome, seed, ct),
        UpliftModels.TLearner => UpliftLearners.TLearner(data, treated, control, outcome, seed, ct),
        UpliftModels.XLearner => UpliftLearners.XLearner(data, treated, control, outcome, seed, ct),
        UpliftModels.Forest => UpliftLearners.Forest(data, treated, control, outcome, _options, seed, ct),
        UpliftModels.ClassTransformation => UpliftLearners.ClassTransformation(data, treated, control, outcome, seed, ct),
        UpliftModels.Ensemble => Ensemble(data, treated, control, outcome, seed, ct),
        _ => throw new InvalidOperationException($"Unknown uplift model '{Name}'."),
    };

    private ScoringPlan Ensemble(BinnedMatrix data, int[] treated, int[] control, float[] outcome, int seed, CancellationToken ct)
    {
        ScoringPlan[] parts = new ScoringPlan[3];
        parts[0] = UpliftLearners.TLearner(data, treated, control, outcome, seed, ct);
        parts[1] = UpliftLearners.XLearner(data, treated, control, outcome, seed + 10, ct);
        parts[2] = UpliftLearners.Forest(data, treated, control, outcome, _options, seed + 20, ct);
        return ScoringPlan.Average(parts);
    }

    public double[] Predict(UpliftDataset data, int treatment)
    {
        ArgumentNullException.ThrowIfNull(data);
        double[] result = new double[data.RowCount];
        Predict(data, treatment, result);
        return result;
    }

    public void Predict(UpliftDataset data, int treatment, Span<double> uplift)
    {
        ArgumentNullException.ThrowIfNull(data);
        ScoringPlan plan = PlanFor(treatment);
        if (uplift.Length != data.RowCount)
        {
            throw new ArgumentException($"The output has {uplift.Length} slots for {data.RowCount} rows.", nameof(uplift));
        }

        float[][] columns = FeatureBinding.Bind(_specs, data);
        Score(plan, columns, uplift);
    }

    internal static void Score(ScoringPlan plan, float[][] columns, Span<double> uplift)
    {
        const int Block = 2048;
        int n = uplift.Length;
        if (n <= Block)
        {
            plan.Score(columns, 0, uplift);
            return;
        }

        double[] output = new double[n];
        Parallel.For(0, (n + Block - 1) / Block, b =>
        {
            int start = b * Block;
            plan.Score(columns, start, output.AsSpan(start, Math.Min(Block, n - start)));
        });
        output.CopyTo(uplift);
    }

    internal ScoringPlan PlanFor(int treatment)
    {
        if (!IsFitted)
        {
            throw new InvalidOperationException("The uplift model is not fitted.");
        }

        if ((uint)treatment >= (uint)_plans.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(treatment), treatment, $"The model has {_plans.Length} treatment(s).");
        }

        return _plans[treatment];
    }

    public IReadOnlyList<KeyValuePair<string, double>> GetFeatureImportance(int treatment)
    {
        ScoringPlan plan = PlanFor(treatment);
        double[] gain = new double[_specs.Length];
        foreach (ScoringTerm term in plan.Terms)
        {
            foreach (DecisionTree tree in term.Ensemble.Trees)
            {
                for (int node = 0; node < tree.NodeCount && node < tree.Gain.Length; node++)
                {
                    if (tree.Feature[node] >= 0)
                    {
                        gain[tree.Feature[node]] += Math.Abs(term.Coefficient) * tree.Gain[node];
                    }
                }
            }
        }

        double total = 0;
        foreach (double g in gain)
        {
            total += g;
        }

        List<KeyValuePair<string, double>> result = [];
        for (int j = 0; j < gain.Length; j++)
        {
            result.Add(new(_specs[j].Name, total > 0 ? gain[j] / total : 0));
        }

        result.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return result;
    }
}
