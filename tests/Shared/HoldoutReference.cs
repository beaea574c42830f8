using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Experiments;

namespace AetherSegment.Tests;

/// <summary>The held-out members a stored segment should have, by the .NET reference (<see cref="HoldoutAssignment.HeldOut"/>), with the deciles read from the store when the holdout is stratified.</summary>
internal static class HoldoutReference
{
    public static async Task<HashSet<string>> ExpectedAsync(IDataStore store, string segmentId, SegmentHoldout holdout, IEnumerable<string> members)
    {
        Dictionary<string, int> deciles = new(StringComparer.Ordinal);
        if (holdout.IsStratified)
        {
            // The deciles as stored (segment_scores) or computed from the score set the segment references.
            SqlStatement query = new($"SELECT customer_id, decile FROM ({HoldoutAssignment.MemberArmsSql(store.Dialect, holdout)}) a WHERE decile > 0",
                HoldoutAssignment.ArmParameters(holdout, segmentId));
            foreach (object?[] row in (await store.QueryAsync(query)).Rows)
            {
                deciles[(string)row[0]!] = (int)Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
            }
        }

        return HoldoutAssignment.HeldOut(holdout, members, id => deciles.GetValueOrDefault(id));
    }
}
