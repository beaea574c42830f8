using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>
/// The <c>auto</c> model: picks a learner (and the forest's honesty) by cross-validated Qini on the training rows, then
/// fits the chosen one on every row (<c>refit</c>, the default) or, without the refit, keeps the average of the chosen
/// learner's fold models (a cross-fitted ensemble: no training beyond the folds). Folds are stratified by arm and
/// outcome and drawn from the seed; each candidate is trained on the other folds and scored on the held-out fold; its
/// score is the mean over folds (and treatments) of the held-out Qini coefficient. The candidate with the highest mean
/// wins; on a tie the earlier (cheaper) one. The fitted model predicts, saves and compiles to SQL as the chosen learner
/// does (its file names that learner; an average is one scoring plan whose terms are the fold models' terms, each
/// weighted 1/folds, and its file says how many folds it averages).
/// </summary>
internal sealed class AutoUpliftModel : ISqlExportableUpliftModel, IPersistableUpliftModel
{
    /// <summary>The candidates of the CLI's <c>auto</c>: every learned model and the honest forest.</summary>
    public static readonly IReadOnlyList<Candidate> AllCandidates =
    [
        new(UpliftModels.TLearner, false),
        new(UpliftModels.XLearner, false),
        new(UpliftModels.Forest, false),
        new(UpliftModels.Forest, true),
        new(UpliftModels.Ensemble, false),
    ];

    private readonly UpliftModelOptions _options;
    private readonly IReadOnlyList<Candidate> _candidates;
    private readonly int _folds;
    private readonly bool _refit;
    private TreeUpliftModel? _chosen;

    /// <summary>Creates the model.</summary>
    /// <param name="options">The seed and the forest's settings.</param>
    /// <param name="candidates">The learners to choose among; null for <see cref="AllCandidates"/>.</param>
    /// <param name="folds">How many cross-validation folds (at least 2).</param>
    /// <param name="refit">
    /// True to fit the chosen learner again on every row (one more fit on all rows); false to keep the average of its
    /// fold models, each trained on (folds - 1) / folds of the rows.
    /// </param>
    public AutoUpliftModel(UpliftModelOptions options, IReadOnlyList<Candidate>? candidates = null, int folds = 3, bool refit = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        _options = options;
        _candidates = candidates ?? AllCandidates;
        _folds = folds;
        _refit = refit;
    }

    /// <summary>One candidate: a model name and, for the forest, whether its trees are honest.</summary>
    internal sealed record Candidate(string Model, bool Honest)
    {
        public override string ToString() => Honest ? Model + "-honest" : Model;
    }

    public string Name => UpliftModels.Auto;

    /// <summary>The chosen candidate (e.g. <c>forest-honest</c>); null before fitting.</summary>
    public string? Chosen { get; private set; }

    /// <summary>Each candidate's mean held-out Qini coefficient over the folds, in candidate order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Scores { get; private set; } = [];

    /// <summary>The chosen candidate's held-out predictions per treatment and training row (0 for rows of other arms).</summary>
    internal double[][] OutOfFold { get; private set; } = [];

    public bool IsFitted => _chosen is not null;

    public IReadOnlyList<string> Treatments => _chosen?.Treatments ?? [];

    public string Control => _chosen?.Control ?? string.Empty;

    public IReadOnlyList<string> Features => _chosen?.Features ?? [];

    /// <summary>The fitted learner.</summary>
    internal TreeUpliftModel Inner => _chosen ?? throw new InvalidOperationException("The uplift model is not fitted.");

    public IReadOnlyList<string>? GetFeatureLevels(int feature) => Inner.GetFeatureLevels(feature);

