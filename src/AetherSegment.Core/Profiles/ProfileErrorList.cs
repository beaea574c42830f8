namespace AetherSegment.Profiles;

/// <summary>The problems found while reading and validating a profile, in order of discovery.</summary>
internal sealed class ProfileErrorList
{
    private readonly List<ProfileError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<ProfileError> Items => _errors;

    public void Add(string path, string message) => _errors.Add(new ProfileError(path, message));
}
