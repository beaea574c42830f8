namespace AetherSegment.Analytics;

/// <summary>What became of a question (serialized snake_case: <c>answered</c>, <c>refused</c>, <c>unanswerable</c>).</summary>
public enum AnalyticsAnswerStatus
{
    /// <summary>The question was compiled to read-only SQL, run, and answered.</summary>
    Answered,

    /// <summary>The question asked to change data or to read outside the data model (personal data, system tables); nothing ran.</summary>
    Refused,

    /// <summary>The question could not be placed on the semantic layer; the answer lists what can be asked. Nothing ran.</summary>
    Unanswerable,
}
