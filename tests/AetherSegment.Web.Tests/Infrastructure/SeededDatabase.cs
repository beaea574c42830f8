using System.Globalization;
using System.Text;
using AetherSegment.DataModel;
using AetherSegment.DuckDB;
using DuckDB.NET.Data;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Web.Tests.Infrastructure;

/// <summary>
/// Writes a small, fully deterministic data set into a DuckDB file with plain SQL, so tests know the numbers the
/// dashboard must show: customer i lives in city i mod 21, has clv_score ((i * 7919) mod 1000) / 1000, and so on.
/// </summary>
internal static class SeededDatabase
{
    public static async Task CreateAsync(string path, int customers, DateTimeOffset now)
    {
        DuckDBDataStore store = new(path);
        await using DuckDBConnection connection = await store.OpenOrCreateAsync();
        foreach (string ddl in DuckDBSchema.CreateAll())
        {
            await ExecuteAsync(connection, ddl, now, customers);
        }

        StringBuilder cities = new();
        for (int i = 0; i < RetailCatalog.Cities.Count; i++)
        {
            cities.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({i}, '{RetailCatalog.Cities[i].Name}', '{RetailCatalog.Cities[i].Country}')");
        }

        StringBuilder products = new();
        int p = 0;
        foreach (CategoryInfo category in RetailCatalog.Categories)
        {
            foreach (ProductTypeInfo product in category.ProductTypes)
            {
                products.Append(p == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"({p++}, '{category.Name}', '{product.Name}', {product.MinPrice.ToString(CultureInfo.InvariantCulture)}, {product.MaxPrice.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        string events = string.Join(", ", RetailCatalog.EventTypes.Select(e => $"'{e}'"));
        string sources = string.Join(", ", RetailCatalog.AcquisitionSources.Select(e => $"'{e}'"));
        int cityCount = RetailCatalog.Cities.Count;

        await ExecuteAsync(connection, $"""
            INSERT INTO customers
            SELECT printf('C%07d', i), 'First' || i, 'Last' || i, printf('c%07d@example.test', i), c.city, c.country,
                   ((i * 7919) % 1000) / 1000.0, ([{sources}])[(i % 7) + 1], $now - to_hours(CAST((i * 13) % (24 * 400) AS BIGINT))
            FROM range(1, $n + 1) t(i) JOIN (VALUES {cities}) c(idx, city, country) ON c.idx = i % {cityCount}
            """, now, customers);
        await ExecuteAsync(connection, $"""
            INSERT INTO transactions
            SELECT printf('T%07d%d', i, k), printf('C%07d', i), $now - to_hours(CAST((i * 7 + k * 500) % (24 * 200) AS BIGINT)),
                   p.category, p.product_type, p.product_type || ' ' || k, 1 + (i + k) % 2,
                   round(p.lo + (p.hi - p.lo) * (((i * 31 + k * 17) % 100) / 100.0), 2)
            FROM range(1, $n + 1) t(i), range(0, 3) u(k)
            JOIN (VALUES {products}) p(idx, category, product_type, lo, hi) ON p.idx = (i * 3 + k) % {p}
            """, now, customers);
        await ExecuteAsync(connection, $"""
            INSERT INTO behavioral_events
            SELECT printf('E%07d%d', i, k), printf('C%07d', i), ([{events}])[((i + k) % 10) + 1],
                   $now - to_minutes(CAST((i * 37 + k * 1000) % (60 * 24 * 20) AS BIGINT)),
                   p.category, p.product_type, printf('S%07d%d', i, k), 30 + (i * k) % 600, (['web', 'ios', 'android'])[((i + k) % 3) + 1], true
            FROM range(1, $n + 1) t(i), range(0, 5) u(k)
            JOIN (VALUES {products}) p(idx, category, product_type, lo, hi) ON p.idx = (i + k) % {p}
            """, now, customers);
        await ExecuteAsync(connection, """
            INSERT INTO abandoned_carts
            SELECT printf('K%07d', i), printf('C%07d', i), $now - to_hours(CAST(i % 240 AS BIGINT)), 50 + (i * 13) % 1500, 1 + i % 3,
                   '[{"product_type":"Sofas","product_name":"Sofa","category":"Living Room","price":500,"quantity":1}]'
            FROM range(1, $n + 1) t(i) WHERE i % 5 = 0
            """, now, customers);
        await ExecuteAsync(connection, $"""
            INSERT INTO campaign_history
            SELECT printf('CMP%02d', k), 'Campaign ' || k, 'abandoned_cart_recovery', (['personalized_discount_offer', 'free_shipping_offer'])[k + 1],
                   printf('C%07d', i), CASE WHEN (i * 7 + k) % 2 = 0 THEN 'treatment' ELSE 'control' END,
                   $now - to_days(CAST(30 + k * 20 AS BIGINT)), (i * 11 + k) % 9 = 0, CASE WHEN (i * 11 + k) % 9 = 0 THEN 120.0 ELSE 0 END
            FROM range(1, $n + 1) t(i), range(0, 2) u(k) WHERE i % 2 = 0
            """, now, customers);
        await ExecuteAsync(connection, """
            INSERT INTO customer_scores
            SELECT printf('C%07d', i), ((i * 17) % 100) / 100.0, ((i * 23) % 100) / 100.0, ((i * 29) % 100) / 100.0,
                   ((i * 41) % 100) / 100.0, i % 4 = 0, $now
            FROM range(1, $n + 1) t(i)
            """, now, customers);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, DateTimeOffset now, int customers)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$now", StringComparison.Ordinal))
        {
            command.Parameters.Add(new DuckDBParameter("now", now.UtcDateTime));
        }

        if (sql.Contains("$n", StringComparison.Ordinal) && sql.Contains("$n ", StringComparison.Ordinal))
        {
            command.Parameters.Add(new DuckDBParameter("n", (long)customers));
        }

        await command.ExecuteNonQueryAsync();
    }
}
