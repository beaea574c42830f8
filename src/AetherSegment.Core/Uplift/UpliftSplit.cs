namespace AetherSegment.Uplift;

/// <summary>A reproducible stratified train/test split (e.g. by treatment arm and outcome), for evaluating uplift models.</summary>
internal static class UpliftSplit
{
    /// <summary>Splits row indices so every stratum keeps its share in both parts.</summary>
    /// <param name="strata">Per row, a stratum key (e.g. <c>2 * treatment + outcome</c>).</param>
    /// <param name="testFraction">The share of each stratum that goes to the test part, in (0, 1).</param>
    /// <param name="seed">The shuffle's seed: the same seed gives the same split.</param>
    /// <returns>The train and test row indices, each ascending.</returns>
    public static (int[] Train, int[] Test) Stratified(ReadOnlySpan<int> strata, double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new AetherSegmentInputException("--test-fraction", "The test fraction must be between 0 and 1.");
        }

        SortedDictionary<int, List<int>> groups = [];
        for (int i = 0; i < strata.Length; i++)
        {
            if (!groups.TryGetValue(strata[i], out List<int>? list))
            {
                list = [];
                groups.Add(strata[i], list);
            }

            list.Add(i);
        }

        Random random = new(seed);
        List<int> train = [], test = [];
        foreach (List<int> group in groups.Values)
        {
            int[] rows = [.. group];
            random.Shuffle(rows);
            int testCount = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            for (int i = 0; i < rows.Length; i++)
            {
                (i < testCount ? test : train).Add(rows[i]);
            }
        }

        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }
}
