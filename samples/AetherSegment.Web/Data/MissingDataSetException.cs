namespace AetherSegment.Web.Data;

/// <summary>
/// The app cannot start: its profile is not the demo's and the store holds no data set (the synthetic generator writes
/// the demo profile's data only). The message is one line saying what to do; the entry point prints it and exits 1.
/// </summary>
public sealed class MissingDataSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MissingDataSetException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">What is missing and what to do.</param>
    public MissingDataSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What is missing and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public MissingDataSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
