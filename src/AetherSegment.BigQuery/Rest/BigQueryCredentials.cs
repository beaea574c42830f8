using Google.Apis.Auth.OAuth2;

namespace AetherSegment.BigQuery.Rest;

/// <summary>
/// The bearer token for BigQuery requests: the configured AccessToken as is, else Application Default Credentials
/// (GOOGLE_APPLICATION_CREDENTIALS, gcloud user credentials or the metadata server) scoped to BigQuery.
/// </summary>
/// <remarks>Thread-safe; the credential is created once and refreshes its own tokens.</remarks>
internal sealed class BigQueryCredentials
{
    public const string Scope = "https://www.googleapis.com/auth/bigquery";

    private readonly string? _accessToken;
    private readonly Lazy<Task<ITokenAccess>> _credential;

    public BigQueryCredentials(string? accessToken)
    {
        _accessToken = string.IsNullOrWhiteSpace(accessToken) ? null : accessToken.Trim();
        _credential = new Lazy<Task<ITokenAccess>>(CreateAsync);
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_accessToken is not null)
        {
            return _accessToken;
        }

        try
        {
            ITokenAccess credential = await _credential.Value.ConfigureAwait(false);
            return await credential.GetAccessTokenForRequestAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new Data.DataStoreException(
                "No BigQuery credentials: set AetherSegment:BigQuery:AccessToken, or configure Application Default Credentials (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS).", ex);
        }
    }

    private static async Task<ITokenAccess> CreateAsync()
    {
        GoogleCredential credential = await GoogleCredential.GetApplicationDefaultAsync().ConfigureAwait(false);
        return credential.CreateScoped(Scope);
    }
}
