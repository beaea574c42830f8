using AetherSegment.Analytics;

namespace AetherSegment.AI.Analytics;

/// <summary>
/// A SQL writer that passes every call to an inner writer: the base of the steps of an
/// <see cref="AnalyticsSqlWriterBuilder"/> pipeline (logging, OpenTelemetry, caching). Thread-safe when the inner
/// writer is and the override is.
/// </summary>
public abstract class DelegatingAnalyticsSqlWriter : IAnalyticsSqlWriter
{
    /// <summary>Creates the step over an inner writer.</summary>
    /// <param name="innerWriter">The writer calls are passed to.</param>
    protected DelegatingAnalyticsSqlWriter(IAnalyticsSqlWriter innerWriter)
    {
        ArgumentNullException.ThrowIfNull(innerWriter);
        InnerWriter = innerWriter;
    }

    /// <summary>The writer calls are passed to.</summary>
    protected IAnalyticsSqlWriter InnerWriter { get; }

    /// <summary>The inner writer, for naming a pipeline after the writer at its end.</summary>
    internal IAnalyticsSqlWriter Inner => InnerWriter;

    /// <inheritdoc />
    public virtual Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default) =>
        InnerWriter.WriteSqlAsync(request, cancellationToken);
}
