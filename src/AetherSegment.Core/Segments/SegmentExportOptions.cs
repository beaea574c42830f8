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
}
