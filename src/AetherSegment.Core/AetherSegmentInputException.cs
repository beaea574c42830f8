namespace AetherSegment;

/// <summary>
/// A caller's input was invalid: an empty objective, an unknown filter key, an out-of-range number, a CSV without a
/// named column. Hosts turn it into exit code 2 (CLI) or 400 problem+json (web), naming <see cref="Field"/>.
/// </summary>
public class AetherSegmentInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public AetherSegmentInputException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public AetherSegmentInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public AetherSegmentInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the offending field, filter, option or column.</summary>
    /// <param name="field">The field as the user wrote or sees it (e.g. <c>objective</c>, <c>new_filters.clv_min</c>).</param>
    /// <param name="message">A one-line message for the user that names the field.</param>
    public AetherSegmentInputException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The offending field, filter, option or column, when known.</summary>
    public string? Field { get; }

    /// <inheritdoc />
    public override string Message => base.Message.Split(" (Parameter", 2)[0];
}
