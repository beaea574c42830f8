using System.Text.Json;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Web.Profiles;

/// <summary>Maps GET /api/v1/profile: the app's business profile as the pages read it.</summary>
internal static class ProfileEndpoints
{
    /// <summary>The refinement keys of the first and second place level and taxonomy level, when the preview accepts them.</summary>
    private static readonly string[] PlaceKeys = ["location_country", "location_city"];
    private static readonly string[] TaxonomyKeys = ["category", "product_type"];

    /// <summary>Maps the endpoint on the API group (it needs no data: served while the data set is prepared).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/profile", (BusinessProfile profile) => TypedResults.Ok(Summarize(profile)))
            .WithName("GetProfile")
            .WithTags("profile")
            .WithSummary("The business profile the app runs with: names, place and taxonomy levels with their values, acquisition sources, triggers, the refinement keys the preview accepts and example objectives and questions.")
            .Produces<ProfileSummary>();

    /// <summary>The summary of a profile (computed per request: a few hundred values).</summary>
    internal static ProfileSummary Summarize(BusinessProfile profile)
    {
        IReadOnlyList<string> keys = RefinementKeys(profile);
        ProfileAttribute? value = profile.FindAttribute(ProfileAttributeRole.ValueScore);
        ProfileAttribute? churn = profile.FindAttribute(ProfileAttributeRole.ChurnScore);
        return new ProfileSummary(
            profile.Name,
            profile.DisplayName,
            profile.Description,
            profile.Currency,
            [.. profile.Entities.All.Select(e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Kind.ToString()))],
            Levels(profile.Catalog.Places, PlaceKeys, keys),
            Levels(profile.Catalog.Taxonomy, TaxonomyKeys, keys),
            [.. profile.Catalog.AcquisitionSources.Select(s => new NamedEntry(s.Name, s.Label))],
            [.. profile.Catalog.EventTypes.Select(e => new NamedEntry(e.Name, e.Label))],
            value is null ? null : new AttributeSummary(value.Name, value.Label, profile.Catalog.ValueTiers?.High, profile.Catalog.ValueTiers?.Low),
            churn is null ? null : new AttributeSummary(churn.Name, churn.Label, profile.Catalog.ChurnRisk?.High, null),
            [.. profile.Triggers.Select(t => new TriggerSummary(t.Id, t.Name, t.Description, t.Eligibility?.Description))],
            keys,
            new ExamplesSummary(
                [.. profile.Examples.Objectives.Select(o => new ExampleSummary(o.Title, o.Text))],
                profile.Examples.Questions));
    }

    private static List<CatalogLevelSummary> Levels(CatalogHierarchy hierarchy, string[] levelKeys, IReadOnlyList<string> accepted)
    {
        List<CatalogLevelSummary> levels = new(hierarchy.Levels.Count);
        foreach (HierarchyLevel level in hierarchy.Levels)
        {
            string? key = level.Depth < levelKeys.Length && accepted.Contains(levelKeys[level.Depth]) ? levelKeys[level.Depth] : null;
            levels.Add(new CatalogLevelSummary(level.Name, level.Plural, level.ObjectiveField, key,
                [.. hierarchy.ValuesAt(level).Select(v => new CatalogValueSummary(v.Name, v.Parent))], level.Attribute));
        }

        return levels;
    }

    /// <summary>
    /// The refinement keys the segment engine accepts, less those that need what the profile lacks: the cart keys
    /// without a carts mapping, the value and churn keys without a value or churn score, a score key without its attribute.
    /// </summary>
    internal static IReadOnlyList<string> RefinementKeys(BusinessProfile profile)
    {
        List<string> keys = [];
        foreach (string key in new SegmentDefinitionBuilder(profile, new AetherSegment.DependencyInjection.AetherSegmentOptions()).RefinementKeys())
        {
            bool usable = key switch
            {
                _ when key.Contains("cart", StringComparison.Ordinal) => profile.HasEntity(EntityKind.Carts),
                "clv_min" or "clv_max" or "value_tier" => profile.FindAttribute(ProfileAttributeRole.ValueScore) is not null,
                "churn_min" or "churn_max" => profile.FindAttribute(ProfileAttributeRole.ChurnScore) is not null,
                "category" or "product_type" or "purchased_within_days" or "no_purchase_for_days" => profile.HasEntity(EntityKind.Orders),
                "viewed_within_days" => profile.HasEntity(EntityKind.Events),
                "acquisition_source" => profile.FindAttribute(ProfileAttributeRole.AcquisitionSource) is not null,
                _ when key.EndsWith("_min", StringComparison.Ordinal) => profile.FindAttribute(key[..^4]) is not null,
                "exclusivity_seeker" => profile.FindAttribute(key) is not null,
                _ => true,
            };
            if (usable)
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
