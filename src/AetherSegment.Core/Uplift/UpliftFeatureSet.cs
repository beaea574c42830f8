using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Uplift;

/// <summary>
/// The trigger models' features as a business profile's mapping defines them (<see cref="UpliftFeatureQuery"/> writes
/// the SQL): which entities are mapped, the taxonomy values of the first level that get their own recency, frequency
/// and value features (the <see cref="TopTaxonomyValues"/> catalog values with the most order lines in the data, at
/// most <see cref="MaxTopTaxonomyValues"/>), and the <see cref="EventGroups"/>: the sets of event types that the
/// triggers' eligibility conditions count together, each counted as one feature. Immutable and thread-safe.
/// </summary>
internal sealed class UpliftFeatureSet
{
    /// <summary>How many values of the first taxonomy level get their own purchase features (the most ordered ones).</summary>
    /// <remarks>
    /// Each value adds three features (count, value, days since). 10 covers every first-level value of the demo
    /// profile and of most retail taxonomies; on the demo's ground truth 5 ranked as well but lowered the
    /// pooled correlation (docs/benchmarks.md, "Issue 12: features from the mapping, the regression fixed").
    /// </remarks>
    public const int MaxTopTaxonomyValues = 10;

    /// <summary>The windows, in days, of the per-event-type counts.</summary>
    /// <remarks>
    /// One window: a 90-day and an all-time count of every type added ten mostly idle columns on the demo and lowered
    /// the ranking's agreement with the ground truth; the longer windows that matter come from the event groups.
    /// </remarks>
    public static readonly int[] EventWindows = [30];

    /// <summary>The long window, in days, of the event groups' counts (besides the eligibility condition's own window and all time).</summary>
    public const int EventGroupLongWindow = 90;

    /// <summary>The window, in days, of the short per-event-type counts of cart events (cart activity).</summary>
    public const int CartEventWindow = 7;

    private UpliftFeatureSet(BusinessProfile profile, IReadOnlyList<string> topValues)
    {
        Profile = profile;
        TopTaxonomyValues = topValues;
        EventGroups = profile.Entities.Events is null ? [] : UpliftEventGroup.FromEligibility(profile);
    }

    /// <summary>The sets of event types the triggers' eligibility counts together (none without an events mapping).</summary>
    public IReadOnlyList<UpliftEventGroup> EventGroups { get; }

    /// <summary>The profile whose mapping the features come from.</summary>
    public BusinessProfile Profile { get; }

    /// <summary>The first-level taxonomy values with their own purchase features, most ordered first (empty without orders or a taxonomy column).</summary>
    public IReadOnlyList<string> TopTaxonomyValues { get; }

    /// <summary>The first taxonomy level's orders column, or null when the profile maps no orders or the level has no orders column.</summary>
    public string? TaxonomyOrdersColumn =>
        Profile.Entities.Orders is not null && Profile.Catalog.Taxonomy.Levels.Count > 0 ? Profile.Catalog.Taxonomy.Levels[0].OrdersColumn : null;

    /// <summary>A feature set with the given top taxonomy values (catalog values of the first level, at most <see cref="MaxTopTaxonomyValues"/>).</summary>
    /// <exception cref="ArgumentException">A value is not a first-level taxonomy value of the profile.</exception>
    public static UpliftFeatureSet Create(BusinessProfile profile, IReadOnlyList<string> topValues)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(topValues);
        HashSet<string> roots = RootNames(profile);
        foreach (string value in topValues)
        {
            if (!roots.Contains(value))
            {
                throw new ArgumentException($"'{value}' is not a value of the first taxonomy level of the profile '{profile.Name}'.", nameof(topValues));
            }
        }

        return new UpliftFeatureSet(profile, [.. topValues.Take(MaxTopTaxonomyValues)]);
    }

    /// <summary>
    /// The feature set for the data in a store: the first-level taxonomy values of the catalog ranked by their number of
    /// order lines (ties by name), the first <see cref="MaxTopTaxonomyValues"/> of those that occur.
    /// </summary>
    public static async Task<UpliftFeatureSet> LoadAsync(IDataStore store, BusinessProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        UpliftFeatureSet empty = new(profile, []);
        if (empty.TaxonomyOrdersColumn is null)
        {
            return empty;
        }

        QueryResult result = await store.QueryAsync(UpliftFeatureQuery.TaxonomyOrderCounts(store.Dialect, empty), cancellationToken).ConfigureAwait(false);
        HashSet<string> roots = RootNames(profile);
        List<(string Value, long Count)> counted = [];
        foreach (object?[] row in result.Rows)
        {
            if (row[0] is string value && roots.Contains(value))
            {
                counted.Add((value, Convert.ToInt64(row[1], CultureInfo.InvariantCulture)));
            }
        }

        return new UpliftFeatureSet(profile, [.. counted.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(MaxTopTaxonomyValues).Select(c => c.Value)]);
    }

    /// <summary>
    /// The feature set trained models expect: the top taxonomy values whose purchase features are among
    /// <paramref name="featureNames"/> (models loaded from disk carry their feature names, not the values).
    /// </summary>
    public static UpliftFeatureSet FromFeatureNames(BusinessProfile profile, IEnumerable<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(profile);
        HashSet<string> names = new(featureNames, StringComparer.Ordinal);
        List<string> values = [];
        string[] roots = [.. profile.Catalog.Taxonomy.Roots.Select(r => r.Name)];
        string[] snakes = UpliftFeatureQuery.UniqueSnakes(roots);
        for (int i = 0; i < roots.Length; i++)
        {
            if (names.Contains(UpliftFeatureQuery.TaxonomyOrdersFeature(snakes[i])))
            {
                values.Add(roots[i]);
            }
        }

        return new UpliftFeatureSet(profile, values);
    }

    /// <summary>A fingerprint of what the feature query reads (for the models' cache key).</summary>
    public string Fingerprint
    {
        get
        {
            StringBuilder s = new();
            s.Append(Profile.Name).Append(';').Append(string.Join(',', TopTaxonomyValues));
            foreach (UpliftEventGroup group in EventGroups)
            {
                s.Append(';').Append(group.Name);
            }

            return s.ToString();
        }
    }

    private static HashSet<string> RootNames(BusinessProfile profile) =>
        new(profile.Catalog.Taxonomy.Roots.Select(r => r.Name), StringComparer.Ordinal);
}
