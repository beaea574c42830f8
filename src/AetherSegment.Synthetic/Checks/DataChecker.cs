using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Checks;

/// <summary>
/// Validates a data set against the data model contract's distributions with aggregate queries run inside the store
/// (DuckDB or BigQuery): country shares, cities within their countries, categories and product types, price ranges,
/// the recency of abandoned carts and the treatment/control balance of every campaign.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DataChecker
{
    /// <summary>Runs every check.</summary>
    /// <param name="store">The store holding the data set.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The report; <see cref="DataCheckReport.Passed"/> is false when any check fails.</returns>
    /// <exception cref="DataStoreException">The store is unavailable or a table is missing.</exception>
    public async Task<DataCheckReport> CheckAsync(IDataStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        Dictionary<string, long> counts = [];
        foreach (TableDefinition table in DataSchema.CustomerTables)
        {
            QueryResult result = await store.QueryAsync(new SqlStatement($"SELECT COUNT(*) FROM {table.Name}"), cancellationToken).ConfigureAwait(false);
            counts[table.Name] = ToLong(result.Scalar());
        }

        List<DataCheckResult> checks = [RowCounts(counts)];
        long customers = counts[DataSchema.Customers.Name];
        checks.Add(await CountriesAsync(store, customers, cancellationToken).ConfigureAwait(false));
        checks.Add(await CitiesAsync(store, customers, cancellationToken).ConfigureAwait(false));
        checks.AddRange(await CategoriesAndPricesAsync(store, counts[DataSchema.Transactions.Name], cancellationToken).ConfigureAwait(false));
        checks.Add(await CartRecencyAsync(store, cancellationToken).ConfigureAwait(false));
        checks.Add(await CampaignBalanceAsync(store, cancellationToken).ConfigureAwait(false));
        return new DataCheckReport(checks.TrueForAll(c => c.Passed), counts, checks);
    }

    private static DataCheckResult RowCounts(Dictionary<string, long> counts)
    {
        List<string> empty = [.. counts.Where(p => p.Value == 0).Select(p => p.Key)];
        Dictionary<string, double> observed = counts.ToDictionary(p => p.Key, p => (double)p.Value);
        long customers = counts[DataSchema.Customers.Name];
        bool scoresMatch = counts[DataSchema.CustomerScores.Name] == customers;
        bool passed = empty.Count == 0 && scoresMatch;
        string detail = passed
            ? "Every customer table has rows and customer_scores has one row per customer."
            : empty.Count > 0 ? $"Empty tables: {string.Join(", ", empty)}." : "customer_scores does not have one row per customer.";
        return new DataCheckResult("row_counts", passed, detail, observed);
    }

    private static async Task<DataCheckResult> CountriesAsync(IDataStore store, long customers, CancellationToken cancellationToken)
    {
        QueryResult result = await store.QueryAsync(new SqlStatement("SELECT country, COUNT(*) FROM customers GROUP BY country"), cancellationToken).ConfigureAwait(false);
        Dictionary<string, double> observed = [];
        List<string> problems = [];
        foreach (object?[] row in result.Rows)
        {
            string country = row[0] as string ?? "(null)";
            observed[country] = Math.Round(ToLong(row[1]) / (double)Math.Max(1, customers), 4);
            if (RetailCatalog.FindCountry(country) is null)
            {
                problems.Add($"unknown country {country}");
            }
        }

        foreach (CountryInfo country in RetailCatalog.Countries)
        {
            double share = observed.GetValueOrDefault(country.Name);
            double tolerance = Math.Max(0.02, 4 * Math.Sqrt(country.CustomerShare * (1 - country.CustomerShare) / Math.Max(1, customers)));
            if (Math.Abs(share - country.CustomerShare) > tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{country.Name} has {share:P1} of customers, expected {country.CustomerShare:P0} ± {tolerance:P1}"));
            }
        }

        return Result("countries", problems, "Country shares are within tolerance of 40/25/20/15%.", observed);
    }

    private static async Task<DataCheckResult> CitiesAsync(IDataStore store, long customers, CancellationToken cancellationToken)
    {
        QueryResult result = await store.QueryAsync(new SqlStatement("SELECT country, city, COUNT(*) FROM customers GROUP BY country, city"), cancellationToken).ConfigureAwait(false);
        Dictionary<string, double> observed = [];
        List<string> problems = [];
        foreach (object?[] row in result.Rows)
        {
            string country = row[0] as string ?? "(null)";
            string city = row[1] as string ?? "(null)";
            observed[city] = ToLong(row[2]);
            if (RetailCatalog.FindCity(city) is not { } info || info.Country != country)
            {
                problems.Add($"{city} is not a city of {country}");
            }
        }

        if (customers >= 1_000)
        {
            problems.AddRange(RetailCatalog.Cities.Where(c => !observed.ContainsKey(c.Name)).Select(c => $"no customers in {c.Name}"));
        }

        return Result("cities", problems, "Every customer lives in one of the 21 cities of their country.", observed);
    }

    private static async Task<IReadOnlyList<DataCheckResult>> CategoriesAndPricesAsync(IDataStore store, long transactions, CancellationToken cancellationToken)
    {
        QueryResult result = await store.QueryAsync(new SqlStatement(
            "SELECT category, product_type, COUNT(*), MIN(order_value / quantity), MAX(order_value / quantity), MIN(order_value), MAX(order_value), MIN(quantity) " +
            "FROM transactions GROUP BY category, product_type"), cancellationToken).ConfigureAwait(false);
        Dictionary<string, double> categoryShares = [];
        Dictionary<string, double> prices = [];
        List<string> categoryProblems = [];
        List<string> priceProblems = [];
        double minOrder = double.MaxValue;
        double maxOrder = 0;
        foreach (object?[] row in result.Rows)
        {
            string category = row[0] as string ?? "(null)";
            string productType = row[1] as string ?? "(null)";
            long count = ToLong(row[2]);
            categoryShares[category] = Math.Round(categoryShares.GetValueOrDefault(category) + (count / (double)Math.Max(1, transactions)), 4);
            ProductTypeInfo? info = RetailCatalog.FindProductType(productType);
            if (RetailCatalog.FindCategory(category) is null || info is null || info.Category != category)
            {
                categoryProblems.Add($"{productType} is not a product type of {category}");
                continue;
            }

            double minUnit = ToDouble(row[3]);
            double maxUnit = ToDouble(row[4]);
            minOrder = Math.Min(minOrder, ToDouble(row[5]));
            maxOrder = Math.Max(maxOrder, ToDouble(row[6]));
            prices[$"{productType}.min"] = Math.Round(minUnit, 2);
            prices[$"{productType}.max"] = Math.Round(maxUnit, 2);
            if (minUnit < info.MinPrice - 0.01 || maxUnit > info.MaxPrice + 0.01 || ToLong(row[7]) < 1)
            {
                priceProblems.Add(string.Create(CultureInfo.InvariantCulture, $"{productType} unit prices {minUnit:F2}..{maxUnit:F2} leave {info.MinPrice}..{info.MaxPrice}"));
            }
        }

        if (transactions >= 1_000)
        {
            categoryProblems.AddRange(RetailCatalog.Categories.Where(c => !categoryShares.ContainsKey(c.Name)).Select(c => $"no purchases in {c.Name}"));
        }

        if (result.Rows.Count > 0)
        {
            prices["order_value.min"] = Math.Round(minOrder, 2);
            prices["order_value.max"] = Math.Round(maxOrder, 2);
            if (minOrder < 10 - 0.01 || maxOrder > 2_500 + 0.01)
            {
                priceProblems.Add(string.Create(CultureInfo.InvariantCulture, $"order values {minOrder:F2}..{maxOrder:F2} leave $10..$2,500"));
            }
        }

        return
        [
            Result("categories", categoryProblems, "Every purchase names one of the 10 categories and one of its product types.", categoryShares),
            Result("price_ranges", priceProblems, "Unit prices stay within each product type's range and order values within $10..$2,500.", prices),
        ];
    }

    private static async Task<DataCheckResult> CartRecencyAsync(IDataStore store, CancellationToken cancellationToken)
    {
        object? asOf = (await store.QueryAsync(new SqlStatement("SELECT MAX(scored_at) FROM customer_scores"), cancellationToken).ConfigureAwait(false)).Scalar();
        if (asOf is not DateTimeOffset reference)
        {
            return new DataCheckResult("cart_recency", false, "customer_scores has no scored_at to date the data set by.", new Dictionary<string, double>());
        }

        SqlDialect d = store.Dialect;
        QueryResult result = await store.QueryAsync(new SqlStatement(
            $"SELECT COUNT(*), SUM(CASE WHEN abandoned_at >= {d.Parameter("since")} THEN 1 ELSE 0 END) FROM abandoned_carts",
            [QueryParameter.Timestamp("since", reference.AddDays(-7))]), cancellationToken).ConfigureAwait(false);
        long carts = ToLong(result.Rows[0][0]);
        long recent = ToLong(result.Rows[0][1]);
        double share = carts == 0 ? 0 : recent / (double)carts;
        Dictionary<string, double> observed = new() { ["carts"] = carts, ["within_7_days"] = recent, ["share_within_7_days"] = Math.Round(share, 4) };
        double tolerance = Math.Max(0.08, 4 * Math.Sqrt(0.21 / Math.Max(1, carts)));
        List<string> problems = [];
        if (carts > 0 && Math.Abs(share - 0.7) > tolerance)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{share:P1} of carts were abandoned in the 7 days before {reference:yyyy-MM-dd}, expected 70% ± {tolerance:P0}"));
        }

        return Result("cart_recency", problems, "About 70% of abandoned carts fall in the last 7 days before the data set's as-of time.", observed);
    }

    private static async Task<DataCheckResult> CampaignBalanceAsync(IDataStore store, CancellationToken cancellationToken)
    {
        string group = store.Dialect.Quote("group");
        QueryResult result = await store.QueryAsync(new SqlStatement(
            $"SELECT campaign_id, trigger_type, COUNT(*), SUM(CASE WHEN {group} = 'treatment' THEN 1 ELSE 0 END) FROM campaign_history GROUP BY campaign_id, trigger_type"),
            cancellationToken).ConfigureAwait(false);
        Dictionary<string, double> observed = [];
        HashSet<string> triggers = [];
        List<string> problems = [];
        foreach (object?[] row in result.Rows)
        {
            string campaign = row[0] as string ?? "(null)";
            string trigger = row[1] as string ?? "(null)";
            long members = ToLong(row[2]);
            double share = ToLong(row[3]) / (double)Math.Max(1, members);
            observed[campaign] = Math.Round(share, 4);
            if (!SyntheticTriggers.IsKnown(trigger))
            {
                problems.Add($"{campaign} has unknown trigger {trigger}");
            }

            triggers.Add(trigger);
            double tolerance = Math.Max(0.03, 4 * 0.5 / Math.Sqrt(Math.Max(1, members)));
            if (Math.Abs(share - 0.5) > tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{campaign} has {share:P1} in treatment of {members}, expected 50% ± {tolerance:P1}"));
            }
        }

        if (result.Rows.Count < 20)
        {
            problems.Add($"only {result.Rows.Count} campaigns, expected 20 or more");
        }

        if (triggers.Count < SyntheticTriggers.Ids.Length)
        {
            problems.Add($"campaigns cover {triggers.Count} of the {SyntheticTriggers.Ids.Length} triggers");
        }

        return Result("campaign_balance", problems, "20+ campaigns cover all 8 triggers, each split about 50/50 between treatment and control.", observed);
    }

    private static DataCheckResult Result(string name, List<string> problems, string passedDetail, Dictionary<string, double> observed) =>
        new(name, problems.Count == 0, problems.Count == 0 ? passedDetail : string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more." : "."), observed);

    private static long ToLong(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double ToDouble(object? value) => value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
