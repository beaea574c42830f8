namespace AetherSegment.Synthetic.DataModel;

/// <summary>
/// The retailer's closed vocabularies from the data model contract: countries, cities, categories with their
/// product types and price ranges, acquisition sources, event types and devices. This is the single place a new
/// city or product type is added; the generator, the interpreter's lexicon, the segment validator and the
/// semantic layer all read from it.
/// </summary>
/// <remarks>All members are immutable and safe to read from any thread.</remarks>
public static class RetailCatalog
{
    /// <summary>The four countries with their share of customers (sums to 1).</summary>
    public static IReadOnlyList<CountryInfo> Countries { get; } =
    [
        new("United States", 0.40, ["New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Seattle"]),
        new("United Kingdom", 0.25, ["London", "Manchester", "Birmingham", "Leeds", "Glasgow"]),
        new("Canada", 0.20, ["Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa"]),
        new("Australia", 0.15, ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"]),
    ];

    /// <summary>The ten categories with their product types and price ranges in USD.</summary>
    public static IReadOnlyList<CategoryInfo> Categories { get; } =
    [
        new("Living Room", [new("Sofas", 400, 2500), new("Armchairs", 150, 900), new("Coffee Tables", 60, 600), new("TV Stands", 80, 700), new("Bookshelves", 50, 500)]),
        new("Bedroom", [new("Bed Frames", 200, 1800), new("Mattresses", 150, 2000), new("Wardrobes", 200, 1500), new("Nightstands", 40, 300), new("Dressers", 150, 900)]),
        new("Kitchen & Dining", [new("Dining Tables", 150, 1500), new("Chairs", 30, 300), new("Bar Stools", 40, 250), new("Cookware", 10, 300)]),
        new("Office", [new("Desks", 80, 900), new("Office Chairs", 60, 800), new("Filing Cabinets", 60, 400), new("Desk Lamps", 15, 150)]),
        new("Storage & Organization", [new("Shelving Units", 40, 500), new("Storage Boxes", 10, 60), new("Drawer Units", 40, 400)]),
        new("Bathroom", [new("Cabinets", 60, 600), new("Mirror Cabinets", 60, 500), new("Towel Racks", 15, 150)]),
        new("Outdoor", [new("Patio Sets", 250, 2500), new("Garden Chairs", 30, 300), new("Outdoor Tables", 80, 1200)]),
        new("Lighting", [new("Floor Lamps", 30, 400), new("Table Lamps", 15, 200), new("Ceiling Lights", 25, 500)]),
        new("Textiles", [new("Curtains", 15, 200), new("Cushions", 10, 60), new("Throw Blankets", 15, 150), new("Bedding", 25, 300)]),
        new("Decoration", [new("Wall Art", 15, 400), new("Vases", 10, 150), new("Picture Frames", 10, 100), new("Candles", 10, 60)]),
    ];

    /// <summary>Every city with its country, in catalog order (21 cities).</summary>
    public static IReadOnlyList<CityInfo> Cities { get; } =
        [.. Countries.SelectMany(country => country.Cities.Select(city => new CityInfo(city, country.Name)))];

    /// <summary>Every product type with its category, in catalog order.</summary>
    public static IReadOnlyList<ProductTypeInfo> ProductTypes { get; } =
        [.. Categories.SelectMany(category => category.ProductTypes)];

    /// <summary>How customers were acquired, as stored in <c>customers.acquisition_source</c>.</summary>
    public static IReadOnlyList<string> AcquisitionSources { get; } =
        ["organic_search", "paid_search", "social", "email", "referral", "in_store", "affiliate"];

    /// <summary>The behavioral event types of <c>behavioral_events.event_type</c>.</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
        ["page_view", "product_view", "search", "add_to_cart", "remove_from_cart", "wishlist_add", "checkout_start", "room_planner_use", "ar_view", "stock_check"];

    /// <summary>The devices of <c>behavioral_events.device</c>.</summary>
    public static IReadOnlyList<string> Devices { get; } = ["web", "ios", "android"];

    /// <summary>Finds a country by its canonical name (case-insensitive).</summary>
    /// <returns>The country, or <see langword="null"/> when the name is not a canonical country name.</returns>
    public static CountryInfo? FindCountry(string name) =>
        Countries.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a city by name (case-insensitive).</summary>
    /// <returns>The city, or <see langword="null"/> when it is not one of the 21 cities.</returns>
    public static CityInfo? FindCity(string name) =>
        Cities.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a category by name (case-insensitive).</summary>
    /// <returns>The category, or <see langword="null"/> when it is not one of the ten categories.</returns>
    public static CategoryInfo? FindCategory(string name) =>
        Categories.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a product type by its plural name (case-insensitive).</summary>
    /// <returns>The product type, or <see langword="null"/> when it is not in the catalog.</returns>
    public static ProductTypeInfo? FindProductType(string name) =>
        ProductTypes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
