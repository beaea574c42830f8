using AetherSegment.Data;
using AetherSegment.Interpretation;

namespace AetherSegment.Segments;

/// <summary>
/// The segment workflow the hosts call: analyze an objective, preview refinements, create (activate) a segment, fetch and
/// export it, and print its SQL. Request fields are named like the web API (<c>new_filters</c>, <c>override_trigger</c>,
/// <c>additional_filters</c>) so bad input is reported against the field the caller sent.
/// </summary>
/// <remarks>
/// Thread-safe. Refinement keys: location_country, location_city, exclude_country, exclude_city, value_tier, clv_min,
/// clv_max, cart_value_min, category, product_type, acquisition_source, churn_min, churn_max, discount_sensitivity_min,
/// free_shipping_sensitivity_min, content_engagement_min, exclusivity_seeker, abandoned_cart_within_days,
/// purchased_within_days, no_purchase_for_days, viewed_within_days, acquired_within_days (see docs/segments.md).
/// </remarks>
public interface ISegmentEngine
{
    /// <summary>Interprets an objective and previews its full eligible segment with ranked triggers.</summary>
    /// <param name="objective">The objective in plain English.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AetherSegmentInputException">The objective is empty or over-long.</exception>
    /// <exception cref="DataStoreException">The store failed.</exception>
    Task<CampaignAnalysis> InterpretAndAnalyzeAsync(string objective, CancellationToken cancellationToken = default);

    /// <summary>Previews the full eligible segment of an interpreted objective with ranked triggers.</summary>
    /// <param name="objective">The Campaign Objective Object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CampaignAnalysis> AnalyzeAsync(CampaignObjective objective, CancellationToken cancellationToken = default);

    /// <summary>Sizes the segment before and after adding refinement filters.</summary>
    /// <param name="objective">The Campaign Objective Object.</param>
    /// <param name="newFilters">Refinements (<c>new_filters</c>): keys as listed on <see cref="ISegmentEngine"/>, or <see langword="null"/> for none.</param>
    /// <param name="trigger">The id of the trigger whose filter applies before and after (<c>trigger</c>, a <see cref="Profiles.TriggerDefinition.Id"/>), or <see langword="null"/> for no trigger filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AetherSegmentInputException">An unknown key or trigger, a wrong type, an out-of-range number or an unknown value, naming the field.</exception>
    Task<FilterPreview> PreviewFiltersAsync(CampaignObjective objective, IEnumerable<SegmentRefinement>? newFilters, string? trigger, CancellationToken cancellationToken = default);

    /// <summary>Builds the final segment and stores it with a snapshot of its members.</summary>
    /// <param name="objective">The Campaign Objective Object.</param>
    /// <param name="trigger">The id of the trigger whose filter applies (reported as <c>override_trigger</c>), or <see langword="null"/> for no
    /// trigger filter. To keep the objective's suggestion, pass it (<see cref="CampaignObjective.SuggestedTrigger"/>).</param>
    /// <param name="additionalFilters">Refinements (<c>additional_filters</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment with its id, size, filters with provenance and explanation.</returns>
#pragma warning disable RS0027 // the shipped overload keeps its optional token; the one below adds a holdout
    Task<StoredSegment> CreateAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? additionalFilters, CancellationToken cancellationToken = default);
#pragma warning restore RS0027

    /// <summary>Builds the final segment and stores it with a snapshot of its members and a randomized holdout.</summary>
    /// <param name="objective">The Campaign Objective Object.</param>
    /// <param name="trigger">The id of the trigger whose filter applies, or <see langword="null"/>.</param>
    /// <param name="additionalFilters">Refinements (<c>additional_filters</c>), or <see langword="null"/>.</param>
    /// <param name="holdout">The holdout reserved with the segment (<see cref="Experiments.HoldoutAssignment.Create"/>), or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored segment, its holdout stored with it in one write.</returns>
    /// <exception cref="NotSupportedException">The engine does not reserve holdouts.</exception>
    Task<StoredSegment> CreateAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? additionalFilters, Experiments.SegmentHoldout? holdout, CancellationToken cancellationToken) =>
        holdout is null ? CreateAsync(objective, trigger, additionalFilters, cancellationToken) : throw new NotSupportedException("This segment engine does not reserve holdouts.");

    /// <summary>Fetches a stored segment.</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The segment, or <see langword="null"/> when there is none with that id.</returns>
    Task<StoredSegment?> GetAsync(string segmentId, CancellationToken cancellationToken = default);

    /// <summary>Writes a stored segment's members (the snapshot, ordered by customer id), without the personal columns.</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="format">CSV, JSON or Parquet (DuckDB only).</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when there is no segment with that id.</returns>
#pragma warning disable RS0027 // the shipped overload keeps its optional token; the richer one below takes options and a token
    async Task<bool> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, CancellationToken cancellationToken = default) =>
        await ExportAsync(segmentId, format, destination, SegmentExportOptions.WithoutPersonalData, cancellationToken).ConfigureAwait(false) is not null;
#pragma warning restore RS0027

    /// <summary>Writes a stored segment's members (the snapshot, ordered by customer id).</summary>
    /// <param name="segmentId">The id.</param>
    /// <param name="format">CSV, JSON or Parquet (DuckDB only).</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <param name="options">Whether the personal columns (names, e-mail) are written; they are left out unless asked for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of members written; <see langword="null"/> when there is no segment with that id.</returns>
    Task<long?> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, SegmentExportOptions options, CancellationToken cancellationToken);

    /// <summary>Builds a segment definition without touching the store.</summary>
    /// <param name="objective">The Campaign Objective Object.</param>
    /// <param name="trigger">The id of the trigger whose filter applies, or <see langword="null"/> for no trigger filter.</param>
    /// <param name="filters">Refinements, or <see langword="null"/>.</param>
    /// <param name="asOf">The instant windows end at; <see langword="null"/> for the configured as-of, the data's as-of or the clock.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SegmentDefinition> DefineAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? filters, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>The SQL selecting a definition's members (<see cref="SegmentTables.MemberColumns"/>) in a dialect.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="dialect">The dialect.</param>
    SqlStatement CompileMembers(SegmentDefinition definition, SqlDialect dialect);

    /// <summary>Previews a definition on the store: size, averages, waterfall, breakdowns, samples (two queries).</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SegmentPreview> PreviewAsync(SegmentDefinition definition, CancellationToken cancellationToken = default);
}
