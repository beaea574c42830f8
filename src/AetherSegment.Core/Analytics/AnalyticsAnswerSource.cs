namespace AetherSegment.Analytics;

/// <summary>Who wrote the SQL of an answer (serialized snake_case: <c>rules</c>, <c>language_model</c>).</summary>
public enum AnalyticsAnswerSource
{
    /// <summary>The embedded rule-based parser compiled the question through the semantic layer.</summary>
    Rules,

    /// <summary>A language model wrote the SQL, and the SQL guard accepted it.</summary>
    LanguageModel,
}
