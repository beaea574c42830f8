using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// The analytics test database with items in its abandoned carts: each cart's items JSON array is one of five lists (by
/// the cart's number), with one to three item lines, several units of a line, and a cart holding two lines of one product
/// type, so a count of item lines, of carts containing one, of units and of the items' value all differ.
/// </summary>
public sealed class CartItemsDatabase : IDisposable
{
    private const string Sofa = """{"product_type":"Sofas","product_name":"Alba Sofa","category":"Living Room","price":800.0,"quantity":1}""";
    private const string Lamps = """{"product_type":"Table Lamps","product_name":"Luma Lamp","category":"Lighting","price":40.0,"quantity":2}""";
    private const string ThreeLamps = """{"product_type":"Table Lamps","product_name":"Luma Lamp","category":"Lighting","price":40.0,"quantity":3}""";
    private const string Lamp = """{"product_type":"Table Lamps","product_name":"Luma Lamp","category":"Lighting","price":40.0,"quantity":1}""";
    private const string OtherLamp = """{"product_type":"Table Lamps","product_name":"Orb Lamp","category":"Lighting","price":55.5,"quantity":1}""";
    private const string Bed = """{"product_type":"Bed Frames","product_name":"Nora Bed","category":"Bedroom","price":600.0,"quantity":1}""";
    private const string Armchair = """{"product_type":"Armchairs","product_name":"Milo Armchair","category":"Living Room","price":300.0,"quantity":1}""";

    private readonly AnalyticsDatabase _database = new();

    public CartItemsDatabase()
    {
        using DuckDBConnection connection = new($"DataSource={Path}");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE abandoned_carts SET items = CASE CAST(substr(cart_id, 2) AS INTEGER) % 5
                WHEN 0 THEN '[{Sofa}]'
                WHEN 1 THEN '[{Sofa},{Lamps}]'
                WHEN 2 THEN '[{ThreeLamps}]'
                WHEN 3 THEN '[{Bed},{Lamp},{OtherLamp}]'
                ELSE '[{Armchair},{Bed}]' END
            """;
        command.ExecuteNonQuery();
    }

    public string Path => _database.Path;

    public void Dispose() => _database.Dispose();
}
