namespace AetherSegment.Profiles;

/// <summary>
/// A profile is not valid: malformed JSON, a missing required mapping, a duplicate trigger id, a filter naming an
/// unknown attribute, a word with two meanings... <see cref="Errors"/> holds every problem found, each with its JSON
/// path; the message is the first one (and how many more). Hosts turn it into exit code 2 (CLI) or a failed start (web).
/// </summary>
public sealed class ProfileValidationException : AetherSegmentInputException
{
    /// <summary>Creates the exception with no errors listed.</summary>
    public ProfileValidationException()
        : this("The profile is not valid.")
    {
    }

    /// <summary>Creates the exception with one message and no errors listed.</summary>
    public ProfileValidationException(string message)
        : base("profile", message)
    {
        Errors = [new ProfileError("$", message)];
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    public ProfileValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ProfileError("$", message)];
    }

    /// <summary>Creates the exception for every problem found.</summary>
    /// <param name="source">Where the profile came from (a file path), or <see langword="null"/>; it prefixes the message.</param>
    /// <param name="errors">The problems (at least one).</param>
    public ProfileValidationException(string? source, IReadOnlyList<ProfileError> errors)
        : base("profile", Describe(source, errors))
    {
        Errors = errors;
        ProfileSource = source;
    }

    /// <summary>Every problem found, in file order of discovery.</summary>
    public IReadOnlyList<ProfileError> Errors { get; }

    /// <summary>Where the profile came from (a file path), or <see langword="null"/>.</summary>
    public string? ProfileSource { get; }

    private static string Describe(string? source, IReadOnlyList<ProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string prefix = source is null ? "invalid profile: " : $"invalid profile {source}: ";
        string first = errors.Count > 0 ? errors[0].ToString() : "$: the profile is not valid";
        return errors.Count > 1 ? $"{prefix}{first} (and {errors.Count - 1} more)" : prefix + first;
    }
}
