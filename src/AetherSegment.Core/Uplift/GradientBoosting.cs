namespace AetherSegment.Uplift;

/// <summary>
/// A histogram gradient-boosted tree learner: binned features (255 bins + missing), second-order gradients, leaf-wise
/// growth under leaf and depth limits, L2 on leaf values, shrinkage, row and feature subsampling; missing values and
/// categorical levels are split natively (sorted prefix, regularized for many-level columns by
/// <see cref="BoostingSettings.MinDataPerGroup"/>, <see cref="BoostingSettings.CatSmooth"/> and
/// <see cref="BoostingSettings.CatL2"/>). Deterministic for a seed; histograms are built in parallel over features.
/// </summary>
internal static class GradientBoosting
{
    private const int B = 256;

    /// <summary>Fits an ensemble on the given rows of <paramref name="data"/>.</summary>
    /// <param name="data">The binned features of all rows.</param>
    /// <param name="rows">The training rows (indices into <paramref name="data"/>).</param>
    /// <param name="target">Per row of <paramref name="data"/>: the label (0/1 for logistic) or the regression target.</param>
    /// <param name="weight">Per row of <paramref name="data"/>: the sample weight, or null for 1.</param>
    /// <param name="settings">The hyper-parameters.</param>
    /// <param name="cancellationToken">Cancels between trees.</param>
    public static TreeEnsemble Fit(BinnedMatrix data, int[] rows, float[] target, double[]? weight, BoostingSettings settings, CancellationToken cancellationToken = default)
    {
        int n = rows.Length;
        double sw = 0, swy = 0;
        for (int i = 0; i < n; i++)
        {
            int r = rows[i];
            double w = weight?[r] ?? 1.0;
            sw += w;
            swy += w * target[r];
        }

        double mean = swy / Math.Max(sw, 1e-300);
        double bias = settings.Loss == BoostingLoss.Logistic
            ? Math.Log(Math.Clamp(mean, 1e-6, 1 - 1e-6) / (1 - Math.Clamp(mean, 1e-6, 1 - 1e-6)))
            : mean;

        double[] score = new double[n];
        Array.Fill(score, bias);
        double[] grad = new double[data.Rows];
        double[] hess = new double[data.Rows];
        List<DecisionTree> trees = new(settings.Trees);
        Random random = new(settings.Seed);
        int[] sample = new int[n];
        int[] position = new int[data.Rows];
        for (int i = 0; i < n; i++)
        {
            position[rows[i]] = i;
        }

        TreeGrower grower = new(data, settings);
        for (int t = 0; t < settings.Trees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Every row's gradient depends on that row alone: blocks of rows in parallel give the same values.
            ForRows(n, (from, to) =>
            {
                for (int i = from; i < to; i++)
                {
                    int r = rows[i];
                    double w = weight?[r] ?? 1.0;
                    if (settings.Loss == BoostingLoss.Logistic)
                    {
                        double p = 1.0 / (1.0 + Math.Exp(-score[i]));
                        grad[r] = w * (p - target[r]);
                        hess[r] = w * Math.Max(p * (1 - p), 1e-16);
                    }
                    else
                    {
                        grad[r] = w * (score[i] - target[r]);
                        hess[r] = w;
                    }
                }
            });

            int m = 0;
            if (settings.RowSubsample < 1.0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (random.NextDouble() < settings.RowSubsample)
                    {
                        sample[m++] = rows[i];
                    }
                }
            }
            else
            {
                Array.Copy(rows, sample, n);
                m = n;
            }

            bool[] useFeature = PickFeatures(data.Features, settings.FeatureSubsample, random);
            GrownTree grown = grower.Grow(sample, m, grad, hess, useFeature);
            trees.Add(grown.Tree);
            ForRows(n, (from, to) =>
            {
                for (int i = from; i < to; i++)
                {
                    score[i] += grown.PredictBinned(data, rows[i]);
                }
            });
        }

