using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Data;

/// <summary>The data's as-of: the latest behavioral event, abandoned cart or order the profile maps. Segments and trigger scoring anchor their windows and features at it, so both agree and two runs on the same data give the same answer.</summary>
internal static class DataAsOf
{
    /// <summary>One row, one TIMESTAMP column <c>as_of</c> (NULL on an empty store or a profile that maps none of the three) over the tables of the profile's mapping.</summary>
    /// <param name="profile">The profile whose events, carts and orders mappings name the tables and timestamp columns.</param>
    /// <param name="dialect">The dialect (plain column names it quotes when reserved).</param>
    public static SqlStatement Statement(BusinessProfile profile, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(dialect);
        List<string> parts = [];
        foreach (EntityMapping? entity in new[] { profile.Entities.Events, profile.Entities.Carts, profile.Entities.Orders })
        {
            if (entity?.Column("timestamp") is { } timestamp)
            {
                parts.Add($"SELECT MAX({SegmentMapping.Column(dialect, null, timestamp)}) AS latest FROM {entity.Table}");
            }
        }

        return parts.Count == 0
            ? new SqlStatement("SELECT CAST(NULL AS TIMESTAMP) AS as_of")
            : new SqlStatement("SELECT MAX(latest) AS as_of FROM (" + string.Join(" UNION ALL ", parts) + ") AS m");
    }
}
