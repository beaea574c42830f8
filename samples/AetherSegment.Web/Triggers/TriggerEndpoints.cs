using AetherSegment.Profiles;

namespace AetherSegment.Web.Triggers;

/// <summary>Maps the active profile's trigger list: what the campaign page shows for each trigger id.</summary>
internal static class TriggerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/triggers", (BusinessProfile profile) => TypedResults.Ok(new TriggerList([.. profile.Triggers.Select(TriggerItem.From)])))
            .WithName("ListTriggers")
            .WithTags("uplift")
            .WithSummary("The active profile's triggers: id, name, what they offer and the eligibility filter each adds to a segment.")
            .Produces<TriggerList>();
    }
}
