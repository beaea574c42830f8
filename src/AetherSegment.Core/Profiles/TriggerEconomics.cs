namespace AetherSegment.Profiles;

/// <summary>What a trigger costs and earns, for budget allocation. Amounts are in the profile's currency.</summary>
/// <param name="CostPerSend">The cost of one send (at least 0).</param>
/// <param name="ConversionCost">The cost of one conversion.</param>
/// <param name="MarginRate">The gross margin on the order value (0..1), or <see langword="null"/> when the profile does not say.</param>
public sealed record TriggerEconomics(double CostPerSend, ConversionCost ConversionCost, double? MarginRate);
