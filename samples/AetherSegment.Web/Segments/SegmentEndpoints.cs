using System.Text.Json;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using AetherSegment.Profiles;

namespace AetherSegment.Web.Segments;

/// <summary>Maps the segment endpoints: preview refinements, create (activate), fetch and export.</summary>
internal static class SegmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/segments/preview-filters", async (PreviewFiltersRequest request, ISegmentEngine engine, PreviewCache cache, CancellationToken cancellationToken) =>
            {
                JsonElement objectiveJson = RequireElement(request.CampaignObjectiveObject, "campaign_objective_object");
                CampaignObjective objective = RequestFields.ReadObjective(objectiveJson, "campaign_objective_object");
                IReadOnlyList<SegmentRefinement>? filters = SegmentRequests.FromJson(RequestFields.Filters(request.NewFilters, "new_filters"));
                string? trigger = string.IsNullOrWhiteSpace(request.Trigger) ? null : request.Trigger;
                FilterPreview preview = await cache.GetOrAddAsync(objectiveJson.GetRawText(), request.NewFilters?.GetRawText(), trigger,
                    () => engine.PreviewFiltersAsync(objective, filters, trigger, cancellationToken)).ConfigureAwait(false);
                return TypedResults.Ok(preview);
            })
            .WithName("PreviewFilters")
            .WithTags("segments")
            .WithSummary("Sizes the segment before and after adding refinement filters, with the attrition waterfall.")
            .Produces<FilterPreview>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/segments/create", async (CreateSegmentRequest request, HttpContext context, ISegmentEngine engine, ISegmentStore store, ICampaignInterpreter interpreter,
                SegmentCreations creations, TimeProvider time, CancellationToken cancellationToken) =>
            {
                string? key = SegmentCreations.ReadKey(context.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? request.ClientKey ?? request.ClientKeyCamel);
                string? name = SegmentNames.Validate(request.Name, "name");
                AetherSegment.Experiments.SegmentHoldout? holdout = request.Holdout is { } share
                    ? AetherSegment.Experiments.HoldoutAssignment.Create(share, request.HoldoutSalt, "holdout")
                    : request.HoldoutSalt is null ? null : throw new AetherSegmentInputException("holdout_salt", "holdout_salt needs holdout (a share in (0, 0.5]).");
                (StoredSegment segment, bool created) = await creations.CreateOnceAsync(key, async () =>
                {
                    CampaignObjective objective = await ReadObjectiveAsync(request, interpreter, cancellationToken).ConfigureAwait(false);
                    StoredSegment made = await engine.CreateAsync(objective, SegmentRequests.TriggerOrSuggested(request.OverrideTrigger, objective),
                        SegmentRequests.FromJson(RequestFields.Filters(request.AdditionalFilters, "additional_filters")), holdout, cancellationToken).ConfigureAwait(false);
                    return await store.UpdateAsync(made.SegmentId, name ?? SegmentNames.Default(made, time.GetUtcNow()), key, cancellationToken).ConfigureAwait(false) ?? made;
                }, cancellationToken).ConfigureAwait(false);
                // A repeated create with the same key answers the first segment with 200 instead of making another.
                return created
                    ? Results.Created($"/api/v1/segments/{Uri.EscapeDataString(segment.SegmentId)}", segment)
                    : Results.Ok(segment);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("CreateSegment")
            .WithTags("segments")
            .WithSummary("Builds the final segment, stores it with a snapshot of its members and returns it with its explanation.")
            .Produces<StoredSegment>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/segments", async (int? limit, ISegmentStore store, CancellationToken cancellationToken) =>
            {
                int take = limit ?? 100;
                if (take is < 1 or > 1000)
                {
                    throw new AetherSegmentInputException("limit", "limit must be between 1 and 1000.");
                }

                IReadOnlyList<StoredSegment> segments = await store.ListAsync(take, cancellationToken).ConfigureAwait(false);
                return Results.Ok(new SegmentList([.. segments.Select(SegmentSummary.From)]));
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ListSegments")
            .WithTags("segments")
            .WithSummary("The stored segments, newest first: id, name, size, trigger, dates and export links.")
            .Produces<SegmentList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapMethods("/segments/{id}", ["PATCH"], async (string id, RenameSegmentRequest request, ISegmentStore store, CancellationToken cancellationToken) =>
            {
                string name = SegmentNames.Validate(request.Name, "name") ?? throw new AetherSegmentInputException("name", "Give the segment a name (1 to 120 characters).");
                StoredSegment? segment = SegmentTables.IsSegmentId(id) ? await store.UpdateAsync(id, name, null, cancellationToken).ConfigureAwait(false) : null;
                return segment is null ? NotFound(id) : Results.Ok(segment);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("RenameSegment")
            .WithTags("segments")
            .WithSummary("Renames a stored segment (body: {name}); members and definition are unchanged.")
            .Produces<StoredSegment>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/segments/{id}", async (string id, ISegmentStore store, CancellationToken cancellationToken) =>
            {
                bool deleted = SegmentTables.IsSegmentId(id) && await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
                return deleted ? Results.NoContent() : NotFound(id);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("DeleteSegment")
            .WithTags("segments")
            .WithSummary("Deletes a stored segment and its member snapshot.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/segments/activation-policy", (IOptions<WebOptions> options, BusinessProfile profile) => Results.Ok(new ActivationPolicy(
                options.Value.TinySegmentSize, options.Value.LowConfidenceBelow, SegmentTables.NonPersonalMemberColumns(profile), SegmentNames.PersonalColumns)))
            .WithName("ActivationPolicy")
            .WithTags("segments")
            .WithSummary("What the campaign page warns about before activation: the tiny-segment size, the weak-confidence bound and the exported columns.")
            .Produces<ActivationPolicy>();

        api.MapGet("/segments/{id}", async (string id, ISegmentEngine engine, CancellationToken cancellationToken) =>
            {
                StoredSegment? segment = await engine.GetAsync(id, cancellationToken).ConfigureAwait(false);
                return segment is null ? NotFound(id) : Results.Ok(segment);
            })
            .WithName("GetSegment")
            .WithTags("segments")
            .WithSummary("The stored segment.")
            .Produces<StoredSegment>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/segments/{id}/export", async (string id, string? format, [FromQuery(Name = "include_personal")] string? includePersonal, [FromQuery(Name = "holdout")] string? holdoutMode, HttpContext context,
                ISegmentEngine engine, IOptions<WebOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                (SegmentExportFormat exportFormat, string contentType, string extension) = ParseFormat(format);
                bool personal = ParsePersonal(includePersonal);
                AetherSegment.Experiments.HoldoutExport holdoutExport = holdoutMode?.Trim().ToLowerInvariant() switch
                {
                    null or "" or "exclude" => AetherSegment.Experiments.HoldoutExport.Exclude,
                    "mark" => AetherSegment.Experiments.HoldoutExport.Mark,
                    _ => throw new AetherSegmentInputException("holdout", $"holdout must be exclude (the send list) or mark (a holdout column), not '{holdoutMode}'."),
                };
                WebOptions web = options.Value;
                if (personal && string.IsNullOrEmpty(web.ApiKey) && !web.AllowPersonalDataWithoutApiKey)
                {
                    return Results.Problem(Problems.Create(StatusCodes.Status403Forbidden, "Personal data needs the API key",
                        "include_personal=true is refused while the server has no API key: set AetherSegment:Web:ApiKey (or, on a trusted network, " +
                        "AetherSegment:Web:AllowPersonalDataWithoutApiKey=true)."));
                }

                if (await engine.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    return NotFound(id);
                }

                context.Response.ContentType = contentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{SegmentNames.FileName(stored)}.{extension}\"";
                context.Response.Headers[PersonalDataHeader] = personal ? "included" : "excluded";
                long? rows = await engine.ExportAsync(id, exportFormat, context.Response.Body,
                    new SegmentExportOptions { IncludePersonalData = personal, Holdout = holdoutExport }, cancellationToken).ConfigureAwait(false);
                if (rows is null)
                {
                    context.Response.Headers.Remove(PersonalDataHeader);
                    return NotFound(id);
                }

                ExportAudit.Log(loggers.CreateLogger(ExportAudit.Category), context, web.ApiKey, id, exportFormat, personal, rows.Value);
                return Results.Empty;
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ExportSegment")
            .WithTags("segments")
            .WithSummary("The segment's members as CSV (header row, customer_id first) or a JSON array of member objects; " +
                "names and e-mail only with include_personal=true (and the API key), as the X-AetherSegment-Personal-Data header says.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The response header saying whether an export carries personal columns: <c>included</c> or <c>excluded</c>.</summary>
    public const string PersonalDataHeader = "X-AetherSegment-Personal-Data";

    private static bool ParsePersonal(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new AetherSegmentInputException("include_personal", "include_personal must be true or false."),
    };

    private static JsonElement RequireElement(JsonElement? element, string field) =>
        element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value
            ? value
            : throw new AetherSegmentInputException(field, $"{field} is required.");

    private static async Task<CampaignObjective> ReadObjectiveAsync(CreateSegmentRequest request, ICampaignInterpreter interpreter, CancellationToken cancellationToken)
    {
        (JsonElement? element, string field) = request.CampaignObjective is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined }
            ? (request.CampaignObjective, "campaign_objective")
            : (request.CampaignObjectiveObject, "campaign_objective_object");
        JsonElement value = RequireElement(element, "campaign_objective");
        if (value.ValueKind == JsonValueKind.String)
        {
            string text = RequestFields.RequireText(value.GetString(), field);
            return await interpreter.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
        }

        return RequestFields.ReadObjective(value, field);
    }

    private static (SegmentExportFormat Format, string ContentType, string Extension) ParseFormat(string? format) =>
        (format ?? "json").Trim().ToLowerInvariant() switch
        {
            "csv" => (SegmentExportFormat.Csv, "text/csv; charset=utf-8", "csv"),
            "json" => (SegmentExportFormat.Json, "application/json; charset=utf-8", "json"),
            _ => throw new AetherSegmentInputException("format", "format must be csv or json."),
        };

    private static IResult NotFound(string id) =>
        Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "Segment not found", $"There is no segment with id '{id}'."));
}
