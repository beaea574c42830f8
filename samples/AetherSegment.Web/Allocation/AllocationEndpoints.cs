using System.Text.Json;
using AetherSegment.Allocation;
using AetherSegment.Data;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Uplift;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Allocation;

/// <summary>
/// Maps the allocation endpoints: the best trigger per member of a stored segment, or of an objective's eligible
/// segment before it is stored (step 3 of the campaign page), under a budget, caps and a minimum profit per send.
/// </summary>
internal static class AllocationEndpoints
{
    /// <summary>The most points a profit curve may have.</summary>
    public const int MaxCurvePoints = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/segments/{id}/allocate", async (string id, AllocateRequest? request, ISegmentEngine engine, IDataStore store, ITriggerRanker ranker, IOptions<TriggerRankingOptions> rankingOptions, CancellationToken cancellationToken) =>
            {
                AllocateRequest body = request ?? new AllocateRequest();
                (AllocationSettings settings, int points) = Read(body);
                StoredSegment? segment = SegmentTables.IsSegmentId(id) ? await engine.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
                if (segment is null)
                {
                    return Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "Segment not found", $"There is no segment with id '{id}'."));
                }

                SqlStatement members = new($"SELECT customer_id FROM {SegmentTables.MembersTableName} WHERE segment_id = {store.Dialect.Parameter("segment_id")}",
                    [QueryParameter.String("segment_id", segment.SegmentId)]);
                StoreTriggerAllocator allocator = new(store, ranker);
                AllocationRun run = await allocator.AllocateAsync(members, settings, points, segment.AsOf, cancellationToken).ConfigureAwait(false);
                return Results.Ok(AllocationResult.From(segment.SegmentId, run, await EvaluateAsync(body, allocator, run, settings, rankingOptions.Value, cancellationToken).ConfigureAwait(false)));
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("AllocateSegment")
            .WithTags("allocation")
            .WithSummary("Assigns each member of a stored segment at most one trigger to maximize expected incremental profit under a budget, per-trigger caps and a minimum profit per send; with the profit-vs-budget curve.")
            .Produces<AllocationResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/segments/allocate", async (AllocateRequest request, ISegmentEngine engine, IDataStore store, ITriggerRanker ranker, IOptions<TriggerRankingOptions> rankingOptions, CancellationToken cancellationToken) =>
            {
                (AllocationSettings settings, int points) = Read(request);
                JsonElement objectiveJson = request.CampaignObjectiveObject is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value
                    ? value
                    : throw new AetherSegmentInputException("campaign_objective_object", "campaign_objective_object is required.");
                CampaignObjective objective = RequestFields.ReadObjective(objectiveJson, "campaign_objective_object");
                IReadOnlyList<SegmentRefinement>? filters = SegmentRequests.FromJson(RequestFields.Filters(request.AdditionalFilters, "additional_filters"));
                SegmentDefinition definition = await engine.DefineAsync(objective, null, filters, cancellationToken: cancellationToken).ConfigureAwait(false);
                StoreTriggerAllocator allocator = new(store, ranker);
                AllocationRun run = await allocator.AllocateAsync(engine.CompileMembers(definition, store.Dialect), settings, points, definition.AsOf, cancellationToken).ConfigureAwait(false);
                return Results.Ok(AllocationResult.From(null, run, await EvaluateAsync(request, allocator, run, settings, rankingOptions.Value, cancellationToken).ConfigureAwait(false)));
            })
            .WithName("AllocateObjective")
            .WithTags("allocation")
            .WithSummary("The same allocation over an objective's eligible segment (with refinements) before it is stored: the campaign page's step 3.")
            .Produces<AllocationResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>The held-out policy evaluation when the request asks for it, else null.</summary>
    private static async Task<HeldOutPolicyEvaluation.Result?> EvaluateAsync(AllocateRequest request, StoreTriggerAllocator allocator, AllocationRun run, AllocationSettings settings,
        TriggerRankingOptions options, CancellationToken cancellationToken) =>
        request.PolicyEvaluation ? await allocator.EvaluatePoliciesAsync(run, settings, options, cancellationToken).ConfigureAwait(false) : null;

    private static (AllocationSettings Settings, int CurvePoints) Read(AllocateRequest request)
    {
        int points = request.CurvePoints ?? 10;
        if (points is < 1 or > MaxCurvePoints)
        {
            throw new AetherSegmentInputException("curve_points", $"curve_points must be between 1 and {MaxCurvePoints}.");
        }

        if (request.MinProfitPerSend is not null && request.MinProfitPerSendCamel is not null)
        {
            throw new AetherSegmentInputException("min_profit_per_send", "Give min_profit_per_send once (min_profit_per_send or minProfitPerSend, not both).");
        }

        return (new AllocationSettings
        {
            Budget = request.Budget,
            MinimumProfitPerSend = request.MinProfitPerSend ?? request.MinProfitPerSendCamel ?? 0,
            Caps = request.Caps is null ? new Dictionary<string, double>(StringComparer.Ordinal) : new Dictionary<string, double>(request.Caps, StringComparer.Ordinal),
        }, points);
    }
}
