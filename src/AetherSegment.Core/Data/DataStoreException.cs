namespace AetherSegment.Data;

/// <summary>A store could not answer: the database is missing or locked, the query failed, or a cost guard tripped.</summary>
public class DataStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataStoreException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public DataStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the store's own error.</summary>
    public DataStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
