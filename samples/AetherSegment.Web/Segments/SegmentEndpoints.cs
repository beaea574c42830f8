using System.Text.Json;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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

        api.MapGet("/segments/{id}/export", async (string id, string? format, [FromQuery(Name = "include_personal")] string? includePersonal, HttpContext context,
                ISegmentEngine engine, IOptions<WebOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                (SegmentExportFormat exportFormat, string contentType, string extension) = ParseFormat(format);
                bool personal = ParsePersonal(includePersonal);
                WebOptions web = options.Value;
                if (personal && string.IsNullOrEmpty(web.ApiKey) && !web.AllowPersonalDataWithoutApiKey)
                {
                    return Results.Problem(Problems.Create(StatusCodes.Status403Forbidden, "Personal data needs the API key",
                        "include_personal=true is refused while the server has no API key: set AetherSegment:Web:ApiKey (or, on a trusted network, " +
                        "AetherSegment:Web:AllowPersonalDataWithoutApiKey=true)."));
                }

                if (await engine.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
                {
                    return NotFound(id);
                }

                context.Response.ContentType = contentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"segment-{SafeFileName(id)}.{extension}\"";
                context.Response.Headers[PersonalDataHeader] = personal ? "included" : "excluded";
                long? rows = await engine.ExportAsync(id, exportFormat, context.Response.Body,
                    personal ? SegmentExportOptions.WithPersonalData : SegmentExportOptions.WithoutPersonalData, cancellationToken).ConfigureAwait(false);
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
