using System.Text.Json;
using System.Threading.RateLimiting;
using AetherSegment.Hosting;
using AetherSegment.Web.Analytics;
using AetherSegment.Web.Campaigns;
using AetherSegment.Web.Data;
using AetherSegment.Web.Profiles;
using AetherSegment.Web.Segments;
using AetherSegment.Web.Uplift;
using AetherSegment.Web.Overview;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace AetherSegment.Web.Hosting;

/// <summary>
/// Builds the web app: the REST API of the web-api contract, the pages in wwwroot, the OpenAPI document and its
/// reference page, problem+json errors, request limits, CORS, rate limits and the API key.
/// </summary>
public static class AetherWebApp
{
    /// <summary>The rate-limiter policy of the interpretation endpoint.</summary>
    public const string InterpretationPolicy = "interpretation";

    /// <summary>The rate-limiter policy of the analytics endpoint.</summary>
    public const string AnalyticsPolicy = "analytics";

    private const string CorsPolicy = "configured-origins";

    /// <summary>Creates the app from command-line arguments, letting a caller (tests, benchmarks) adjust the builder.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, configuration keys).</param>
    /// <param name="configure">Called after the defaults are read, before services are registered; null for none.</param>
    /// <returns>The built app, not yet started.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AetherWebApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        ConfigureServices(builder);
        WebApplication app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        IConfiguration configuration = builder.Configuration;

        services.AddOptions<WebOptions>()
            .Bind(configuration.GetSection(WebOptions.SectionName))
            .PostConfigure(o => o.AllowedOrigins ??= configuration["ALLOWED_ORIGINS"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        WebOptions web = configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = web.MaxRequestBodyBytes);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddAetherSegmentFromConfiguration(configuration);
        services.AddAetherSegmentTelemetryExport(configuration, "aether-web", tracing: t => t.AddAspNetCoreInstrumentation(), metrics: m => m.AddAspNetCoreInstrumentation());

        services.ConfigureHttpJsonOptions(o => CopyJsonOptions(AetherSegmentJson.Options, o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["trace_id"] = c.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AetherSegment API";
            document.Info.Description = "Campaign objectives in plain English to segments, triggers and exports; overview and conversational analytics.";
            return Task.CompletedTask;
        }));

