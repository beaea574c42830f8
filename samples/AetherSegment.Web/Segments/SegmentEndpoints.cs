using System.Text.Json;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Web.Hosting;

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
                IEnumerable<KeyValuePair<string, JsonElement>>? filters = RequestFields.Filters(request.NewFilters, "new_filters");
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

        api.MapPost("/segments/create", async (CreateSegmentRequest request, ISegmentEngine engine, ICampaignInterpreter interpreter, CancellationToken cancellationToken) =>
            {
                CampaignObjective objective = await ReadObjectiveAsync(request, interpreter, cancellationToken).ConfigureAwait(false);
                StoredSegment segment = await engine.CreateAsync(objective,
                    string.IsNullOrWhiteSpace(request.OverrideTrigger) ? null : request.OverrideTrigger,
                    RequestFields.Filters(request.AdditionalFilters, "additional_filters"), cancellationToken).ConfigureAwait(false);
                return TypedResults.Created($"/api/v1/segments/{Uri.EscapeDataString(segment.SegmentId)}", segment);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("CreateSegment")
            .WithTags("segments")
            .WithSummary("Builds the final segment, stores it with a snapshot of its members and returns it with its explanation.")
            .Produces<StoredSegment>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

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

        api.MapGet("/segments/{id}/export", async (string id, string? format, HttpContext context, ISegmentEngine engine, CancellationToken cancellationToken) =>
            {
                (SegmentExportFormat exportFormat, string contentType, string extension) = ParseFormat(format);
                if (await engine.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
                {
                    return NotFound(id);
                }

                context.Response.ContentType = contentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"segment-{SafeFileName(id)}.{extension}\"";
                bool found = await engine.ExportAsync(id, exportFormat, context.Response.Body, cancellationToken).ConfigureAwait(false);
                return found ? Results.Empty : NotFound(id);
            })
            .AddEndpointFilter<RequireApiKeyFilter>()
            .WithName("ExportSegment")
            .WithTags("segments")
            .WithSummary("The segment's members as CSV (header row, customer_id first) or a JSON array of member objects.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

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

    private static string SafeFileName(string id)
    {
        Span<char> buffer = id.Length <= 64 ? stackalloc char[id.Length] : new char[64];
        for (int i = 0; i < buffer.Length; i++)
        {
            char c = id[i];
            buffer[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_';
        }

        return new string(buffer);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "Segment not found", $"There is no segment with id '{id}'."));
}