        return new TreeEnsemble(bias, trees);
    }

    /// <summary>Runs <paramref name="body"/> over [0, n) in blocks of rows, in parallel when there are many rows; the blocks are disjoint.</summary>
    internal static void ForRows(int n, Action<int, int> body)
    {
        const int Block = 1 << 15;
        if (n < 2 * Block)
        {
            body(0, n);
            return;
        }

        Parallel.For(0, (n + Block - 1) / Block, b => body(b * Block, Math.Min(n, (b + 1) * Block)));
    }

    internal static bool[] PickFeatures(int features, double fraction, Random random)
    {
        bool[] use = new bool[features];
        if (fraction >= 1.0)
        {
            Array.Fill(use, true);
            return use;
        }

        int k = Math.Max(1, (int)Math.Round(features * fraction));
        int[] order = new int[features];
        for (int i = 0; i < features; i++)
        {
            order[i] = i;
        }

        for (int i = 0; i < k; i++)
        {
            int j = i + random.Next(features - i);
            (order[i], order[j]) = (order[j], order[i]);
            use[order[i]] = true;
        }

        return use;
    }

    /// <summary>A tree and its bin-level split points, for fast scoring of the training rows.</summary>
    internal sealed class GrownTree(DecisionTree tree, int[] thresholdBin)
    {
        public DecisionTree Tree { get; } = tree;

        public double PredictBinned(BinnedMatrix data, int row)
        {
            int node = 0;
            while (true)
            {
                int f = Tree.Feature[node];
                if (f < 0)
                {
                    return Tree.Value[node];
                }

                int bin = data.Bins[f][row];
                bool left = bin == BinnedMatrix.MissingBin ? Tree.MissingLeft[node]
                    : Tree.LeftCategories[node] is { } set ? Array.BinarySearch(set, bin) >= 0
                    : bin <= thresholdBin[node];
                node = left ? Tree.Left[node] : Tree.Right[node];
            }
        }
    }

    private sealed class Split
    {
        public double Gain = double.NegativeInfinity;
        public int Feature = -1;
        public int ThresholdBin;
        public bool MissingLeft;
        public int[]? Categories;
    }

    private sealed class Leaf
    {
        public int Node;
        public int Start;
        public int Count;
        public int Depth;
        public double ExtraL2;
        public double G;
        public double H;
        public double[] Hist = [];
        public Split Best = new();
    }

    /// <summary>Grows one tree leaf-wise from gradient statistics.</summary>
    private sealed class TreeGrower(BinnedMatrix data, BoostingSettings settings)
    {
        private readonly int _features = data.Features;
        private readonly Stack<double[]> _pool = new();
        private double[] _ordered = [];

        public GrownTree Grow(int[] sample, int count, double[] grad, double[] hess, bool[] useFeature)
        {
            int[] index = new int[count];
            Array.Copy(sample, index, count);
            List<int> feature = [], thrBin = [], left = [], right = [];
            List<double> threshold = [], value = [], gain = [];
            List<bool> missingLeft = [];
            List<int[]?> cats = [];
            int NewNode()
            {
                feature.Add(-1);
                thrBin.Add(0);
                left.Add(-1);
                right.Add(-1);
                threshold.Add(0);
                value.Add(0);
                gain.Add(0);
                missingLeft.Add(false);
                cats.Add(null);
                return feature.Count - 1;
            }

            Leaf root = new() { Node = NewNode(), Start = 0, Count = count, Depth = 0 };
            root.Hist = BuildHistogram(index, 0, count, grad, hess, useFeature);
            (root.G, root.H) = Totals(index, 0, count, grad, hess);
            FindSplit(root, useFeature);
            List<Leaf> leaves = [root];
            int leafCount = 1;
            while (leafCount < settings.MaxLeaves)
            {
                Leaf? best = null;
                foreach (Leaf leaf in leaves)
                {
                    if (leaf.Best.Feature >= 0 && (best is null || leaf.Best.Gain > best.Best.Gain))
                    {
                        best = leaf;
                    }
                }

                if (best is null || best.Best.Gain <= settings.MinGain)
                {
                    break;
                }

                Split s = best.Best;
                int nLeft = Partition(index, best.Start, best.Count, s);
                int node = best.Node;
                feature[node] = s.Feature;
                thrBin[node] = s.ThresholdBin;
                missingLeft[node] = s.MissingLeft;
                cats[node] = s.Categories;
                gain[node] = s.Gain;
                threshold[node] = s.Categories is null ? data.Upper[s.Feature]![s.ThresholdBin] : 0;
                double extraL2 = s.Categories is null ? 0 : settings.CatL2;
                Leaf l = new() { Node = NewNode(), Start = best.Start, Count = nLeft, Depth = best.Depth + 1, ExtraL2 = extraL2 };
                Leaf r = new() { Node = NewNode(), Start = best.Start + nLeft, Count = best.Count - nLeft, Depth = best.Depth + 1, ExtraL2 = extraL2 };
                left[node] = l.Node;
                right[node] = r.Node;
                Leaf small = l.Count <= r.Count ? l : r;
                Leaf large = ReferenceEquals(small, l) ? r : l;
                small.Hist = BuildHistogram(index, small.Start, small.Count, grad, hess, useFeature);
                large.Hist = best.Hist;
                double[] lh = large.Hist, sh = small.Hist;
                for (int i = 0; i < lh.Length; i++)
                {
                    lh[i] -= sh[i];
                }

                (l.G, l.H) = Totals(index, l.Start, l.Count, grad, hess);
                (r.G, r.H) = Totals(index, r.Start, r.Count, grad, hess);
                best.Hist = [];
                leaves.Remove(best);
                FindSplit(l, useFeature);
                FindSplit(r, useFeature);
                leaves.Add(l);
                leaves.Add(r);
                leafCount++;
            }

            foreach (Leaf leaf in leaves)
            {
                value[leaf.Node] = -leaf.G / (leaf.H + settings.L2 + leaf.ExtraL2) * settings.LearningRate;
                if (leaf.Hist.Length > 0)
                {
                    _pool.Push(leaf.Hist);
                }
            }

            DecisionTree tree = new([.. feature], [.. threshold], [.. missingLeft], [.. cats], [.. left], [.. right], [.. value]) { Gain = [.. gain] };
            return new GrownTree(tree, [.. thrBin]);
        }

        private static (double G, double H) Totals(int[] index, int start, int count, double[] grad, double[] hess)
        {
            double g = 0, h = 0;
            for (int i = start; i < start + count; i++)
            {
                g += grad[index[i]];
                h += hess[index[i]];
            }

            return (g, h);
        }

        private int Partition(int[] index, int start, int count, Split s)
        {
            byte[] bins = data.Bins[s.Feature];
            int[] buffer = new int[count];
            int lo = 0, hi = count - 1;
            for (int i = start; i < start + count; i++)
            {
                int row = index[i];
                int bin = bins[row];
                bool goLeft = bin == BinnedMatrix.MissingBin ? s.MissingLeft
                    : s.Categories is { } set ? Array.BinarySearch(set, bin) >= 0
                    : bin <= s.ThresholdBin;
                if (goLeft)
                {
                    buffer[lo++] = row;
                }
                else
                {
                    buffer[hi--] = row;
                }
            }

            // Keep the right side in its original order (it was filled backwards).
            Array.Reverse(buffer, lo, count - lo);
            Array.Copy(buffer, 0, index, start, count);
            return lo;
        }

        /// <summary>Per feature and bin: gradient sum, hessian sum and count, laid out [feature][bin][3].</summary>
        private double[] BuildHistogram(int[] index, int start, int count, double[] grad, double[] hess, bool[] useFeature)
        {
            // Histograms are large (features x 256 x 3 doubles): reuse them across nodes and trees instead of allocating.
            double[] hist = _pool.Count > 0 ? _pool.Pop() : new double[_features * B * 3];
            Array.Clear(hist);

            // The node's gradients gathered once in node order (LightGBM's ordered gradients): every feature's pass then
            // reads them sequentially and only its bin per row at random, and adds in the same order as before.
            if (_ordered.Length < 2 * count)
            {
                _ordered = new double[Math.Max(2 * count, _ordered.Length * 2)];
            }

            double[] ordered = _ordered;
            for (int i = 0; i < count; i++)
            {
                int row = index[start + i];
                ordered[2 * i] = grad[row];
                ordered[(2 * i) + 1] = hess[row];
            }

            void One(int j)
            {
                if (!useFeature[j])
                {
                    return;
                }

                byte[] bins = data.Bins[j];
                int offset = j * B * 3;
                for (int i = 0; i < count; i++)
                {
                    int k = offset + (bins[index[start + i]] * 3);
                    hist[k] += ordered[2 * i];
                    hist[k + 1] += ordered[(2 * i) + 1];
                    hist[k + 2] += 1;
                }
            }

            if ((long)count * _features >= 50_000 && _features > 1)
            {
                Parallel.For(0, _features, One);
            }
            else
            {
                for (int j = 0; j < _features; j++)
                {
                    One(j);
                }
            }

            return hist;
        }

        private static double Score(double g, double h, double l2) => g * g / (h + l2);

        private bool Valid(double h, double c) => c >= settings.MinSamplesLeaf && h >= settings.MinHessianLeaf;

        private void FindSplit(Leaf leaf, bool[] useFeature)
        {
            Split best = new();
            leaf.Best = best;
            if (leaf.Depth >= settings.MaxDepth || leaf.Count < 2 * settings.MinSamplesLeaf)
            {
                return;
            }

            double parent = Score(leaf.G, leaf.H, settings.L2);
            if (_features >= 8)
            {
                // Each feature's best split on its own, in parallel; then the first feature with the highest gain, as
                // the serial scan (strict improvement, features in order) would pick: the same split at any thread count.
                Split[] local = new Split[_features];
                Parallel.For(0, _features, j =>
                {
                    local[j] = new Split();
                    if (useFeature[j])
                    {
                        FindFeatureSplit(local[j], j, leaf, parent);
                    }
                });
                foreach (Split candidate in local)
                {
                    if (candidate.Feature >= 0 && candidate.Gain > best.Gain)
                    {
                        best.Gain = candidate.Gain;
                        best.Feature = candidate.Feature;
                        best.ThresholdBin = candidate.ThresholdBin;
                        best.MissingLeft = candidate.MissingLeft;
                        best.Categories = candidate.Categories;
                    }
                }

                return;
            }

            for (int j = 0; j < _features; j++)
            {
                if (useFeature[j])
                {
                    FindFeatureSplit(best, j, leaf, parent);
                }
            }
        }

        private void FindFeatureSplit(Split best, int j, Leaf leaf, double parent)
        {
            double[] hist = leaf.Hist;
            int o = j * B * 3;
            int m = o + (BinnedMatrix.MissingBin * 3);
            double gm = hist[m], hm = hist[m + 1], cm = hist[m + 2];
            int nb = data.BinCount[j];
            if (!data.Categorical[j])
            {
                double gl = 0, hl = 0, cl = 0;
                for (int b = 0; b < nb - 1; b++)
                {
                    int k = o + (b * 3);
                    gl += hist[k];
                    hl += hist[k + 1];
                    cl += hist[k + 2];
                    if (hist[k + 2] == 0 && b > 0)
                    {
                        continue;
                    }

                    Consider(best, j, b, null, false, gl, hl, cl, leaf, parent, settings.L2);
                    if (cm > 0)
                    {
                        Consider(best, j, b, null, true, gl + gm, hl + hm, cl + cm, leaf, parent, settings.L2);
                    }
                }
            }
            else
            {
                FindCategoricalSplit(best, j, hist, o, nb, gm, hm, cm, leaf, parent);
            }
        }

        /// <summary>
        /// LightGBM's many-vs-many categorical split: levels with at least <see cref="BoostingSettings.MinDataPerGroup"/>
        /// rows in the node are sorted by G / (H + <see cref="BoostingSettings.CatSmooth"/>) and every prefix of that
        /// order is tried as the left set, with the missing bin on either side; the smaller levels go right with
        /// every level not in the set (as an unseen level does when scoring), and the children's scores carry
        /// <see cref="BoostingSettings.CatL2"/> on top of the L2.
        /// </summary>
        private void FindCategoricalSplit(Split best, int j, double[] hist, int o, int nb, double gm, double hm, double cm, Leaf leaf, double parent)
        {
            List<(double Ratio, int Bin)> sorted = [];
            double others = 0;
            for (int b = 0; b < nb; b++)
            {
                int k = o + (b * 3);
                double c = hist[k + 2];
                if (c >= Math.Max(settings.MinDataPerGroup, 1))
                {
                    sorted.Add((hist[k] / (hist[k + 1] + settings.CatSmooth), b));
                }
                else
                {
                    others += c;
                }
            }

            // Something must be able to go right: a sorted level, the pooled small levels, or the missing bin.
            if (sorted.Count == 0 || (sorted.Count < 2 && others == 0 && cm == 0))
            {
                return;
            }

            sorted.Sort((a, b) => a.Ratio != b.Ratio ? a.Ratio.CompareTo(b.Ratio) : a.Bin.CompareTo(b.Bin));
            double l2 = settings.L2 + settings.CatL2;
            double gl = 0, hl = 0, cl = 0;
            int last = others > 0 || cm > 0 ? sorted.Count : sorted.Count - 1;
            for (int p = 0; p < last; p++)
            {
                int k = o + (sorted[p].Bin * 3);
                gl += hist[k];
                hl += hist[k + 1];
                cl += hist[k + 2];
                int before = best.Feature;
                double beforeGain = best.Gain;
                Consider(best, j, p, null, false, gl, hl, cl, leaf, parent, l2);
                if (cm > 0)
                {
                    Consider(best, j, p, null, true, gl + gm, hl + hm, cl + cm, leaf, parent, l2);
                }

                if (best.Gain > beforeGain || best.Feature != before)
                {
                    int[] set = new int[p + 1];
                    for (int q = 0; q <= p; q++)
                    {
                        set[q] = sorted[q].Bin;
                    }

                    Array.Sort(set);
                    best.Categories = set;
                }
            }
        }

        private void Consider(Split best, int feature, int bin, int[]? categories, bool missingLeft, double gl, double hl, double cl, Leaf leaf, double parent, double l2)
        {
            double gr = leaf.G - gl, hr = leaf.H - hl, cr = leaf.Count - cl;
            if (!Valid(hl, cl) || !Valid(hr, cr))
            {
                return;
            }

            double gain = 0.5 * (Score(gl, hl, l2) + Score(gr, hr, l2) - parent);
            if (gain > best.Gain)
            {
                best.Gain = gain;
                best.Feature = feature;
                best.ThresholdBin = bin;
                best.MissingLeft = missingLeft;
                best.Categories = categories;
            }
        }
    }
}
