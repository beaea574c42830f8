using AetherSegment.Interpretation;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// Builds an interpreter pipeline in the shape of Microsoft.Extensions.AI's <c>ChatClientBuilder</c>: an inner
/// interpreter and steps added with <see cref="Use(Func{ICampaignInterpreter, ICampaignInterpreter})"/>, where the first
/// step added is the outermost (it sees the call first and the answer last). The steps AetherSegment ships are in
/// <see cref="CampaignInterpreterBuilderExtensions"/>: <c>UseOpenTelemetry</c>, <c>UseLogging</c>, <c>UseFallback</c>,
/// <c>UseCaching</c>. Not thread-safe while steps are added; <see cref="Build"/> may be called more than once.
/// </summary>
public sealed class CampaignInterpreterBuilder
{
    private readonly Func<IServiceProvider, ICampaignInterpreter> _innerFactory;
    private readonly List<Func<ICampaignInterpreter, IServiceProvider, ICampaignInterpreter>> _steps = [];

    /// <summary>Starts a pipeline over an interpreter.</summary>
    /// <param name="innerInterpreter">The interpreter at the end of the pipeline.</param>
    public CampaignInterpreterBuilder(ICampaignInterpreter innerInterpreter)
    {
        ArgumentNullException.ThrowIfNull(innerInterpreter);
        _innerFactory = _ => innerInterpreter;
    }

    /// <summary>Starts a pipeline over an interpreter created from the services when the pipeline is built.</summary>
    /// <param name="innerInterpreterFactory">Creates the interpreter at the end of the pipeline.</param>
    public CampaignInterpreterBuilder(Func<IServiceProvider, ICampaignInterpreter> innerInterpreterFactory)
    {
        ArgumentNullException.ThrowIfNull(innerInterpreterFactory);
        _innerFactory = innerInterpreterFactory;
    }

    /// <summary>Adds a step; the first step added is the outermost.</summary>
    /// <param name="step">Wraps the interpreter below it.</param>
    /// <returns>This builder.</returns>
    public CampaignInterpreterBuilder Use(Func<ICampaignInterpreter, ICampaignInterpreter> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Use((inner, _) => step(inner));
    }

    /// <summary>Adds a step that reads the services; the first step added is the outermost.</summary>
    /// <param name="step">Wraps the interpreter below it, given the services the pipeline is built with.</param>
    /// <returns>This builder.</returns>
    public CampaignInterpreterBuilder Use(Func<ICampaignInterpreter, IServiceProvider, ICampaignInterpreter> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <summary>Builds the pipeline: the inner interpreter wrapped by every step, the first added outermost.</summary>
    /// <param name="services">The services steps read (loggers, caches); null for none.</param>
    /// <returns>The outermost interpreter.</returns>
    /// <exception cref="InvalidOperationException">A step returned null.</exception>
    public ICampaignInterpreter Build(IServiceProvider? services = null)
    {
        services ??= EmptyServiceProvider.Instance;
        ICampaignInterpreter interpreter = _innerFactory(services)
            ?? throw new InvalidOperationException("The inner interpreter factory returned null.");
        for (int i = _steps.Count - 1; i >= 0; i--)
        {
            interpreter = _steps[i](interpreter, services)
                ?? throw new InvalidOperationException($"Step {i} of the interpreter pipeline returned null.");
        }

        return interpreter;
    }
}
