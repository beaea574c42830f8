namespace AetherSegment.Uplift;

/// <summary>
/// Creates the unfitted uplift models the trigger ranker trains, one per trigger. Register your own with
/// <c>services.AddSingleton&lt;IUpliftModelFactory, MyFactory&gt;()</c> (before or after <c>AddAetherSegment()</c>) so
/// the ranker trains and scores your <see cref="IUpliftModel"/>; the default creates the built-in models of
/// <see cref="UpliftModels"/>.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. Models the ranker saves between processes must be the built-in ones: with
/// another factory the ranker keeps its models in memory only.
/// </remarks>
public interface IUpliftModelFactory
{
    /// <summary>Creates an unfitted model.</summary>
    /// <param name="name">The configured model name (<see cref="TriggerRankingOptions.Model"/>; the ranker passes its default,
    /// the X-learner's name, when none is configured), or <see langword="null"/> for the factory's default.</param>
    /// <param name="options">The seed (different per trigger) and forest options.</param>
    /// <returns>A new model; the caller fits it once.</returns>
    IUpliftModel Create(string? name, UpliftModelOptions options);
}
