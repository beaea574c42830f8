using System.Globalization;
using AetherSegment.Experiments;

namespace AetherSegment.Core.Tests.Experiments;

/// <summary>
/// The members' deciles of predicted uplift: highest uplift in decile 1, ties broken by customer id (ordinal), whatever
/// the order the members come in; checked against a plain comparison sort on data full of ties, a NaN and signed zeros.
/// </summary>
public sealed class MemberUpliftScoresTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1_000)]
    [InlineData(3, 20_001)]
    public void Deciles_TiedAndShuffledScores_MatchTheComparisonSortByUpliftThenId(int seed, int members)
    {
        Random random = new(seed);
        string[] ids = [.. Enumerable.Range(0, members).Select(i => "C" + i.ToString("D6", CultureInfo.InvariantCulture)).OrderBy(_ => random.Next())];
        // A tree model's scores: few distinct values, so long runs of ties cross the decile bounds.
        double[] values = [-0.02, -0.0, 0.0, 0.01, 0.01 + 1e-17, 0.03, 0.05];
        double[] uplift = [.. ids.Select(_ => values[random.Next(values.Length)])];
        uplift[members / 2] = double.NaN;

        MemberUpliftScores scores = new("personalized_discount_offer", ids, uplift);

        int[] order = [.. Enumerable.Range(0, members)];
        Array.Sort(order, (a, b) => uplift[a] != uplift[b] ? uplift[b].CompareTo(uplift[a]) : string.CompareOrdinal(ids[a], ids[b]));
        int[] expected = new int[members];
        for (int rank = 0; rank < members; rank++)
        {
            expected[order[rank]] = 1 + (int)(MemberUpliftScores.DecileCount * (long)rank / members);
        }

        Assert.Equal(expected, scores.Deciles);
        Assert.Equal(MemberUpliftScores.DecileCount, scores.Deciles[Array.IndexOf(uplift, double.NaN)]);
    }
}
