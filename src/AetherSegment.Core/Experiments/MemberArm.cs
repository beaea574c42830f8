namespace AetherSegment.Experiments;

/// <summary>A member's arm, decile of predicted uplift (0 when the segment was not ranked) and predicted uplift (0 when unranked).</summary>
internal readonly record struct MemberArm(bool Held, int Decile, double PredictedUplift);
