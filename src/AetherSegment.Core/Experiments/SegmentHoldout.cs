using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>
/// The randomized holdout reserved when a segment is activated: members whose keyed hash of
/// (<see cref="Salt"/>, customer id) falls under <see cref="Share"/> are held out (not sent to), the rest are treated.
/// Stored with the segment, so every export, re-run and warehouse query assigns the same members.
/// </summary>
public sealed record SegmentHoldout
{
    /// <summary>The share of members held out, in (0, 0.5].</summary>
    [JsonPropertyName("share")]
    public required double Share { get; init; }

    /// <summary>The segment's salt: the key of the hash (hexadecimal; 32 digits when generated).</summary>
    [JsonPropertyName("salt")]
    public required string Salt { get; init; }

    /// <summary>The hash function, for readers outside .NET: <c>sha256_prefix32</c> (see docs/experiments.md).</summary>
    [JsonPropertyName("method")]
    public string Method { get; init; } = HoldoutAssignment.Method;

    /// <summary>
    /// The stored audience score set a stratified holdout's deciles are computed from
    /// (<see cref="AudienceUpliftScores"/>: a long-lived host's snapshot of every customer's predicted uplift of the
    /// segment's trigger, kept in the store), or <see langword="null"/> when the members' scores are stored with the
    /// segment in <c>segment_scores</c> (or the holdout is not stratified).
    /// </summary>
    [JsonPropertyName("scores")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scores { get; init; }

    /// <summary>
    /// Whether each member's arm, decile and predicted uplift are kept in <c>segment_scores</c> (its <c>held</c> column),
    /// so a report reads them instead of computing the keyed hash and the rank within each decile. The kept arms are
    /// those <see cref="HoldoutAssignment.ComputedMemberArmsSql"/> computes. A stratified holdout scored at activation
    /// keeps them in the same commit; one that references an audience score set keeps them in the background after
    /// activation (until then, <see langword="false"/> and the arms are computed).
    /// </summary>
    [JsonPropertyName("arms_kept")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ArmsKept { get; init; }

    /// <summary>
    /// Whether the assignment is stratified by predicted-uplift decile (<see cref="HoldoutAssignment.StratifiedMethod"/>):
    /// the segment was ranked at activation, its members' predicted uplift is kept in <c>segment_scores</c> or in the
    /// audience score set <see cref="Scores"/>, and each decile holds out exactly its share.
    /// </summary>
    [JsonIgnore]
    public bool IsStratified => Method == HoldoutAssignment.StratifiedMethod;
}
