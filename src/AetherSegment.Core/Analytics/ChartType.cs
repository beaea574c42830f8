namespace AetherSegment.Analytics;

/// <summary>The kind of chart suggested for an answer (serialized <c>bar</c>, <c>line</c>, <c>pie</c>).</summary>
public enum ChartType
{
    /// <summary>Bars, one per dimension member.</summary>
    Bar,

    /// <summary>A line over time.</summary>
    Line,

    /// <summary>Slices of a whole (an additive measure over a few members).</summary>
    Pie,
}
