namespace AetherSegment.AI;

/// <summary>A service provider with no services, for pipelines built without a container.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static EmptyServiceProvider Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
