using System.Text.Json;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Segments;

namespace AetherSegment.Hosting;

/// <summary>
/// The hosts' boundary between their wire formats (shared/contracts: JSON refinements, <c>--filter key=value</c>,
/// <c>override_trigger</c> / <c>--trigger</c> with <c>none</c>) and <see cref="ISegmentEngine"/>'s typed arguments.
/// </summary>
public static class SegmentRequests
{
    /// <summary>The word the wire formats use for "no trigger filter".</summary>
    public const string NoTrigger = "none";

    /// <summary>Typed refinements from a JSON object's properties; JSON nulls are left out.</summary>
    /// <param name="pairs">The properties (<c>new_filters</c>, <c>additional_filters</c>), or <see langword="null"/>.</param>
    /// <returns>The refinements, or <see langword="null"/> for none given.</returns>
    public static IReadOnlyList<SegmentRefinement>? FromJson(IEnumerable<KeyValuePair<string, JsonElement>>? pairs)
    {
        if (pairs is null)
        {
            return null;
        }

        List<SegmentRefinement> refinements = [];
        foreach ((string key, JsonElement value) in pairs)
        {
            if (SegmentRefinement.FromJson(key ?? string.Empty, value) is { } refinement)
            {
                refinements.Add(refinement);
            }
        }

        return refinements;
    }

    /// <summary>Typed refinements from <c>key=value</c> command-line text (values stay text; the engine reads numbers and flags from it).</summary>
    /// <param name="pairs">Keys and their text values.</param>
    public static IReadOnlyList<SegmentRefinement> FromText(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return [.. pairs.Select(p => SegmentRefinement.Of(p.Key, p.Value))];
    }

    /// <summary>
    /// The trigger id a create or SQL request asks for: the objective's suggested trigger when none is requested,
    /// <see langword="null"/> (no trigger filter) for <c>none</c>, else the requested id as given (the engine checks it).
    /// </summary>
    /// <param name="requested">The request's trigger (<c>override_trigger</c>, <c>--trigger</c>), or <see langword="null"/>.</param>
    /// <param name="objective">The objective whose suggested trigger is the default.</param>
    public static string? TriggerOrSuggested(string? requested, CampaignObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return objective.SuggestedTrigger is { } suggested ? TriggerCatalog.Get(suggested).Name : null;
        }

        return string.Equals(requested.Trim(), NoTrigger, StringComparison.OrdinalIgnoreCase) ? null : requested;
    }
}
