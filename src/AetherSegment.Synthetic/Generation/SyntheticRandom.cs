using System.Runtime.CompilerServices;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// A small, fast, seedable random generator (xoshiro256**) seeded through SplitMix64, so every customer gets an
/// independent stream from (seed, customer index) without allocating. Not thread-safe; a value type on purpose.
/// </summary>
internal struct SyntheticRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream for a seed and a stream number (customer index, campaign plan, live batch).</summary>
    public SyntheticRandom(long seed, long stream)
    {
        ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream + 0x632BE59BD9B4E019UL) * 0xBF58476D1CE4E5B9UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, maxExclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>A uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>A uniform long in [0, maxExclusive) for spans of time in seconds.</summary>
    public long NextInt64(long maxExclusive) => maxExclusive <= 0 ? 0 : (long)(NextDouble() * maxExclusive);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box-Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Kumaraswamy(a, b) draw in (0, 1): a cheap Beta look-alike by inverse CDF.</summary>
    public double NextKumaraswamy(double a, double b) =>
        Math.Pow(1.0 - Math.Pow(1.0 - NextDouble(), 1.0 / b), 1.0 / a);

    /// <summary>A Poisson draw (Knuth; for the small means used here).</summary>
    public int NextPoisson(double mean)
    {
        double limit = Math.Exp(-mean);
        double product = NextDouble();
        int k = 0;
        while (product > limit && k < 200)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>An index drawn from cumulative weights (the last entry is the total).</summary>
    public int NextWeighted(ReadOnlySpan<double> cumulative)
    {
        double x = NextDouble() * cumulative[^1];
        for (int i = 0; i < cumulative.Length - 1; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
