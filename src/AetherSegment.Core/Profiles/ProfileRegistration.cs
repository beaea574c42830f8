namespace AetherSegment.Profiles;

/// <summary>The profile registered in code, used when <c>AetherSegment:Profile</c> is not set.</summary>
/// <param name="Factory">Creates the profile (called once, for the singleton).</param>
internal sealed record ProfileRegistration(Func<IServiceProvider, BusinessProfile> Factory);
