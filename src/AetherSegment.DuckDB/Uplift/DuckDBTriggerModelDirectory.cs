using AetherSegment.Uplift;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB.Uplift;

/// <summary>Keeps the trained trigger models beside the database file (<c>&lt;file&gt;.models</c>) unless <see cref="TriggerRankingOptions.ModelDirectory"/> is configured.</summary>
internal sealed class DuckDBTriggerModelDirectory(IOptions<DuckDBOptions> database) : IPostConfigureOptions<TriggerRankingOptions>
{
    public void PostConfigure(string? name, TriggerRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ModelDirectory) && !string.IsNullOrWhiteSpace(database.Value.Path))
        {
            options.ModelDirectory = Path.GetFullPath(database.Value.Path) + ".models";
        }
    }
}
