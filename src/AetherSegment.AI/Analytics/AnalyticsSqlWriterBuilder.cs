using AetherSegment.Analytics;

namespace AetherSegment.AI.Analytics;

/// <summary>
/// Builds an analytics SQL writer pipeline in the shape of Microsoft.Extensions.AI's <c>ChatClientBuilder</c>: the first
/// step added is the outermost. Steps: <see cref="AnalyticsSqlWriterBuilderExtensions"/>. The fallback of a writer is
/// the analytics service itself (the rule-based parser answers when a writer fails or its SQL is refused). Not
/// thread-safe while steps are added.
/// </summary>
public sealed class AnalyticsSqlWriterBuilder
{
    private readonly IAnalyticsSqlWriter _inner;
    private readonly List<Func<IAnalyticsSqlWriter, IServiceProvider, IAnalyticsSqlWriter>> _steps = [];

    /// <summary>Starts a pipeline over a writer.</summary>
    /// <param name="innerWriter">The writer at the end of the pipeline.</param>
    public AnalyticsSqlWriterBuilder(IAnalyticsSqlWriter innerWriter)
    {
        ArgumentNullException.ThrowIfNull(innerWriter);
        _inner = innerWriter;
    }

    /// <summary>Adds a step; the first step added is the outermost.</summary>
    /// <param name="step">Wraps the writer below it, given the services the pipeline is built with.</param>
    /// <returns>This builder.</returns>
    public AnalyticsSqlWriterBuilder Use(Func<IAnalyticsSqlWriter, IServiceProvider, IAnalyticsSqlWriter> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <summary>Builds the pipeline: the inner writer wrapped by every step, the first added outermost.</summary>
    /// <param name="services">The services steps read (loggers); null for none.</param>
    /// <returns>The outermost writer.</returns>
    public IAnalyticsSqlWriter Build(IServiceProvider? services = null)
    {
        services ??= EmptyServiceProvider.Instance;
        IAnalyticsSqlWriter writer = _inner;
        for (int i = _steps.Count - 1; i >= 0; i--)
        {
            writer = _steps[i](writer, services) ?? throw new InvalidOperationException($"Step {i} of the SQL writer pipeline returned null.");
        }

        return writer;
    }
}
