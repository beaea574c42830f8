namespace AetherSegment.Synthetic.DataModel;

/// <summary>A country of the data model.</summary>
/// <param name="Name">The canonical name, as stored in <c>customers.country</c>.</param>
/// <param name="CustomerShare">The share of customers living there, 0..1.</param>
/// <param name="Cities">The country's cities in the data model.</param>
public sealed record CountryInfo(string Name, double CustomerShare, IReadOnlyList<string> Cities);
