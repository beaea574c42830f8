using System.Security.Cryptography;
using System.Text;
using AetherSegment.Segments;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using AetherSegment.Web.Hosting;

namespace AetherSegment.Web.Segments;

/// <summary>
/// Remembers recent filter previews for a few seconds, keyed by the objective, the filters and the trigger as sent.
/// The live preview asks the same combinations again and again while a marketer toggles filters; a preview may lag
/// the live event stream by at most <see cref="WebOptions.PreviewCacheSeconds"/>. Bounded in size; thread-safe.
/// </summary>
internal sealed class PreviewCache(IMemoryCache cache, IOptions<WebOptions> options)
{
    /// <summary>Returns the cached preview for the request, or computes and caches it.</summary>
    public async Task<FilterPreview> GetOrAddAsync(string objectiveJson, string? filtersJson, string? trigger, Func<Task<FilterPreview>> compute)
    {
        int seconds = options.Value.PreviewCacheSeconds;
        if (seconds <= 0)
        {
            return await compute().ConfigureAwait(false);
        }

        string key = Key(objectiveJson, filtersJson, trigger);
        if (cache.TryGetValue(key, out FilterPreview? cached) && cached is not null)
        {
            return cached;
        }

        FilterPreview preview = await compute().ConfigureAwait(false);
        cache.Set(key, preview, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds),
            Size = 1,
        });
        return preview;
    }

    private static string Key(string objectiveJson, string? filtersJson, string? trigger)
    {
        string text = string.Concat(objectiveJson, "\u001f", filtersJson ?? "", "\u001f", trigger ?? "");
        return "preview:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
