namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>Where the Summit Outfitters profile is.</summary>
public static class SummitOutfittersProfile
{
    /// <summary>The profile file's name.</summary>
    public const string FileName = "summit-outfitters.profile.json";

    /// <summary>The profile file copied next to the running test assembly.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
}
