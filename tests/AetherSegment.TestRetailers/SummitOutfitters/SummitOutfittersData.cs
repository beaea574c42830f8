namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>What <see cref="SummitOutfittersGenerator"/> wrote: the file, row counts and each member's facts.</summary>
/// <param name="DatabasePath">The DuckDB file.</param>
/// <param name="AsOf">The as-of time (UTC).</param>
/// <param name="RowCounts">Rows per table.</param>
/// <param name="Members">Each member's facts, in member_no order (for the true uplift: <see cref="TrueUplift"/>).</param>
public sealed record SummitOutfittersData(string DatabasePath, DateTime AsOf, IReadOnlyDictionary<string, long> RowCounts, IReadOnlyList<SummitMember> Members)
{
    /// <summary>The true conversion uplift of a trigger for a member.</summary>
    /// <exception cref="ArgumentException">Unknown trigger or member.</exception>
    public double TrueUplift(string memberNo, string triggerId)
    {
        SummitTrigger trigger = SummitEffects.Find(triggerId) ?? throw new ArgumentException($"Unknown trigger {triggerId}.", nameof(triggerId));
        SummitMember member = Members.FirstOrDefault(m => m.MemberNo == memberNo) ?? throw new ArgumentException($"Unknown member {memberNo}.", nameof(memberNo));
        return trigger.Uplift(member);
    }
}
