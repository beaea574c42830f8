using System.Numerics;
using AetherSegment.Data;

namespace AetherSegment.Segments;

/// <summary>Turns the preview statement's grouped rows into a <see cref="SegmentPreview"/> (one pass over at most a few dozen rows).</summary>
internal static class SegmentPreviewReader
{
    public static SegmentPreview Read(SegmentDefinition definition, QueryResult result)
    {
        int steps = definition.Filters.Count;
        long[] sizes = new long[steps + 1];
        double[] clv = new double[steps + 1];
        double cartSum = 0;
        long cartCount = 0;
        int cartSumIndex = result.IndexOf("cart_sum");
        int cartCountIndex = result.IndexOf("cart_count");
        Dictionary<string, (long Size, double Clv)> countries = new(StringComparer.Ordinal);
        Dictionary<string, (long Size, double Clv)> cities = new(StringComparer.Ordinal);
        Dictionary<string, (long Size, double Clv)> tiers = new(StringComparer.Ordinal);

        // Columns: country, city, value_tier, total, clv_0, then size_i, clv_i per step.
        foreach (object?[] row in result.Rows)
        {
            sizes[0] += ToLong(row[3]);
            clv[0] += ToDouble(row[4]);
            for (int i = 1; i <= steps; i++)
            {
                sizes[i] += ToLong(row[5 + (2 * (i - 1))]);
                clv[i] += ToDouble(row[6 + (2 * (i - 1))]);
            }

            long members = steps == 0 ? ToLong(row[3]) : ToLong(row[5 + (2 * (steps - 1))]);
            double memberClv = steps == 0 ? ToDouble(row[4]) : ToDouble(row[6 + (2 * (steps - 1))]);
            if (members > 0)
            {
                Add(countries, row[0] as string ?? "unknown", members, memberClv);
                Add(cities, row[1] as string ?? "unknown", members, memberClv);
                Add(tiers, row[2] as string ?? "unknown", members, memberClv);
            }

            if (cartSumIndex >= 0)
            {
                cartSum += ToDouble(row[cartSumIndex]);
                cartCount += ToLong(row[cartCountIndex]);
            }
        }

        WaterfallStep[] waterfall = new WaterfallStep[steps];
        for (int i = 0; i < steps; i++)
        {
            SegmentFilter filter = definition.Filters[i];
            waterfall[i] = new WaterfallStep
            {
                Key = filter.Key,
                Description = filter.Description,
                Provenance = filter.Provenance,
                Size = sizes[i + 1],
                Removed = sizes[i] - sizes[i + 1],
                AvgClv = Average(clv[i + 1], sizes[i + 1]),
            };
        }

        long size = sizes[steps];
        return new SegmentPreview
        {
            Size = size,
            AvgClv = Average(clv[steps], size),
            AvgCartValue = cartSumIndex >= 0 ? Average(cartSum, cartCount) : null,
            Trigger = definition.Trigger,
            TotalCustomers = sizes[0],
            TotalAvgClv = Average(clv[0], sizes[0]),
            Filters = definition.Filters,
            Waterfall = waterfall,
            Breakdowns = new SegmentBreakdowns
            {
                ByCountry = Items(countries, size),
                ByCity = Items(cities, size),
                ByValueTier = Items(tiers, size),
            },
            AsOf = definition.AsOf,
        };
    }

    public static IReadOnlyList<SampleProfile> ReadSamples(QueryResult result)
    {
        SampleProfile[] samples = new SampleProfile[result.Rows.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            object?[] row = result.Rows[i];
            samples[i] = new SampleProfile
            {
                CustomerId = row[0] as string ?? "",
                FirstName = row[1] as string,
                Email = SegmentExport.MaskEmail(row[3] as string),
                Country = row[4] as string,
                City = row[5] as string,
                ClvScore = row[6] is null ? null : Math.Round(ToDouble(row[6]), 4),
            };
        }

        return samples;
    }

    internal static long ToLong(object? value) => value switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => (long)Math.Round(d),
        decimal m => (long)m,
        BigInteger b => (long)b,
        string s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static double ToDouble(object? value) => value switch
    {
        null => 0,
        double d => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        BigInteger b => (double)b,
        string s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static double? Average(double sum, long count) => count == 0 ? null : Math.Round(sum / count, 4);

    private static void Add(Dictionary<string, (long Size, double Clv)> groups, string key, long size, double clv)
    {
        groups.TryGetValue(key, out (long Size, double Clv) current);
        groups[key] = (current.Size + size, current.Clv + clv);
    }

    private static BreakdownItem[] Items(Dictionary<string, (long Size, double Clv)> groups, long total)
    {
        BreakdownItem[] items = new BreakdownItem[groups.Count];
        int i = 0;
        foreach (KeyValuePair<string, (long Size, double Clv)> group in groups)
        {
            items[i++] = new BreakdownItem
            {
                Name = group.Key,
                Size = group.Value.Size,
                Share = total == 0 ? 0 : Math.Round((double)group.Value.Size / total, 4),
                AvgClv = Average(group.Value.Clv, group.Value.Size),
            };
        }

        Array.Sort(items, static (a, b) => b.Size != a.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Name, b.Name));
        return items;
    }
}