    public void Fit(UpliftTrainingSet data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.RowCount;
        int[] fold = Folds(data, _folds, _options.Seed);
        int treatments = data.TreatmentNames.Count;
        double[] score = new double[_candidates.Count];
        double[][][] oof = new double[_candidates.Count][][];
        TreeUpliftModel[][]? foldModels = _refit ? null : new TreeUpliftModel[_candidates.Count][];
        for (int c = 0; c < _candidates.Count; c++)
        {
            if (foldModels is not null)
            {
                foldModels[c] = new TreeUpliftModel[_folds];
            }

            oof[c] = new double[treatments][];
            for (int k = 0; k < treatments; k++)
            {
                oof[c][k] = new double[n];
            }

            for (int f = 0; f < _folds; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                List<int> train = [], test = [];
                for (int r = 0; r < n; r++)
                {
                    (fold[r] == f ? test : train).Add(r);
                }

                int[] trainRows = [.. train], testRows = [.. test];
                UpliftTrainingSet part = new(data.Features.SelectRows(trainRows), Pick(data.Treatment, trainRows), Pick(data.Outcome, trainRows), data.TreatmentNames, data.ControlName);
                TreeUpliftModel model = Create(_candidates[c], _options.Seed + (97 * f));
                model.Fit(part, cancellationToken);
                if (foldModels is not null)
                {
                    foldModels[c][f] = model;
                }

                UpliftDataset held = data.Features.SelectRows(testRows);
                for (int k = 0; k < treatments; k++)
                {
                    double[] predicted = model.Predict(held, k);
                    for (int i = 0; i < testRows.Length; i++)
                    {
                        oof[c][k][testRows[i]] = predicted[i];
                    }
                }
            }

            score[c] = CrossValidatedQini(data, fold, oof[c]);
        }

        int best = 0;
        for (int c = 1; c < score.Length; c++)
        {
            if (score[c] > score[best])
            {
                best = c;
            }
        }

        List<KeyValuePair<string, double>> scores = [];
        for (int c = 0; c < score.Length; c++)
        {
            scores.Add(new(_candidates[c].ToString(), score[c]));
        }

        // Blends: two candidates of one learner (the forest and the honest forest) averaged. Their held-out score comes from
        // the candidates' out-of-fold predictions, so it costs no fit; a blend wins only with a higher score than every
        // single candidate, and is then the average of both fits (or of both candidates' fold models).
        (int A, int B) blend = (-1, -1);
        double blendScore = score[best];
        double[][]? blendOutOfFold = null;
        for (int a = 0; a < _candidates.Count; a++)
        {
            for (int b = a + 1; b < _candidates.Count; b++)
            {
                if (_candidates[a].Model != _candidates[b].Model)
                {
                    continue;
                }

                double[][] mean = new double[treatments][];
                for (int k = 0; k < treatments; k++)
                {
                    mean[k] = new double[n];
                    for (int r = 0; r < n; r++)
                    {
                        mean[k][r] = (oof[a][k][r] + oof[b][k][r]) / 2;
                    }
                }

                double blended = CrossValidatedQini(data, fold, mean);
                scores.Add(new(BlendName(a, b), blended));
                if (blended > blendScore)
                {
                    (blend, blendScore, blendOutOfFold) = ((a, b), blended, mean);
                }
            }
        }

        int[] parts = blend.A < 0 ? [best] : [blend.A, blend.B];
        TreeUpliftModel chosen;
        if (foldModels is null)
        {
            TreeUpliftModel[] fits = new TreeUpliftModel[parts.Length];
            for (int p = 0; p < parts.Length; p++)
            {
                fits[p] = Create(_candidates[parts[p]], _options.Seed);
                fits[p].Fit(data, cancellationToken);
            }

            chosen = fits.Length == 1 ? fits[0] : TreeUpliftModel.Average(fits);
        }
        else
        {
            chosen = TreeUpliftModel.Average([.. parts.SelectMany(p => foldModels[p])]);
        }

        _chosen = chosen;
        Chosen = blend.A < 0 ? _candidates[best].ToString() : BlendName(blend.A, blend.B);
        Scores = scores;
        OutOfFold = blendOutOfFold ?? oof[best];
    }

    private string BlendName(int a, int b) => $"{_candidates[a]}+{_candidates[b]}";

    // The mean over folds (and treatments) of the Qini coefficient of out-of-fold predictions on each held-out fold.
    private static double CrossValidatedQini(UpliftTrainingSet data, int[] fold, double[][] outOfFold)
    {
        int folds = fold.Length == 0 ? 0 : fold.Max() + 1;
        double total = 0;
        int counted = 0;
        for (int f = 0; f < folds; f++)
        {
            for (int k = 0; k < outOfFold.Length; k++)
            {
                List<double> u = [];
                List<float> y = [];
                List<int> arm = [];
                for (int r = 0; r < fold.Length; r++)
                {
                    int t = data.Treatment[r];
                    if (fold[r] == f && (t == 0 || t == k + 1))
                    {
                        u.Add(outOfFold[k][r]);
                        y.Add(data.Outcome[r]);
                        arm.Add(t == 0 ? 0 : 1);
                    }
                }

                double q = UpliftMetrics.QiniCoefficient([.. y], [.. u], [.. arm]);
                if (double.IsFinite(q))
                {
                    total += q;
                    counted++;
                }
            }
        }

        return counted == 0 ? double.NegativeInfinity : total / counted;
    }

    private TreeUpliftModel Create(Candidate candidate, int seed) => new(candidate.Model, new UpliftModelOptions
    {
        Seed = seed,
        ForestCriterion = _options.ForestCriterion,
        HonestForest = candidate.Honest,
    });

    /// <summary>A fold per row, stratified by arm and outcome: each stratum's rows are shuffled by the seed and dealt round-robin.</summary>
    internal static int[] Folds(UpliftTrainingSet data, int folds, int seed)
    {
        int n = data.RowCount;
        int[] fold = new int[n];
        Dictionary<(int, float), List<int>> strata = [];
        for (int r = 0; r < n; r++)
        {
            (int, float) key = (data.Treatment[r], data.Outcome[r]);
            if (!strata.TryGetValue(key, out List<int>? rows))
            {
                strata[key] = rows = [];
            }

            rows.Add(r);
        }

        Random random = new(seed);
        int next = 0;
        foreach ((int, float) key in strata.Keys.Order())
        {
            int[] rows = [.. strata[key]];
            random.Shuffle(rows);
            foreach (int r in rows)
            {
                fold[r] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        T[] result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }

    public void Predict(UpliftDataset data, int treatment, Span<double> uplift) => Inner.Predict(data, treatment, uplift);

    public double[] Predict(UpliftDataset data, int treatment) => Inner.Predict(data, treatment);

    public IReadOnlyList<KeyValuePair<string, double>> GetFeatureImportance(int treatment) => Inner.GetFeatureImportance(treatment);

    public string CompileSql(SqlDialect dialect, int treatment, string columnPrefix) => Inner.CompileSql(dialect, treatment, columnPrefix);

    public void Save(Stream destination) => Inner.Save(destination);
}
