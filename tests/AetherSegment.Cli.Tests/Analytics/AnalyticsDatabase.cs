using AetherSegment.DataModel;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using DuckDB.NET.Data;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// A small, seeded DuckDB database of the six customer tables for analytics tests: a few hundred customers with
/// purchases, events, carts, campaigns and scores, all before a fixed as-of (2026-11-20 12:00 UTC, a Friday),
/// with one event exactly at the as-of so "the data's as-of" is known.
/// </summary>
public sealed class AnalyticsDatabase : IDisposable
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public AnalyticsDatabase()
    {
        Folder = TestPaths.NewTempDirectory();
        Path = System.IO.Path.Combine(Folder, "analytics.duckdb");
        Create(Path, 400, seed: 7);
    }

    public string Folder { get; }

    public string Path { get; }

    public static void Create(string path, int customerCount, int seed)
    {
        Random random = new(seed);
        using DuckDBConnection connection = new($"DataSource={path}");
        connection.Open();
        foreach (string ddl in DuckDBSchema.CreateAll())
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = ddl;
            command.ExecuteNonQuery();
        }

        DateTime asOf = AsOf.UtcDateTime;
        DateTime start = asOf.AddDays(-540);
        DateTime RandomTime(DateTime from) => from.AddSeconds(random.NextDouble() * (asOf - from).TotalSeconds * 0.999);

        string[] ids = new string[customerCount];
        DateTime[] created = new DateTime[customerCount];
        using (DuckDBAppender customers = connection.CreateAppender("customers"))
        {
            for (int i = 0; i < customerCount; i++)
            {
                ids[i] = $"C{i + 1:D7}";
                double pick = random.NextDouble();
                CountryInfo country = pick < 0.40 ? RetailCatalog.Countries[0] : pick < 0.65 ? RetailCatalog.Countries[1] : pick < 0.85 ? RetailCatalog.Countries[2] : RetailCatalog.Countries[3];
                string city = country.Cities[random.Next(country.Cities.Count)];
                created[i] = RandomTime(start);
                customers.CreateRow()
                    .AppendValue(ids[i]).AppendValue($"First{i}").AppendValue($"Last{i}").AppendValue($"user{i}@example.com")
                    .AppendValue(city).AppendValue(country.Name).AppendValue(Math.Round(random.NextDouble(), 4))
                    .AppendValue(RetailCatalog.AcquisitionSources[random.Next(RetailCatalog.AcquisitionSources.Count)])
                    .AppendValue(created[i])
                    .EndRow();
            }
        }

        using (DuckDBAppender transactions = connection.CreateAppender("transactions"))
        {
            int n = 0;
            for (int i = 0; i < customerCount; i++)
            {
                int count = random.Next(0, 11);
                for (int k = 0; k < count; k++)
                {
                    CategoryInfo category = RetailCatalog.Categories[random.Next(RetailCatalog.Categories.Count)];
                    ProductTypeInfo product = category.ProductTypes[random.Next(category.ProductTypes.Count)];
                    transactions.CreateRow()
                        .AppendValue($"T{++n:D8}").AppendValue(ids[i]).AppendValue(RandomTime(created[i]))
                        .AppendValue(category.Name).AppendValue(product.Name).AppendValue($"{product.Name} {k}")
                        .AppendValue((long)random.Next(1, 4))
                        .AppendValue(Math.Round(product.MinPrice + (random.NextDouble() * (product.MaxPrice - product.MinPrice)), 2))
                        .EndRow();
                }
            }
        }

        using (DuckDBAppender events = connection.CreateAppender("behavioral_events"))
        {
            int n = 0;
            string device = "";
            for (int i = 0; i < customerCount; i++)
            {
                int count = random.Next(0, 21);
                for (int k = 0; k < count; k++)
                {
                    string eventType = RetailCatalog.EventTypes[random.Next(RetailCatalog.EventTypes.Count)];
                    bool hasProduct = eventType is not ("page_view" or "search");
                    CategoryInfo category = RetailCatalog.Categories[random.Next(RetailCatalog.Categories.Count)];
                    ProductTypeInfo product = category.ProductTypes[random.Next(category.ProductTypes.Count)];
                    IDuckDBAppenderRow row = events.CreateRow()
                        .AppendValue($"E{++n:D8}").AppendValue(ids[i]).AppendValue(eventType).AppendValue(RandomTime(asOf.AddDays(-120)));
                    row = hasProduct ? row.AppendValue(category.Name).AppendValue(product.Name) : row.AppendNullValue().AppendNullValue();
                    // A session (three events of a customer) is on one device, its first event's, and starts there (as the
                    // demo profile's session_columns and session_start declare); the draw per event keeps the other draws as they were.
                    long duration = random.Next(10, 1800);
                    string drawn = RetailCatalog.Devices[random.Next(RetailCatalog.Devices.Count)];
                    device = k % 3 == 0 ? drawn : device;
                    row.AppendValue($"S{i}-{k / 3}").AppendValue(duration)
                        .AppendValue(device).AppendValue(k % 3 == 0)
                        .EndRow();
                }
            }

            events.CreateRow().AppendValue("E-ASOF").AppendValue(ids[0]).AppendValue("page_view").AppendValue(asOf)
                .AppendNullValue().AppendNullValue().AppendValue("S-ASOF").AppendValue(60L).AppendValue("web").AppendValue(true).EndRow();
        }

        using (DuckDBAppender carts = connection.CreateAppender("abandoned_carts"))
        {
            for (int i = 0; i < customerCount; i++)
            {
                if (random.NextDouble() < 0.35)
                {
                    DateTime abandoned = random.NextDouble() < 0.7 ? RandomTime(asOf.AddDays(-7)) : RandomTime(asOf.AddDays(-90));
                    carts.CreateRow().AppendValue($"K{i:D7}").AppendValue(ids[i]).AppendValue(abandoned)
                        .AppendValue(Math.Round(20 + (random.NextDouble() * 1500), 2)).AppendValue((long)random.Next(1, 5))
                        .AppendValue("[]").EndRow();
                }
            }
        }

        using (DuckDBAppender campaigns = connection.CreateAppender("campaign_history"))
        {
            for (int c = 0; c < 6; c++)
            {
                string trigger = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load().Triggers[c].Id;
                DateTime sent = asOf.AddDays(-20 - (c * 25));
                for (int i = c; i < customerCount; i += 2)
                {
                    bool treatment = random.NextDouble() < 0.5;
                    bool converted = random.NextDouble() < (treatment ? 0.12 + (0.02 * c) : 0.08);
                    campaigns.CreateRow().AppendValue($"CMP{c:D3}").AppendValue($"Campaign {c}").AppendValue(c % 2 == 0 ? "retention" : "cross_sell")
                        .AppendValue(trigger).AppendValue(ids[i]).AppendValue(treatment ? "treatment" : "control").AppendValue(sent)
                        .AppendValue(converted).AppendValue(converted ? Math.Round(50 + (random.NextDouble() * 400), 2) : 0.0).EndRow();
                }
            }
        }

        using (DuckDBAppender scores = connection.CreateAppender("customer_scores"))
        {
            for (int i = 0; i < customerCount; i++)
            {
                scores.CreateRow().AppendValue(ids[i]).AppendValue(Math.Round(random.NextDouble(), 4)).AppendValue(Math.Round(random.NextDouble(), 4))
                    .AppendValue(Math.Round(random.NextDouble(), 4)).AppendValue(Math.Round(random.NextDouble(), 4)).AppendValue(random.NextDouble() < 0.3)
                    .AppendValue(asOf.AddDays(-1)).EndRow();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
