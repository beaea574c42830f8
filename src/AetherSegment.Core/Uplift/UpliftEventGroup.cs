using System.Globalization;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Uplift;

/// <summary>
/// A set of event types that one trigger's eligibility counts together (an <c>engaged</c> behavior with
/// <c>event_types</c>, e.g. "checked stock or added to a wishlist in the last 30 days"), counted as one feature per
/// window: the profile says which event combinations matter for which trigger, so the models get the combined count
/// instead of having to add up separate per-type counts. Immutable.
/// </summary>
/// <param name="Name">The features' name stem (<c>events_</c> and the types' snake_case names).</param>
/// <param name="EventTypes">The event types, as the profile's catalog names them (sorted, distinct).</param>
/// <param name="Windows">The windows in days; <see langword="null"/> counts every event before the anchor.</param>
internal sealed record UpliftEventGroup(string Name, IReadOnlyList<string> EventTypes, IReadOnlyList<int?> Windows)
{
    /// <summary>
    /// The groups of a profile's trigger eligibility conditions, in trigger order, one per distinct set of event types.
    /// A group of several types is counted in the condition's window, in <see cref="UpliftFeatureSet.EventGroupLongWindow"/> and over all time
    /// (the condition's window says when the trigger applies; the longer ones what the history holds); a group of one
    /// type only adds the condition's window when the per-type counts (<see cref="UpliftFeatureSet.EventWindows"/>) lack it.
    /// </summary>
    public static IReadOnlyList<UpliftEventGroup> FromEligibility(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        HashSet<string> known = new(profile.Catalog.EventTypes.Select(e => e.Name), StringComparer.Ordinal);
        Dictionary<string, (string[] Types, SortedSet<int> Windows, bool Total)> groups = new(StringComparer.Ordinal);
        List<string> order = [];
        foreach (TriggerDefinition trigger in profile.Triggers)
        {
            if (trigger.Eligibility is { } eligibility)
            {
                Collect(eligibility.Condition);
            }
        }

        int longest = UpliftFeatureSet.EventGroupLongWindow;
        List<UpliftEventGroup> result = [];
        foreach (string key in order)
        {
            (string[] types, SortedSet<int> windows, bool total) = groups[key];
            List<int?> counted = [];
            if (types.Length == 1)
            {
                counted.AddRange(windows.Where(w => Array.IndexOf(UpliftFeatureSet.EventWindows, w) < 0).Select(w => (int?)w));
            }
            else
            {
                windows.Add(longest);
                counted.AddRange(windows.Select(w => (int?)w));
                if (total)
                {
                    counted.Add(null);
                }
            }

            if (counted.Count > 0)
            {
                result.Add(new UpliftEventGroup("events_" + string.Join('_', UpliftFeatureQuery.UniqueSnakes(types)), types, counted));
            }
        }

        return result;

        void Collect(ProfileCondition condition)
        {
            switch (condition)
            {
                case ProfileAnyOfCondition any:
                    any.Conditions.ToList().ForEach(Collect);
                    break;
                case ProfileAllOfCondition all:
                    all.Conditions.ToList().ForEach(Collect);
                    break;
                case ProfileNotCondition not:
                    Collect(not.Condition);
                    break;
                case ProfileBehaviorCondition { Behavior: BehaviorKind.Engaged, EventTypes.Count: > 0 } engaged:
                    string[] types = [.. engaged.EventTypes.Where(known.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                    if (types.Length == 0)
                    {
                        break;
                    }

                    string key = string.Join('\n', types);
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = (types, new SortedSet<int>(), true);
                        groups[key] = group;
                        order.Add(key);
                    }

                    if (engaged.WithinDays is { } days)
                    {
                        group.Windows.Add((int)Math.Ceiling(days));
                    }

                    break;
            }
        }
    }

    /// <summary>The feature name of one window.</summary>
    public string FeatureName(int? window) =>
        window is { } days ? string.Create(CultureInfo.InvariantCulture, $"{Name}_{days}d") : Name + "_total";
}
