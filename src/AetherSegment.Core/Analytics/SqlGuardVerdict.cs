namespace AetherSegment.Analytics;

/// <summary>The SQL guard's decision on a proposed statement.</summary>
/// <param name="IsAllowed">Whether the statement is a single read-only SELECT over allowed tables and columns.</param>
/// <param name="Reason">Why it was refused, naming the offending word; <see langword="null"/> when allowed.</param>
/// <param name="Sql">The accepted statement without a trailing semicolon; <see langword="null"/> when refused.</param>
public sealed record SqlGuardVerdict(bool IsAllowed, string? Reason, string? Sql)
{
    /// <summary>An accepted statement.</summary>
    public static SqlGuardVerdict Allow(string sql) => new(true, null, sql);

    /// <summary>A refused statement.</summary>
    public static SqlGuardVerdict Refuse(string reason) => new(false, reason, null);
}
