namespace AetherSegment.Segments;

/// <summary>What a member export writes beyond the member ids and their non-personal attributes.</summary>
public sealed class SegmentExportOptions
{
    /// <summary>The default: personal columns left out.</summary>
    public static SegmentExportOptions WithoutPersonalData { get; } = new();

    /// <summary>Personal columns included.</summary>
    public static SegmentExportOptions WithPersonalData { get; } = new() { IncludePersonalData = true };

    /// <summary>Whether the export carries the <see cref="SegmentTables.PersonalColumns"/> (names and e-mail addresses).</summary>
    /// <value>The default value is <see langword="false"/>: personal data is written only when a caller asks for it.</value>
    public bool IncludePersonalData { get; init; }

    /// <summary>For a segment with a holdout: leave its members out (the send list) or mark them in a <c>holdout</c> column.</summary>
    /// <value>The default value is <see cref="Experiments.HoldoutExport.Exclude"/>. A segment without a holdout ignores it.</value>
    public Experiments.HoldoutExport Holdout { get; init; }
}
