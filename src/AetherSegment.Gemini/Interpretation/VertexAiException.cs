namespace AetherSegment.Gemini.Interpretation;

/// <summary>A generateContent call failed; the message is a one-line reason fit for a warning.</summary>
internal sealed class VertexAiException : Exception
{
    public VertexAiException()
    {
    }

    public VertexAiException(string message)
        : base(message)
    {
    }

    public VertexAiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
