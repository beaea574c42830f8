using AetherSegment.DataModel;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// The generator's precomputed strings: names, product names per product type and the catalog as flat arrays, so the
/// per-row loops index arrays instead of allocating or searching.
/// </summary>
internal static class SyntheticVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Ava", "Elijah", "Sophia", "James", "Isabella", "William",
        "Mia", "Lucas", "Charlotte", "Henry", "Harper", "Theodore", "Evelyn", "Jack", "Aria", "Leo", "Ella", "Mateo",
        "Grace", "Samuel", "Chloe", "Ethan", "Zoe", "Daniel", "Nora", "Aiden", "Lily", "Isaac", "Hannah", "Arjun",
        "Priya", "Wei", "Mei", "Kenji", "Yuki", "Fatima", "Omar", "Sofia", "Diego", "Lucia", "Chen", "Aisha", "Ruby", "Finn",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Taylor", "Anderson",
        "Thomas", "Moore", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young",
        "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Campbell", "Mitchell", "Roberts", "Carter",
        "Patel", "Singh", "Nguyen", "Kim", "Chen", "Wang", "Murphy", "O'Brien", "Kelly", "Tremblay", "Roy", "Gagnon",
        "Evans", "Hughes", "Edwards", "Cooper",
    ];

    private static readonly string[] Styles = ["Nordic", "Harbor", "Linden", "Aspen", "Vera", "Sable", "Milo", "Juniper"];

    /// <summary>Countries in catalog order.</summary>
    public static readonly CountryInfo[] Countries = [.. RetailCatalog.Countries];

    /// <summary>Cumulative country shares.</summary>
    public static readonly double[] CountryCumulative = Cumulate(Countries.Select(c => c.CustomerShare));

    /// <summary>Cities per country index.</summary>
    public static readonly string[][] CitiesByCountry = [.. Countries.Select(c => c.Cities.ToArray())];

    /// <summary>City weights per country (the first, largest cities draw more customers).</summary>
    public static readonly double[][] CityCumulativeByCountry =
        [.. Countries.Select(c => Cumulate(Enumerable.Range(0, c.Cities.Count).Select(i => 1.0 / (1.0 + 0.35 * i))))];

    /// <summary>Categories in catalog order.</summary>
    public static readonly CategoryInfo[] Categories = [.. RetailCatalog.Categories];

    /// <summary>Category popularity (cumulative).</summary>
    public static readonly double[] CategoryCumulative = Cumulate([1.4, 1.3, 1.1, 0.9, 0.9, 0.6, 0.6, 0.8, 1.2, 1.0]);

    /// <summary>Product types per category index.</summary>
    public static readonly ProductTypeInfo[][] ProductTypes = [.. Categories.Select(c => c.ProductTypes.ToArray())];

    /// <summary>Product names per category index and product type index.</summary>
    public static readonly string[][][] ProductNames =
        [.. Categories.Select(c => c.ProductTypes.Select(p => Styles.Select(s => $"{s} {Singular(p.Name)}").ToArray()).ToArray())];

    /// <summary>Acquisition sources and their cumulative shares.</summary>
    public static readonly string[] AcquisitionSources = [.. RetailCatalog.AcquisitionSources];

    public static readonly double[] AcquisitionCumulative = Cumulate([0.26, 0.18, 0.17, 0.11, 0.1, 0.12, 0.06]);

    public static readonly string[] Devices = [.. RetailCatalog.Devices];

    public static readonly string[] TriggerNames = SyntheticTriggers.Ids;

    public static readonly string[] EventTypes = [.. RetailCatalog.EventTypes];

    private static readonly string[] Counters = [.. Enumerable.Range(0, 1000).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A three-digit counter suffix without allocating (000..999; larger numbers are formatted).</summary>
    public static string Counter(int i) => (uint)i < Counters.Length ? Counters[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static double[] Cumulate(IEnumerable<double> weights)
    {
        double[] result = [.. weights];
        for (int i = 1; i < result.Length; i++)
        {
            result[i] += result[i - 1];
        }

        return result;
    }

    private static string Singular(string plural) => plural switch
    {
        _ when plural.EndsWith("shelves", StringComparison.Ordinal) => plural[..^3] + "f",
        _ when plural.EndsWith("sses", StringComparison.Ordinal) || plural.EndsWith("xes", StringComparison.Ordinal) => plural[..^2],
        _ when plural.EndsWith('s') => plural[..^1],
        _ => plural + " Set",
    };
}
