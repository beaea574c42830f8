namespace AetherSegment.Interpretation;

/// <summary>
/// A language-model interpreter could not produce a valid object (timeout, HTTP error, authentication failure, an
/// answer that fails validation) and falling back to the rules is switched off.
/// </summary>
public sealed class CampaignInterpretationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CampaignInterpretationException()
    {
    }

    /// <summary>Creates the exception with a one-line reason.</summary>
    public CampaignInterpretationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public CampaignInterpretationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
