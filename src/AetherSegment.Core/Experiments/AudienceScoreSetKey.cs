namespace AetherSegment.Experiments;

/// <summary>
/// What an audience score set's scores depend on, kept with the set (<see cref="AudienceUpliftScores.Sets"/>) so that a
/// later process can find a set whose scores equal what it would compute: the trigger, the campaign history's data
/// version the models were trained on, the models' identity (training settings) and the as-of of the features.
/// </summary>
/// <remarks>Immutable; compared by value.</remarks>
public sealed record AudienceScoreSetKey
{
    /// <summary>The trigger whose predicted uplift the set holds (a trigger id of the profile).</summary>
    public required string Trigger { get; init; }

    /// <summary>The campaign history's data version the models were trained on (opaque; equal strings, equal data).</summary>
    public required string DataVersion { get; init; }

    /// <summary>The models' identity apart from the data version: a hash of the training settings (opaque).</summary>
    public required string Model { get; init; }

    /// <summary>The as-of of the features the customers were scored with (UTC).</summary>
    public required DateTimeOffset AsOf { get; init; }
}
