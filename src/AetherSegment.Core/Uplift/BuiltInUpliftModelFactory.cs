namespace AetherSegment.Uplift;

/// <summary>The default <see cref="IUpliftModelFactory"/>: the built-in models of <see cref="UpliftModels"/>.</summary>
internal sealed class BuiltInUpliftModelFactory : IUpliftModelFactory
{
    public IUpliftModel Create(string? name, UpliftModelOptions options) => UpliftModels.Create(name, options);
}
