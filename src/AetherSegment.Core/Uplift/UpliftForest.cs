namespace AetherSegment.Uplift;

/// <summary>Hyper-parameters of the uplift random forest.</summary>
internal sealed record UpliftForestSettings
{
    public int Trees { get; init; } = 100;

    public int MaxDepth { get; init; } = 6;

    public int MinSamplesLeafPerArm { get; init; } = 100;

    public double FeatureFraction { get; init; } = 0.6;

    public double SampleFraction { get; init; } = 0.7;

    public UpliftSplitCriterion Criterion { get; init; } = UpliftSplitCriterion.Euclidean;

    public bool Honest { get; init; }

    /// <summary>Pseudo-count pulling each leaf's rates toward its parent's.</summary>
    public double Smoothing { get; init; } = 10;

    public int Seed { get; init; }
}

/// <summary>
/// An uplift random forest: trees split on an uplift criterion over binned features (treated and control counts and
/// outcomes per bin), each leaf holding its treated minus control outcome rate; the forest averages the trees. With
/// honest estimation, half of each tree's sample chooses the splits and the other half sets the leaf values.
/// Trees grow in parallel, each from its own seeded generator, so the result depends only on the seed.
/// </summary>
internal static class UpliftForest
{
    /// <summary>
    /// The seed of tree <paramref name="tree"/>: a fixed mix (SplitMix64's finalizer) of the model seed and the tree index,
    /// so the same seed gives the same forest in every process (HashCode.Combine is randomized per process).
    /// </summary>
    internal static int TreeSeed(int seed, int tree)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)tree) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    public static TreeEnsemble Fit(BinnedMatrix data, int[] rows, bool[] treated, float[] outcome, UpliftForestSettings settings, CancellationToken cancellationToken = default)
    {
        DecisionTree[] trees = new DecisionTree[settings.Trees];
        double scale = 1.0 / settings.Trees;
        Parallel.For(0, settings.Trees, new ParallelOptions { CancellationToken = cancellationToken }, t =>
        {
            Random random = new(TreeSeed(settings.Seed, t));
            List<int> structure = [], estimate = [];
            foreach (int r in rows)
            {
                if (random.NextDouble() >= settings.SampleFraction)
                {
                    continue;
                }

                if (settings.Honest && random.NextDouble() < 0.5)
                {
                    estimate.Add(r);
                }
                else
                {
                    structure.Add(r);
                }
            }

            trees[t] = new Builder(data, treated, outcome, settings, random, scale).Build([.. structure], settings.Honest ? [.. estimate] : null);
        });
        return new TreeEnsemble(0, trees);
    }

    private sealed class Builder(BinnedMatrix data, bool[] treated, float[] outcome, UpliftForestSettings settings, Random random, double scale)
    {
        private readonly List<int> _feature = [];
        private readonly List<double> _threshold = [];
        private readonly List<bool> _missingLeft = [];
        private readonly List<int[]?> _cats = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<double> _value = [];
        private readonly List<double> _gain = [];
        private readonly List<int> _thrBin = [];

        public DecisionTree Build(int[] rows, int[]? estimationRows)
        {
            Stats root = Count(rows);
            Grow(rows, 0, root, root.Uplift(0, 0));
            if (estimationRows is not null)
            {
                Reestimate(estimationRows, root);
            }

            double[] values = [.. _value];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }

            return new DecisionTree([.. _feature], [.. _threshold], [.. _missingLeft], [.. _cats], [.. _left], [.. _right], values) { Gain = [.. _gain] };
        }

        private int NewNode()
        {
            _feature.Add(-1);
            _threshold.Add(0);
            _missingLeft.Add(false);
            _cats.Add(null);
            _left.Add(-1);
            _right.Add(-1);
            _value.Add(0);
            _gain.Add(0);
            _thrBin.Add(0);
            return _feature.Count - 1;
        }

        private Stats Count(int[] rows)
        {
            Stats s = default;
            foreach (int r in rows)
            {
                s.Add(treated[r], outcome[r]);
            }

            return s;
        }

        private int Grow(int[] rows, int depth, Stats stats, double parentUplift)
        {
            int node = NewNode();
            double uplift = stats.Uplift(parentUplift, settings.Smoothing);
            _value[node] = uplift;
            if (depth >= settings.MaxDepth || stats.Nt < 2 * settings.MinSamplesLeafPerArm || stats.Nc < 2 * settings.MinSamplesLeafPerArm)
            {
                return node;
            }

            bool[] use = GradientBoosting.PickFeatures(data.Features, settings.FeatureFraction, random);
            (double gain, int feature, int bin, bool missingLeft, int[]? cats) = BestSplit(rows, stats, use);
            if (feature < 0 || gain <= 1e-12)
            {
                return node;
            }

            List<int> l = [], r = [];
            byte[] bins = data.Bins[feature];
            foreach (int row in rows)
            {
                if (GoesLeft(bins[row], bin, missingLeft, cats))
                {
                    l.Add(row);
                }
                else
                {
                    r.Add(row);
                }
            }

            int[] la = [.. l], ra = [.. r];
            _feature[node] = feature;
            _missingLeft[node] = missingLeft;
            _cats[node] = cats;
            _gain[node] = gain * rows.Length;
            _thrBin[node] = bin;
            _threshold[node] = cats is null ? data.Upper[feature]![bin] : 0;
            int left = Grow(la, depth + 1, Count(la), uplift);
            int right = Grow(ra, depth + 1, Count(ra), uplift);
            _left[node] = left;
            _right[node] = right;
            return node;
        }

        private static bool GoesLeft(int bin, int thresholdBin, bool missingLeft, int[]? cats) =>
            bin == BinnedMatrix.MissingBin ? missingLeft
            : cats is not null ? Array.BinarySearch(cats, bin) >= 0
            : bin <= thresholdBin;

        private void Reestimate(int[] rows, Stats fallback)
        {
            int nodes = _feature.Count;
            Stats[] stats = new Stats[nodes];
            foreach (int row in rows)
            {
                int node = 0;
                while (true)
                {
                    stats[node].Add(treated[row], outcome[row]);
                    int f = _feature[node];
                    if (f < 0)
                    {
                        break;
                    }

                    node = GoesLeft(data.Bins[f][row], _thrBin[node], _missingLeft[node], _cats[node]) ? _left[node] : _right[node];
                }
            }

            // Top-down: each node's estimate shrinks toward its parent's (the root's toward the structure sample's).
            double[] est = new double[nodes];
            Fill(0, fallback.Uplift(0, 0));
            void Fill(int node, double parent)
            {
                est[node] = stats[node].Uplift(parent, settings.Smoothing);
                _value[node] = est[node];
                if (_feature[node] >= 0)
                {
                    Fill(_left[node], est[node]);
                    Fill(_right[node], est[node]);
                }
            }
        }

        private (double Gain, int Feature, int Bin, bool MissingLeft, int[]? Cats) BestSplit(int[] rows, Stats total, bool[] use)
        {
            const int B = 256;
            double bestGain = 0;
            int bestFeature = -1, bestBin = 0;
            bool bestMissingLeft = false;
            int[]? bestCats = null;
            double parentScore = Divergence(total);
            Stats[] hist = new Stats[B];
            for (int j = 0; j < data.Features; j++)
            {
                if (!use[j])
                {
                    continue;
                }

                Array.Clear(hist);
                byte[] bins = data.Bins[j];
                foreach (int row in rows)
                {
                    hist[bins[row]].Add(treated[row], outcome[row]);
                }

                Stats missing = hist[BinnedMatrix.MissingBin];
                int nb = data.BinCount[j];
                List<int> order = [];
                for (int b = 0; b < nb; b++)
                {
                    if (hist[b].Nt + hist[b].Nc > 0)
                    {
                        order.Add(b);
                    }
                }

                if (data.Categorical[j])
                {
                    order.Sort((a, b) =>
                    {
                        int c = hist[a].Uplift(0, 1).CompareTo(hist[b].Uplift(0, 1));
                        return c != 0 ? c : a.CompareTo(b);
                    });
                }

                Stats left = default;
                for (int p = 0; p < order.Count - 1 || (p < order.Count && missing.Nt + missing.Nc > 0); p++)
                {
                    left = left.Plus(hist[order[p]]);
                    for (int m = 0; m < 2; m++)
                    {
                        bool missingLeft = m == 1;
                        if (missingLeft && missing.Nt + missing.Nc == 0)
                        {
                            continue;
                        }

                        Stats l = missingLeft ? left.Plus(missing) : left;
                        Stats r = total.Minus(l);
                        if (l.Nt < settings.MinSamplesLeafPerArm || l.Nc < settings.MinSamplesLeafPerArm
                            || r.Nt < settings.MinSamplesLeafPerArm || r.Nc < settings.MinSamplesLeafPerArm)
                        {
                            continue;
                        }

                        double gain = Gain(l, r, total, parentScore);
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            bestFeature = j;
                            bestMissingLeft = missingLeft;
                            if (data.Categorical[j])
                            {
                                int[] set = new int[p + 1];
                                for (int q = 0; q <= p; q++)
                                {
                                    set[q] = order[q];
                                }

                                Array.Sort(set);
                                bestCats = set;
                                bestBin = 0;
                            }
                            else
                            {
                                bestCats = null;
                                bestBin = order[p];
                            }
                        }
                    }
                }
            }

            return (bestGain, bestFeature, bestBin, bestMissingLeft, bestCats);
        }

        private double Gain(Stats l, Stats r, Stats total, double parentScore)
        {
            if (settings.Criterion == UpliftSplitCriterion.Ddp)
            {
                return Math.Abs(l.Uplift(0, 1) - r.Uplift(0, 1));
            }

            double n = total.Nt + total.Nc;
            return ((l.Nt + l.Nc) / n * Divergence(l)) + ((r.Nt + r.Nc) / n * Divergence(r)) - parentScore;
        }

        private double Divergence(Stats s)
        {
            double pt = (s.Yt + 0.5) / (s.Nt + 1.0);
            double pc = (s.Yc + 0.5) / (s.Nc + 1.0);
            if (settings.Criterion == UpliftSplitCriterion.KL)
            {
                return (pt * Math.Log(pt / pc)) + ((1 - pt) * Math.Log((1 - pt) / (1 - pc)));
            }

            return 2 * (pt - pc) * (pt - pc);
        }
    }

    private struct Stats
    {
        public double Nt;
        public double Yt;
        public double Nc;
        public double Yc;

        public void Add(bool isTreated, float y)
        {
            if (isTreated)
            {
                Nt++;
                Yt += y;
            }
            else
            {
                Nc++;
                Yc += y;
            }
        }

        public readonly Stats Plus(Stats o) => new() { Nt = Nt + o.Nt, Yt = Yt + o.Yt, Nc = Nc + o.Nc, Yc = Yc + o.Yc };

        public readonly Stats Minus(Stats o) => new() { Nt = Nt - o.Nt, Yt = Yt - o.Yt, Nc = Nc - o.Nc, Yc = Yc - o.Yc };

        /// <summary>Treated rate minus control rate, each shrunk toward <paramref name="prior"/>'s rates by <paramref name="k"/> pseudo-rows.</summary>
        public readonly double Uplift(double prior, double k)
        {
            double pt = Nt + k > 0 ? (Yt + (k * 0.5 * (1 + prior))) / (Nt + k) : 0;
            double pc = Nc + k > 0 ? (Yc + (k * 0.5 * (1 - prior))) / (Nc + k) : 0;
            return pt - pc;
        }
    }
}
