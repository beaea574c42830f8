namespace AetherSegment.Synthetic.DataModel;

/// <summary>A city of the data model.</summary>
/// <param name="Name">The city name, as stored in <c>customers.city</c>.</param>
/// <param name="Country">The canonical name of its country.</param>
public sealed record CityInfo(string Name, string Country);
