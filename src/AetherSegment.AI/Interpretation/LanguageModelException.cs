namespace AetherSegment.AI.Interpretation;

/// <summary>
/// Why a language model's answer could not be used (timeout, transport error, invalid answer); the message is one line
/// fit for a warning. Carried as the inner exception of the <c>CampaignInterpretationException</c> the language-model
/// interpreter throws, so the fallback step can say why.
/// </summary>
internal sealed class LanguageModelException : Exception
{
    public LanguageModelException()
    {
    }

    public LanguageModelException(string message)
        : base(message)
    {
    }

    public LanguageModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
