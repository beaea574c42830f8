namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// What every pass reports besides its own result: the warnings, in the order the passes meet them, and how many
/// cues were understood (no cue at all answers general_promotion with low confidence). Not thread-safe.
/// </summary>
internal sealed class AnalysisLog
{
    private readonly List<string> _warnings = [];

    /// <summary>The warnings so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The number of cues understood.</summary>
    public int Understood { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        _warnings.Clear();
        Understood = 0;
    }

    /// <summary>Adds a warning.</summary>
    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>Counts one understood cue.</summary>
    public void Understand() => Understood++;

    /// <summary>A copy of the warnings for the answer.</summary>
    public IReadOnlyList<string> ToArray() => _warnings.Count == 0 ? [] : [.. _warnings];
}
