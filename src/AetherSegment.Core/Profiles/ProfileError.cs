namespace AetherSegment.Profiles;

/// <summary>One problem of a profile, at a JSON path.</summary>
/// <param name="Path">The JSON path of the offending value (e.g. <c>$.triggers[2].id</c>); <c>$</c> for the whole file.</param>
/// <param name="Message">What is wrong, for the person who wrote the profile.</param>
public sealed record ProfileError(string Path, string Message)
{
    /// <summary>The error as one line: <c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
