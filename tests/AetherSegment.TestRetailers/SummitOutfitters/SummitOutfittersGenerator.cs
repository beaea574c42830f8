using System.Globalization;
using DuckDB.NET.Data;

namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>
/// Writes Summit Outfitters, an outdoor-apparel retailer, into a new DuckDB file: <c>members</c>, <c>orders</c> (order
/// lines), <c>clickstream</c>, <c>promo_log</c> (a randomized promo history with a known effect per trigger, see
/// <see cref="SummitEffects"/>) and optionally <c>member_scores</c>. No carts table. The same options give the same file.
/// docs/embedding.md documents the schema and the effects.
/// </summary>
public static class SummitOutfittersGenerator
{
    /// <summary>The statements that create the tables.</summary>
    public static IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE members (member_no VARCHAR NOT NULL, full_name VARCHAR NOT NULL, email_address VARCHAR NOT NULL,
          region VARCHAR NOT NULL, home_city VARCHAR, loyalty_tier VARCHAR NOT NULL, ltv DECIMAL(10,2) NOT NULL,
          joined_on DATE NOT NULL, signup_channel VARCHAR NOT NULL, marketing_opt_in BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE orders (order_no VARCHAR NOT NULL, line_no INTEGER NOT NULL, member_no VARCHAR NOT NULL,
          ordered_at TIMESTAMP NOT NULL, dept VARCHAR NOT NULL, subcategory VARCHAR NOT NULL, item_desc VARCHAR NOT NULL,
          qty INTEGER NOT NULL, line_total DECIMAL(10,2) NOT NULL, fulfilment VARCHAR NOT NULL)
        """,
        """
        CREATE TABLE clickstream (hit_id BIGINT NOT NULL, member_no VARCHAR NOT NULL, ts TIMESTAMP NOT NULL,
          action VARCHAR NOT NULL, dept VARCHAR, subcategory VARCHAR, platform VARCHAR NOT NULL)
        """,
        """
        CREATE TABLE promo_log (promo_id VARCHAR NOT NULL, promo_name VARCHAR NOT NULL, offer_code VARCHAR NOT NULL,
          channel VARCHAR NOT NULL, member_no VARCHAR NOT NULL, arm VARCHAR NOT NULL, sent_ts TIMESTAMP NOT NULL,
          did_convert INTEGER NOT NULL, attributed_sales DECIMAL(10,2) NOT NULL)
        """,
    ];

    /// <summary>The statement that creates the optional scores table.</summary>
    public static string ScoresSchema { get; } =
        "CREATE TABLE member_scores (member_no VARCHAR NOT NULL, engagement DOUBLE NOT NULL, price_sensitivity DOUBLE NOT NULL, lapse_risk DOUBLE NOT NULL, scored_on DATE NOT NULL)";

    /// <summary>Writes the retailer into a new DuckDB file.</summary>
    /// <param name="databasePath">The file to create; it must not exist.</param>
    /// <param name="options">What to write, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the generation.</param>
    /// <exception cref="IOException">The file exists.</exception>
    public static async Task<SummitOutfittersData> GenerateAsync(string databasePath, SummitOutfittersOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        options ??= new SummitOutfittersOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Members, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Members, 1_000_000);
        if (options.PromoAudienceShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PromoAudienceShare must be in (0, 1].");
        }

        if (File.Exists(databasePath))
        {
            throw new IOException($"{databasePath} already exists.");
        }

        Draw draw = new(options);
        draw.Run();

        Dictionary<string, long> counts = new(StringComparer.Ordinal);
        await using DuckDBConnection connection = new($"DataSource={databasePath}");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (string ddl in options.Scores ? [.. Schema, ScoresSchema] : Schema)
        {
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = ddl;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        counts["members"] = Append(connection, "members", draw.MemberRows);
        counts["orders"] = Append(connection, "orders", draw.OrderRows);
        counts["clickstream"] = Append(connection, "clickstream", draw.HitRows);
        counts["promo_log"] = Append(connection, "promo_log", draw.PromoRows);
        if (options.Scores)
        {
            counts["member_scores"] = Append(connection, "member_scores", draw.ScoreRows);
        }

        return new SummitOutfittersData(Path.GetFullPath(databasePath), options.AsOf, counts, draw.Members);
    }

    private static long Append(DuckDBConnection connection, string table, List<object?[]> rows)
    {
        using DuckDBAppender appender = connection.CreateAppender(table);
        foreach (object?[] values in rows)
        {
            IDuckDBAppenderRow row = appender.CreateRow();
            foreach (object? value in values)
            {
                _ = value switch
                {
                    null => row.AppendNullValue(),
                    string s => row.AppendValue(s),
                    int i => row.AppendValue(i),
                    long l => row.AppendValue(l),
                    double d => row.AppendValue(d),
                    decimal m => row.AppendValue(m),
                    bool b => row.AppendValue(b),
                    DateTime t => row.AppendValue(t),
                    DateOnly date => row.AppendValue(date),
                    _ => throw new InvalidOperationException($"No appender for {value.GetType()}."),
                };
            }

            row.EndRow();
        }

        appender.Close();
        return rows.Count;
    }

    /// <summary>All random draws, in a fixed order, from one seeded generator.</summary>
    private sealed class Draw(SummitOutfittersOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly DateTime _asOf = DateTime.SpecifyKind(options.AsOf, DateTimeKind.Utc);
        private int _orderCounter;
        private long _hitCounter = 9_000_000_000;

        public List<object?[]> MemberRows { get; } = [];

        public List<object?[]> OrderRows { get; } = [];

        public List<object?[]> HitRows { get; } = [];

        public List<object?[]> PromoRows { get; } = [];

        public List<object?[]> ScoreRows { get; } = [];

        public List<SummitMember> Members { get; } = [];

        public void Run()
        {
            DateOnly scoredOn = DateOnly.FromDateTime(_asOf.AddDays(-1));
            for (int i = 1; i <= options.Members; i++)
            {
                string memberNo = "M" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
                double activity = Math.Pow(_random.NextDouble(), 1.4);
                double engagement = Math.Round(Math.Clamp((0.65 * activity) + (0.35 * _random.NextDouble()), 0, 1), 3);
                (string region, _, string[] cities) = Pick(SummitCatalog.Regions, r => r.Share);
                string? city = _random.NextDouble() < 0.94 ? cities[_random.Next(cities.Length)] : null;
                DateOnly joinedOn = DateOnly.FromDateTime(_asOf.AddDays(-_random.Next(30, 5 * 365)));
                string channel = Pick(SummitCatalog.SignupChannels, c => c.Share).Channel;
                string tier = _random.NextDouble() < 0.2
                    ? Pick(SummitCatalog.LoyaltyTiers, t => t.Share).Tier
                    : activity > 0.8 ? "Peak" : activity > 0.45 ? "Ridge" : "Basecamp";
                string first = SummitCatalog.FirstNames[_random.Next(SummitCatalog.FirstNames.Count)];
                string last = SummitCatalog.LastNames[_random.Next(SummitCatalog.LastNames.Count)];
                bool optIn = _random.NextDouble() < 0.8;

                (int orders, bool footwear, decimal spend, DateTime? lastOrder) = DrawOrders(memberNo, region, joinedOn, activity);
                bool recentWishlist = DrawHits(memberNo, engagement);

                double priceSensitivity = Math.Round(Math.Clamp((0.7 * _random.NextDouble()) + (tier == "Basecamp" ? 0.3 * _random.NextDouble() : 0), 0, 1), 3);
                double lapseRisk = lastOrder is { } last0
                    ? Math.Round(Math.Clamp(((_asOf - last0).TotalDays / 730) + (0.2 * _random.NextDouble()), 0, 1), 3)
                    : Math.Round(0.8 + (0.2 * _random.NextDouble()), 3);
                decimal ltv = Math.Round((spend * (decimal)(1.1 + (0.4 * _random.NextDouble()))) + (decimal)(20 * activity), 2);

                MemberRows.Add([memberNo, $"{first} {last}", $"{first}.{last}.{i}@example.com".ToLowerInvariant(), region, city, tier, ltv, joinedOn, channel, optIn]);
                ScoreRows.Add([memberNo, engagement, priceSensitivity, lapseRisk, scoredOn]);
                Members.Add(new SummitMember(memberNo, region, engagement, priceSensitivity, orders, footwear, recentWishlist));
            }

            DrawPromos();
        }

        private (int Orders, bool Footwear, decimal Spend, DateTime? Last) DrawOrders(string memberNo, string region, DateOnly joinedOn, double activity)
        {
            int count = Math.Min(Poisson(0.4 + (6 * activity)), 14);
            bool mountain = SummitCatalog.MountainRegions.Contains(region);
            DateTime from = Max(joinedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), _asOf.AddDays(-730));
            bool footwear = false;
            decimal spend = 0;
            DateTime? last = null;
            for (int o = 0; o < count; o++)
            {
                string orderNo = "SO" + (++_orderCounter).ToString("D7", CultureInfo.InvariantCulture);
                DateTime at = Between(from, _asOf.AddHours(-1));
                last = last is null || at > last ? at : last;
                double u = _random.NextDouble();
                int lines = u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
                string fulfilment = _random.NextDouble() < 0.6 ? "online" : "store";
                for (int line = 1; line <= lines; line++)
                {
                    (string dept, _, (string Subcategory, double Min, double Max)[] subcategories) =
                        Pick(SummitCatalog.Departments, d => d.Share * (mountain && d.Dept is "Camping" or "Footwear" ? 1.3 : 1));
                    (string subcategory, double min, double max) = subcategories[_random.Next(subcategories.Length)];
                    double price = Math.Floor(min + ((max - min) * _random.NextDouble())) + 0.99;
                    int qty = subcategory == "Hiking Socks" ? _random.Next(1, 4) : _random.NextDouble() < 0.9 ? 1 : 2;
                    decimal total = Math.Round((decimal)price * qty, 2);
                    string brand = SummitCatalog.Brands[_random.Next(SummitCatalog.Brands.Count)];
                    OrderRows.Add([orderNo, line, memberNo, at, dept, subcategory, $"{brand} {subcategory}", qty, total, fulfilment]);
                    footwear |= dept == "Footwear";
                    spend += total;
                }
            }

            return (count, footwear, spend, last);
        }

        private bool DrawHits(string memberNo, double engagement)
        {
            int count = Math.Min(Poisson(2 + (28 * engagement)), 80);
            string preferred = Pick(SummitCatalog.Platforms, p => p.Share).Platform;
            bool recentWishlist = false;
            for (int h = 0; h < count; h++)
            {
                (string action, _, bool hasProduct) = Pick(SummitCatalog.Actions, a => a.Share);
                DateTime ts = Between(_asOf.AddDays(-180), _asOf.AddMinutes(-1));
                string? dept = null;
                string? subcategory = null;
                if (hasProduct)
                {
                    (string Dept, double Share, (string Subcategory, double Min, double Max)[] Subcategories) d = Pick(SummitCatalog.Departments, d => d.Share);
                    dept = d.Dept;
                    subcategory = d.Subcategories[_random.Next(d.Subcategories.Length)].Subcategory;
                }

                string platform = _random.NextDouble() < 0.8 ? preferred : SummitCatalog.Platforms[_random.Next(SummitCatalog.Platforms.Count)].Platform;
                HitRows.Add([++_hitCounter, memberNo, ts, action, dept, subcategory, platform]);
                recentWishlist |= action == "wishlist_add" && ts >= _asOf.AddDays(-90);
            }

            return recentWishlist;
        }

        private void DrawPromos()
        {
            int promo = 0;
            for (int k = 0; k < SummitEffects.Triggers.Count; k++)
            {
                SummitTrigger trigger = SummitEffects.Triggers[k];
                for (int j = 0; j < trigger.PromoNames.Count; j++, promo++)
                {
                    string promoId = "PR" + (promo + 1).ToString("D3", CultureInfo.InvariantCulture);
                    DateTime sent = _asOf.AddDays(-330 + (20 * promo)).AddHours(9 + _random.Next(8));
                    string channel = SummitCatalog.PromoChannels[(k + j) % SummitCatalog.PromoChannels.Count];
                    List<SummitMember> audience = [.. Members.Where(_ => _random.NextDouble() < options.PromoAudienceShare)];
                    bool[] treated = new bool[audience.Count];
                    for (int t = 0; t < audience.Count / 2; t++)
                    {
                        treated[t] = true;
                    }

                    _random.Shuffle(treated);
                    for (int m = 0; m < audience.Count; m++)
                    {
                        SummitMember member = audience[m];
                        double p = member.BaseConversion + (treated[m] ? trigger.Uplift(member) : 0);
                        bool converted = _random.NextDouble() < p;
                        decimal sales = converted
                            ? Math.Round((decimal)((40 + (220 * _random.NextDouble())) * (trigger.Id == "bundle_deal" ? 1.4 : 1)), 2)
                            : 0m;
                        PromoRows.Add([promoId, trigger.PromoNames[j], trigger.Id, channel, member.MemberNo, treated[m] ? "T" : "C", sent, converted ? 1 : 0, sales]);
                    }
                }
            }
        }

        private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
        {
            double total = 0;
            foreach (T item in items)
            {
                total += weight(item);
            }

            double u = _random.NextDouble() * total;
            foreach (T item in items)
            {
                u -= weight(item);
                if (u < 0)
                {
                    return item;
                }
            }

            return items[^1];
        }

        private int Poisson(double mean)
        {
            double limit = Math.Exp(-mean);
            double product = _random.NextDouble();
            int k = 0;
            while (product > limit)
            {
                k++;
                product *= _random.NextDouble();
            }

            return k;
        }

        private DateTime Between(DateTime from, DateTime to)
        {
            if (to <= from)
            {
                return from;
            }

            long ticks = (long)((to - from).Ticks * _random.NextDouble());
            DateTime value = from.AddTicks(ticks);
            return new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}
