namespace AetherSegment.Uplift;

/// <summary>
/// An uplift (heterogeneous treatment effect) model: fitted on a randomized experiment's features, arms and binary
/// outcome, it predicts per row how much each treatment raises the probability of the outcome against the control.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> is not thread-safe; once fitted, <see cref="Predict(UpliftDataset, int, Span{double})"/> and the other
/// members are safe to call from many threads. Create instances with <see cref="UpliftModels"/> or load them with
/// <see cref="UpliftModelFile"/>.
/// </remarks>
public interface IUpliftModel
{
    /// <summary>The model's name: <c>simulated</c>, <c>tlearner</c>, <c>xlearner</c>, <c>forest</c>, <c>ct</c> or <c>ensemble</c>.</summary>
    string Name { get; }

    /// <summary>Whether the model has been fitted (or loaded).</summary>
    bool IsFitted { get; }

    /// <summary>The treatments' names, in the order of <see cref="Predict(UpliftDataset, int, Span{double})"/>'s index; empty before fitting.</summary>
    IReadOnlyList<string> Treatments { get; }

    /// <summary>The control arm's name; empty before fitting.</summary>
    string Control { get; }

    /// <summary>The feature columns the model reads, by name; empty before fitting.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>The level names of a categorical feature, in code order, or null for a numeric feature.</summary>
    /// <param name="feature">The 0-based index into <see cref="Features"/>.</param>
    /// <returns>The levels a file's text is matched against (ordinal), or null when the feature is numeric.</returns>
    /// <remarks>Streaming scorers use it to code rows as they read them, so a column's kind is known before the first row.</remarks>
    IReadOnlyList<string>? GetFeatureLevels(int feature);

    /// <summary>Fits the model, replacing any earlier fit. Deterministic for the model's seed.</summary>
    /// <param name="data">The training rows.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    void Fit(UpliftTrainingSet data, CancellationToken cancellationToken = default);

    /// <summary>Predicts one treatment's uplift (treated minus control outcome probability, -1..1 for most models) per row.</summary>
    /// <param name="data">Rows holding at least the <see cref="Features"/> columns, matched by name; other columns are ignored.
    /// Categorical levels are matched by name; a level the model never saw follows the non-matching branch of each split.</param>
    /// <param name="treatment">The 0-based index into <see cref="Treatments"/>.</param>
    /// <param name="uplift">Receives one value per row of <paramref name="data"/>.</param>
    /// <exception cref="AetherSegmentInputException">A feature column is missing or of the wrong kind.</exception>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    void Predict(UpliftDataset data, int treatment, Span<double> uplift);

    /// <summary>Predicts one treatment's uplift per row into a new array.</summary>
    /// <param name="data">Rows holding at least the <see cref="Features"/> columns.</param>
    /// <param name="treatment">The 0-based index into <see cref="Treatments"/>.</param>
    /// <returns>One value per row.</returns>
    double[] Predict(UpliftDataset data, int treatment);

    /// <summary>The features that drive one treatment's predictions, most important first: each feature's share of the total split gain (0..1).</summary>
    /// <param name="treatment">The 0-based index into <see cref="Treatments"/>.</param>
    IReadOnlyList<KeyValuePair<string, double>> GetFeatureImportance(int treatment);
}
