namespace AetherSegment.Synthetic.Generation;

/// <summary>One generation run: how many customers, which seed, which as-of time.</summary>
/// <remarks>Defaults match <see cref="SyntheticOptions"/>: 10,000 customers, seed 42, as-of now, with ground truth.</remarks>
public sealed record GenerationRequest
{
    /// <summary>How many customers to generate, 1..100,000,000.</summary>
    /// <value>The default value is 10,000.</value>
    public long Customers { get; init; } = 10_000;

    /// <summary>The seed of every random draw.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>The as-of time; <see langword="null"/> means the generator's <see cref="TimeProvider"/> now. Truncated to whole seconds.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Whether to write <c>ground_truth_uplift</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool GroundTruth { get; init; } = true;

    /// <summary>A request from configured options.</summary>
    public static GenerationRequest From(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GenerationRequest { Customers = options.Customers, Seed = options.Seed, AsOf = options.AsOf, GroundTruth = options.GroundTruth };
    }
}
