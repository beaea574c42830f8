using AetherSegment.Interpretation;
using Microsoft.Extensions.Caching.Memory;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// Answers an objective seen before for the same profile from the cache; failures are not cached (they throw), so a
/// later call asks the model again. Place it inside <c>UseFallback</c> to cache only the model's own answers. Thread-safe.
/// </summary>
internal sealed class CachingCampaignInterpreter(ICampaignInterpreter inner, IMemoryCache cache, object? profile, TimeSpan lifetime)
    : DelegatingCampaignInterpreter(inner)
{
    public override async ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        (string, string, object?, string) key = ("aethersegment.interpret", Name, profile, objective);
        if (cache.TryGetValue(key, out CampaignObjective? cached) && cached is not null)
        {
            return cached;
        }

        CampaignObjective answer = await InnerInterpreter.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
        using (ICacheEntry entry = cache.CreateEntry(key))
        {
            entry.Value = answer;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = lifetime;
        }

        return answer;
    }
}
