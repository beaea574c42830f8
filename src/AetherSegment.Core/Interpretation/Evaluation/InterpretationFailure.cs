namespace AetherSegment.Interpretation.Evaluation;

/// <summary>One field of one example that did not match its label.</summary>
/// <param name="Id">The example's id.</param>
/// <param name="Objective">The objective.</param>
/// <param name="Field">The dotted path of the field.</param>
/// <param name="Expected">The expected value as JSON.</param>
/// <param name="Actual">The interpreter's value as JSON.</param>
internal sealed record InterpretationFailure(string Id, string Objective, string Field, string Expected, string Actual);
