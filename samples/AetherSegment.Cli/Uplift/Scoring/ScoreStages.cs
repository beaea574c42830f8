namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>What a file scoring did: the rows, and the busy time of each pipeline stage (they overlap, so they add up to more than the wall time).</summary>
internal sealed record ScoreStages(long Rows, TimeSpan Reading, TimeSpan Scoring, TimeSpan Writing);
