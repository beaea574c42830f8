using System.Numerics;
using AetherSegment.Data;

namespace AetherSegment.Segments;

/// <summary>Turns the preview statement's grouped rows into a <see cref="SegmentPreview"/> (one pass over at most a few dozen rows).</summary>
internal static class SegmentPreviewReader
{
    // Columns of SegmentSqlCompiler.Preview: kind, customer_id, first_name, email, country, city, value_tier, n, clv, cart_sum, cart_count.
    private const int Kind = 0, CustomerId = 1, FirstName = 2, Email = 3, Country = 4, City = 5, Tier = 6, Count = 7, Clv = 8, CartSum = 9, CartCount = 10;

    public static SegmentPreview Read(SegmentDefinition definition, QueryResult result)
    {
        int steps = definition.Filters.Count;
        long[] sizes = new long[steps + 1];
        double[] clv = new double[steps + 1];
        double cartSum = 0;
        long cartCount = 0;
        Dictionary<string, (long Size, double Clv)> countries = new(StringComparer.Ordinal);
        Dictionary<string, (long Size, double Clv)> cities = new(StringComparer.Ordinal);
        Dictionary<string, (long Size, double Clv)> tiers = new(StringComparer.Ordinal);
        List<SampleProfile> samples = [];

        foreach (object?[] row in result.Rows)
        {
            long kind = ToLong(row[Kind]);
            if (kind >= 0 && kind <= steps)
            {
                sizes[kind] = ToLong(row[Count]);
                clv[kind] = ToDouble(row[Clv]);
            }
            else if (kind == -1)
            {
                long members = ToLong(row[Count]);
                double memberClv = ToDouble(row[Clv]);
                Add(countries, row[Country] as string ?? "unknown", members, memberClv);
                Add(cities, row[City] as string ?? "unknown", members, memberClv);
                Add(tiers, row[Tier] as string ?? "unknown", members, memberClv);
                cartSum += ToDouble(row[CartSum]);
                cartCount += ToLong(row[CartCount]);
            }
            else if (kind == -2)
            {
                samples.Add(new SampleProfile
                {
                    CustomerId = row[CustomerId] as string ?? "",
                    FirstName = row[FirstName] as string,
                    Email = SegmentExport.MaskEmail(row[Email] as string),
                    Country = row[Country] as string,
                    City = row[City] as string,
                    ClvScore = row[Clv] is null ? null : Math.Round(ToDouble(row[Clv]), 4),
                });
            }
        }

        samples.Sort(static (a, b) => (b.ClvScore ?? 0) != (a.ClvScore ?? 0)
            ? (b.ClvScore ?? 0).CompareTo(a.ClvScore ?? 0)
            : string.CompareOrdinal(a.CustomerId, b.CustomerId));
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
            AvgCartValue = SegmentSqlCompiler.HasCartFilter(definition) ? Average(cartSum, cartCount) : null,
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
            SampleProfiles = samples,
            AsOf = definition.AsOf,
        };
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
