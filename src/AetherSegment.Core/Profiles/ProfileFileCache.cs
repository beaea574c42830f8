using System.Collections.Concurrent;

namespace AetherSegment.Profiles;

/// <summary>Loads each profile file once per service provider, so the start-time validation and the singleton share one load.</summary>
internal sealed class ProfileFileCache
{
    private readonly ConcurrentDictionary<string, Lazy<BusinessProfile>> _profiles = new(StringComparer.Ordinal);

    /// <summary>The profile of a file.</summary>
    /// <exception cref="ProfileValidationException">The file is missing, unreadable or not a valid profile (thrown on every call).</exception>
    public BusinessProfile Load(string path) =>
        _profiles.GetOrAdd(Path.GetFullPath(path), full => new Lazy<BusinessProfile>(() => BusinessProfileLoader.LoadFile(path))).Value;
}
