using System.Globalization;
using System.Text;
using AetherSegment.DataModel;
using DuckDB.NET.Data;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.DuckDB.Tests.Segments;

/// <summary>
/// Fills a DuckDB file with N deterministic customers in SQL (range() and hash()), with scores, about 3 purchases,
/// 4 events and 0.2 abandoned carts each, 70% of carts in the last 7 days before the as-of time.
/// </summary>
internal static class GeneratedCustomers
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public static async Task CreateAsync(DuckDBDataStore store, int customers)
    {
        await using DuckDBConnection connection = await store.OpenOrCreateAsync();
        foreach (string ddl in DuckDBSchema.CreateAll())
        {
            await ExecuteAsync(connection, ddl);
        }

        string asOf = "TIMESTAMP '" + AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
        string n = customers.ToString(CultureInfo.InvariantCulture);
        string u(string seed) => $"((hash(i * 31 + {seed}) % 1000000) / 1000000.0)";
        StringBuilder city = new("CASE");
        foreach (CountryInfo country in RetailCatalog.Countries)
        {
            city.Append(" WHEN country = '").Append(country.Name).Append("' THEN ").Append(ListOf(country.Cities))
                .Append("[1 + (hash(i * 17 + 5) % ").Append(country.Cities.Count).Append(")::INT]");
        }

        city.Append(" END");
        await ExecuteAsync(connection, $"""
            INSERT INTO customers
            SELECT customer_id, first_name, last_name, email, {city} AS city, country, clv_score, acquisition_source, created_at FROM (
              SELECT i, 'C' || lpad(CAST(i AS VARCHAR), 7, '0') AS customer_id,
                ['Ada','Bob','Cleo','Dev','Eve','Finn','Gus','Hana'][1 + (hash(i) % 8)::INT] AS first_name,
                ['Smith','Jones','Brown','Lee','Patel','Garcia'][1 + (hash(i + 3) % 6)::INT] AS last_name,
                'customer' || CAST(i AS VARCHAR) || '@example.com' AS email,
                CASE WHEN {u("1")} < 0.40 THEN 'United States' WHEN {u("1")} < 0.65 THEN 'United Kingdom' WHEN {u("1")} < 0.85 THEN 'Canada' ELSE 'Australia' END AS country,
                {u("2")} AS clv_score,
                {ListOf(RetailCatalog.AcquisitionSources)}[1 + (hash(i * 7 + 11) % 7)::INT] AS acquisition_source,
                {asOf} - to_seconds(CAST({u("3")} * 730 * 86400 AS BIGINT)) AS created_at
              FROM range({n}) AS r(i))
            """);
        await ExecuteAsync(connection, $"""
            INSERT INTO customer_scores
            SELECT 'C' || lpad(CAST(i AS VARCHAR), 7, '0'), {u("4")}, {u("5")}, {u("6")}, {u("7")}, {u("8")} < 0.3, {asOf}
            FROM range({n}) AS r(i)
            """);
        string[] categories = [.. RetailCatalog.ProductTypes.Select(p => p.Category)];
        string[] productTypes = [.. RetailCatalog.ProductTypes.Select(p => p.Name)];
        string product = $"(1 + (hash(i * 13 + 9) % {productTypes.Length})::INT)";
        await ExecuteAsync(connection, $"""
            INSERT INTO transactions
            SELECT 'T' || CAST(i AS VARCHAR), 'C' || lpad(CAST(i // 3 AS VARCHAR), 7, '0'),
              {asOf} - to_seconds(CAST({u("10")} * 400 * 86400 AS BIGINT)),
              {ListOf(categories)}[{product}], {ListOf(productTypes)}[{product}], 'Product ' || CAST(i % 97 AS VARCHAR), 1, 10 + {u("11")} * 1500
            FROM range({n} * 3) AS r(i)
            """);
        await ExecuteAsync(connection, $"""
            INSERT INTO behavioral_events
            SELECT 'E' || CAST(i AS VARCHAR), 'C' || lpad(CAST(i // 4 AS VARCHAR), 7, '0'),
              {ListOf(RetailCatalog.EventTypes)}[1 + (hash(i * 19 + 2) % 10)::INT],
              {asOf} - to_seconds(CAST({u("12")} * 90 * 86400 AS BIGINT)),
              {ListOf(categories)}[{product}], {ListOf(productTypes)}[{product}], 'S' || CAST(i // 2 AS VARCHAR), 30 + (hash(i) % 900)::BIGINT, 'web', i % 2 = 0
            FROM range({n} * 4) AS r(i)
            """);
        await ExecuteAsync(connection, $"""
            INSERT INTO abandoned_carts
            SELECT 'A' || CAST(i AS VARCHAR), 'C' || lpad(CAST(i * 5 + (hash(i) % 5)::BIGINT AS VARCHAR), 7, '0'),
              {asOf} - to_seconds(CAST(CASE WHEN {u("13")} < 0.7 THEN {u("14")} * 7 ELSE 7 + {u("14")} * 53 END * 86400 AS BIGINT)),
              10 + {u("15")} * 2490, 1 + (hash(i) % 4)::BIGINT, '[]'
            FROM range({n} // 5) AS r(i)
            """);
    }

    private static string ListOf(IEnumerable<string> values) => "[" + string.Join(",", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
