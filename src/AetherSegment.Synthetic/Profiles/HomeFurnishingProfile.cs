using AetherSegment.Profiles;

namespace AetherSegment.Synthetic.Profiles;

/// <summary>
/// The demo home-furnishing retailer as a profile: <c>home-furnishing.profile.json</c>, embedded in this package. It is
/// the default profile of the hosts and the one the synthetic generator writes data for.
/// </summary>
/// <remarks>The profile is loaded and validated once; <see cref="Load"/> returns the same immutable instance on every call. Thread-safe.</remarks>
public static class HomeFurnishingProfile
{
    /// <summary>The profile's name (<c>home-furnishing</c>).</summary>
    public const string Name = "home-furnishing";

    /// <summary>The embedded file's name.</summary>
    public const string FileName = "home-furnishing.profile.json";

    private static readonly Lazy<BusinessProfile> Profile = new(() =>
    {
        using Stream stream = OpenJson();
        return BusinessProfileLoader.Load(stream, FileName);
    });

    /// <summary>The home-furnishing profile, loaded and validated once.</summary>
    public static BusinessProfile Load() => Profile.Value;

    /// <summary>Opens the embedded JSON file (for writing it out as a starting point for a profile of one's own).</summary>
    /// <returns>A new read-only stream; the caller disposes it.</returns>
    public static Stream OpenJson() =>
        typeof(HomeFurnishingProfile).Assembly.GetManifestResourceStream("AetherSegment.Synthetic.Profiles." + FileName)
        ?? throw new InvalidOperationException($"The embedded resource {FileName} is missing from AetherSegment.Synthetic.");
}
