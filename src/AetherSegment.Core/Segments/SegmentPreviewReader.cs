using System.Numerics;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>Turns the preview statement's grouped rows into a <see cref="SegmentPreview"/> (one pass over at most a few dozen rows).</summary>
internal static class SegmentPreviewReader
{
    // Columns of SegmentSqlCompiler.Preview: kind, customer_id, first_name, email, one per place level, value_tier, n, clv, cart_sum, cart_count.
    private const int Kind = 0, CustomerId = 1, FirstName = 2, Email = 3, FirstPlace = 4;

    public static SegmentPreview Read(BusinessProfile profile, SegmentDefinition definition, QueryResult result)
    {
        SegmentMapping map = SegmentMapping.For(profile);
        int places = map.Places.Count;
        int tierColumn = FirstPlace + places, countColumn = tierColumn + 1, clvColumn = tierColumn + 2, cartSumColumn = tierColumn + 3, cartCountColumn = tierColumn + 4;
        int steps = definition.Filters.Count;
        long[] sizes = new long[steps + 1];
        double[] clv = new double[steps + 1];
        double cartSum = 0;
        long cartCount = 0;
        Dictionary<string, (long Size, double Clv)>[] byPlace = new Dictionary<string, (long Size, double Clv)>[places];
        for (int p = 0; p < places; p++)
        {
            byPlace[p] = new(StringComparer.Ordinal);
        }

        Dictionary<string, (long Size, double Clv)> tiers = new(StringComparer.Ordinal);
        List<SampleProfile> samples = [];

        foreach (object?[] row in result.Rows)
        {
            long kind = ToLong(row[Kind]);
            if (kind >= 0 && kind <= steps)
            {
                sizes[kind] = ToLong(row[countColumn]);
                clv[kind] = ToDouble(row[clvColumn]);
            }
            else if (kind == -1)
            {
                long members = ToLong(row[countColumn]);
                double memberClv = ToDouble(row[clvColumn]);
                for (int p = 0; p < places; p++)
                {
                    Add(byPlace[p], row[FirstPlace + p] as string ?? "unknown", members, memberClv);
                }

                Add(tiers, row[tierColumn] as string ?? "unknown", members, memberClv);
                cartSum += ToDouble(row[cartSumColumn]);
                cartCount += ToLong(row[cartCountColumn]);
            }
            else if (kind == -2)
            {
                double? value = row[clvColumn] is null ? null : Math.Round(ToDouble(row[clvColumn]), 4);
                Dictionary<string, object?> attributes = new(StringComparer.Ordinal);
                for (int p = 0; p < places; p++)
                {
                    attributes[map.Places[p].Attribute.Name] = row[FirstPlace + p] as string;
                }

                if (map.ValueScore is { } score)
                {
                    attributes[score.Name] = value;
                }

                samples.Add(new SampleProfile
                {
                    CustomerId = Convert.ToString(row[CustomerId], System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    FirstName = row[FirstName] as string,
                    Email = SegmentExport.MaskEmail(row[Email] as string),
                    Attributes = attributes,
                    ValueScore = value,
                });
            }
        }

        samples.Sort(static (a, b) => (b.ValueScore ?? 0) != (a.ValueScore ?? 0)
            ? (b.ValueScore ?? 0).CompareTo(a.ValueScore ?? 0)
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
            Breakdowns = new SegmentBreakdowns { Lists = Breakdowns(map, byPlace, tiers, size) },
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

    private static Dictionary<string, object> Breakdowns(SegmentMapping map, Dictionary<string, (long Size, double Clv)>[] byPlace, Dictionary<string, (long Size, double Clv)> tiers, long size)
    {
        Dictionary<string, object> lists = new(StringComparer.Ordinal);
        for (int p = 0; p < byPlace.Length; p++)
        {
            lists["by_" + map.Places[p].Level.Name] = Items(byPlace[p], size);
        }

        lists["by_value_tier"] = Items(tiers, size);
        return lists;
    }

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
