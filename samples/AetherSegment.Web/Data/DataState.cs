namespace AetherSegment.Web.Data;

/// <summary>The readiness of the data store behind the web app.</summary>
public enum DataState
{
    /// <summary>The store is being checked or the default data set generated; data endpoints answer 503 with Retry-After.</summary>
    Preparing,

    /// <summary>Data endpoints serve requests.</summary>
    Ready,

    /// <summary>The store cannot be used (for example the database is locked by another process); data endpoints answer 503.</summary>
    Failed,
}
