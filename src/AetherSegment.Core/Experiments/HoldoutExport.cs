namespace AetherSegment.Experiments;

/// <summary>How an export of a segment with a holdout treats the held-out members.</summary>
public enum HoldoutExport
{
    /// <summary>Leave the holdout members out: the file is the send list (the default).</summary>
    Exclude = 0,

    /// <summary>Write every member with a boolean <c>holdout</c> column after the member columns.</summary>
    Mark = 1,
}
