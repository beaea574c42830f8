namespace AetherSegment.Interpretation;

/// <summary>
/// Turns one natural-language campaign objective into a <see cref="CampaignObjective"/>.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. They never invent a vocabulary value: an objective they cannot place returns
/// <see cref="CampaignType.GeneralPromotion"/> with low confidence and a warning.
/// </remarks>
public interface ICampaignInterpreter
{
    /// <summary>The interpreter's short name as written to <see cref="CampaignObjective.Interpreter"/> (e.g. <c>rules</c>).</summary>
    string Name { get; }

    /// <summary>Interprets an objective.</summary>
    /// <param name="objective">The objective: not empty, at most 2,000 characters.</param>
    /// <param name="cancellationToken">Cancels the interpretation.</param>
    /// <returns>The Campaign Objective Object.</returns>
    /// <exception cref="AetherSegmentInputException">The objective is empty, whitespace-only or over-long.</exception>
    ValueTask<CampaignObjective> InterpretAsync(string objective, CancellationToken cancellationToken = default);
}
