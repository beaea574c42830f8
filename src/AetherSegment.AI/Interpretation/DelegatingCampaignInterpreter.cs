using AetherSegment.Interpretation;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// An interpreter that passes every call to an inner interpreter: the base of the steps of a
/// <see cref="CampaignInterpreterBuilder"/> pipeline (fallback, logging, OpenTelemetry, caching), in the shape of
/// Microsoft.Extensions.AI's <c>DelegatingChatClient</c>. Override what the step changes. Thread-safe when the inner
/// interpreter is and the override is.
/// </summary>
public abstract class DelegatingCampaignInterpreter : ICampaignInterpreter
{
    /// <summary>Creates the step over an inner interpreter.</summary>
    /// <param name="innerInterpreter">The interpreter calls are passed to.</param>
    protected DelegatingCampaignInterpreter(ICampaignInterpreter innerInterpreter)
    {
        ArgumentNullException.ThrowIfNull(innerInterpreter);
        InnerInterpreter = innerInterpreter;
    }

    /// <summary>The interpreter calls are passed to.</summary>
    protected ICampaignInterpreter InnerInterpreter { get; }

    /// <inheritdoc />
    /// <remarks>The inner interpreter's name: a pipeline is named after the interpreter at its end.</remarks>
    public virtual string Name => InnerInterpreter.Name;

    /// <inheritdoc />
    public virtual ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default) =>
        InnerInterpreter.InterpretAsync(objective, cancellationToken);
}