        string[] origins = (web.AllowedOrigins ?? configuration["ALLOWED_ORIGINS"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (origins.Length > 0)
            {
                p.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", RequireApiKeyFilter.HeaderName);
            }
        }));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(InterpretationPolicy, context => PerClient(context, web.InterpretationPermitsPerMinute));
            o.AddPolicy(AnalyticsPolicy, context => PerClient(context, web.AnalyticsPermitsPerMinute));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = Problems.Create(StatusCodes.Status429TooManyRequests, "Too many requests",
                        "This endpoint's rate limit was reached; try again in a minute."),
                }).ConfigureAwait(false);
            };
        });

        services.AddSingleton<DataReadiness>();
        services.AddHostedService<DataBootstrapService>();
        services.AddHostedService<ExposureWarningService>();
        services.AddSingleton<LiveStreamStatus>();
        services.AddHostedService<LiveEventsService>();
        services.AddHostedService<SegmentRetentionService>();
        services.AddSingleton<WarmUpStatus>();
        services.AddHostedService<TriggerModelWarmupService>();
        services.AddSingleton<OverviewQueries>();
        services.AddMemoryCache(o => o.SizeLimit = 1_024);
        services.AddSingleton<PreviewCache>();
        services.AddSingleton<SegmentCreations>();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteStatusProblemAsync);
        app.Use(RejectOversizedBodies);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("AetherSegment API")
            .DisableDefaultFonts()   // no requests to fonts.scalar.com: the page works offline
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .DisableTelemetry());

        app.MapGet("/api/v1/health", (DataReadiness readiness, LiveStreamStatus live, WarmUpStatus warmUp) =>
        {
            DataReadiness.Snapshot s = readiness.Current;
            LiveStreamStatus.Snapshot l = live.Current;
            return Results.Ok(new HealthStatus(s.State.ToString().ToLowerInvariant(), s.Message, s.Progress,
                new LiveEventsHealth(l.State.ToString().ToLowerInvariant(), l.EventsAppended, l.LastAppendAt, l.Attempt, l.LastError, l.NextAttemptAt, l.Since))
            {
                WarmUp = warmUp.Current,
            });
        }).WithTags("health").WithSummary("Whether the app is up, its data ready and its live event stream running.");

        ProfileEndpoints.Map(app.MapGroup("/api/v1"));

        RouteGroupBuilder data = app.MapGroup("/api/v1").AddEndpointFilter<RequireDataFilter>();
        OverviewEndpoints.Map(data);
        CampaignEndpoints.Map(data);
        SegmentEndpoints.Map(data);
        Experiments.ExperimentEndpoints.Map(data);
        AnalyticsEndpoints.Map(data);
        ModelEvaluationEndpoints.Map(data);
        Allocation.AllocationEndpoints.Map(data);
    }

    /// <summary>Empty error answers (404, 405, 413 from body binding) become problem+json; an oversized body is a 400 naming <c>body</c>.</summary>
    private static async Task WriteStatusProblemAsync(StatusCodeContext context)
    {
        HttpContext http = context.HttpContext;
        ProblemDetails problem;
        if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            long limit = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MaxRequestBodyBytes;
            problem = Problems.BadInput("body", $"The request body is larger than {limit} bytes.");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            problem = new ProblemDetails { Status = http.Response.StatusCode };
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
        }).ConfigureAwait(false);
    }

    private static async Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        long limit = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.BadInput("body", $"The request body is larger than {limit} bytes."),
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static void CopyJsonOptions(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.PropertyNamingPolicy = from.PropertyNamingPolicy;
        to.DictionaryKeyPolicy = from.DictionaryKeyPolicy;
        to.DefaultIgnoreCondition = from.DefaultIgnoreCondition;
        to.NumberHandling = from.NumberHandling;
        to.Encoder = from.Encoder;
        to.AllowTrailingCommas = from.AllowTrailingCommas;
        to.PropertyNameCaseInsensitive = from.PropertyNameCaseInsensitive;
        foreach (System.Text.Json.Serialization.JsonConverter converter in from.Converters)
        {
            to.Converters.Add(converter);
        }
    }

    /// <summary>The health endpoint's answer.</summary>
    /// <param name="Data">preparing, ready or failed.</param>
    /// <param name="Message">What the data store is doing.</param>
    /// <param name="Progress">Preparation progress, 0..1.</param>
    /// <param name="LiveEvents">The live event stream's state.</param>
    internal sealed record HealthStatus(string Data, string Message, double Progress, LiveEventsHealth LiveEvents)
    {
        /// <summary>The start-up warm-up (models loaded, one analyze run): waiting, running, ready, failed or off, and its seconds.</summary>
        public WarmUpStatus.Snapshot? WarmUp { get; init; }
    }

    /// <summary>The live event stream in the health answer.</summary>
    /// <param name="State">disabled, starting, running, retrying or stopped.</param>
    /// <param name="EventsAppended">Events appended since the host started.</param>
    /// <param name="LastAppendAt">When the last batch was appended.</param>
    /// <param name="Attempt">Failed attempts of the current write (0 while running).</param>
    /// <param name="LastError">The last failure (kept after recovery), without store internals.</param>
    /// <param name="NextAttemptAt">When a retrying stream tries again.</param>
    /// <param name="Since">When the stream entered its state.</param>
    internal sealed record LiveEventsHealth(string State, long EventsAppended, DateTimeOffset? LastAppendAt, int Attempt, string? LastError,
        DateTimeOffset? NextAttemptAt, DateTimeOffset Since);
}
