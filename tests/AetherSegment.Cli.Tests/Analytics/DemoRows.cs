using AetherSegment.Cli.Tests.Retailers;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>The fixture's rows read plainly from DuckDB, so answers can be recounted with LINQ, not with SQL.</summary>
internal sealed class DemoRows
{
    public DemoRows(string path)
    {
        Customers = [.. SummitDatabase.Query(path, "SELECT customer_id, country, city, clv_score, acquisition_source FROM customers")
            .Select(r => new Customer((string)r[0]!, (string)r[1]!, (string)r[2]!, Convert.ToDouble(r[3]), (string)r[4]!))];
        Orders = [.. SummitDatabase.Query(path, "SELECT customer_id, product_type, category, order_value, transaction_date, quantity FROM transactions")
            .Select(r => new Order((string)r[0]!, (string)r[1]!, (string)r[2]!, Convert.ToDouble(r[3]), (DateTime)r[4]!, Convert.ToInt32(r[5])))];
        Carts = [.. SummitDatabase.Query(path, "SELECT customer_id, cart_value FROM abandoned_carts").Select(r => new Cart((string)r[0]!, Convert.ToDouble(r[1])))];
        Churn = SummitDatabase.Query(path, "SELECT customer_id, churn_probability FROM customer_scores").ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1]));
        Sends = [.. SummitDatabase.Query(path, "SELECT campaign_name, converted, \"group\" FROM campaign_history").Select(r => new Send((string)r[0]!, (bool)r[1]!, (string)r[2]!))];
    }

    public List<Customer> Customers { get; }

    public List<Order> Orders { get; }

    public List<Cart> Carts { get; }

    public Dictionary<string, double> Churn { get; }

    public List<Send> Sends { get; }

    public HashSet<string> BuyersOf(string productType) => [.. Orders.Where(o => o.ProductType == productType).Select(o => o.Customer)];

    internal sealed record Customer(string Id, string Country, string City, double Clv, string Source);

    internal sealed record Order(string Customer, string ProductType, string Category, double Value, DateTime At, int Quantity);

    internal sealed record Cart(string Customer, double Value);

    internal sealed record Send(string Campaign, bool Converted, string Arm);
}
