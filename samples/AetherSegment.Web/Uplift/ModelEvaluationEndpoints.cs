using System.Globalization;
using AetherSegment.Profiles;
using AetherSegment.Uplift;
using AetherSegment.Web.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace AetherSegment.Web.Uplift;

/// <summary>
/// Maps the trigger models' held-out evaluation: per trigger the Qini curve, the uplift curve, uplift by decile, the
/// Qini coefficient and the AUUC score as JSON, and the same curves as SVG drawn by <see cref="UpliftPlots"/>. Both
/// read <see cref="ITriggerModelEvaluator"/>, which computes once per data version of the campaign history.
/// </summary>
internal static class ModelEvaluationEndpoints
{
    /// <summary>The default number of points per curve in the JSON answer.</summary>
    public const int DefaultPoints = 200;

    /// <summary>The largest number of points per curve a caller may ask for.</summary>
    public const int MaxPoints = 5_000;

    private const string RetryAfterSeconds = "15";

    private static readonly string[] Charts = ["qini", "uplift", "decile"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/uplift/trigger-models/evaluation", async (string? points, ITriggerModelEvaluator evaluator, BusinessProfile profile, HttpContext context, CancellationToken cancellationToken) =>
            {
                int maxPoints = ParsePoints(points);
                TriggerModelEvaluation? evaluation = await evaluator.EvaluateAsync(cancellationToken).ConfigureAwait(false);
                return evaluation is null ? NotTrained(context) : Results.Ok(ModelEvaluation.From(evaluation, profile, maxPoints));
            })
            .WithName("EvaluateTriggerModels")
            .WithTags("uplift")
            .WithSummary("The trigger models' held-out evaluation: Qini and uplift curves, uplift by decile, Qini coefficient and AUUC per trigger.")
            .Produces<ModelEvaluation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/uplift/trigger-models/evaluation/{trigger}/{chart}.svg", async (string trigger, string chart, ITriggerModelEvaluator evaluator, BusinessProfile profile, IMemoryCache cache, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (profile.FindTrigger(trigger) is not { } known)
                {
                    throw new AetherSegmentInputException("trigger", $"Unknown trigger '{trigger}'; one of: {string.Join(", ", profile.Triggers.Select(t => t.Id))}.");
                }

                string type = known.Id;

                if (!Charts.Contains(chart, StringComparer.Ordinal))
                {
                    throw new AetherSegmentInputException("chart", $"Unknown chart '{chart}'; one of: {string.Join(", ", Charts)}.");
                }

                TriggerModelEvaluation? evaluation = await evaluator.EvaluateAsync(cancellationToken).ConfigureAwait(false);
                if (evaluation is null)
                {
                    return NotTrained(context);
                }

                TriggerEvaluation result = evaluation.Triggers.First(t => t.Trigger == type);
                if (!result.Evaluated)
                {
                    return Results.Problem(Problems.Create(StatusCodes.Status404NotFound, "No evaluated model for this trigger", result.Reason!));
                }

                string svg = cache.GetOrCreate((nameof(ModelEvaluationEndpoints), evaluation.DataVersion, type, chart), entry =>
                {
                    entry.Size = 1;
                    return Draw(result, chart);
                })!;
                return Results.Text(svg, "image/svg+xml");
            })
            .WithName("PlotTriggerModel")
            .WithTags("uplift")
            .WithSummary("One trigger model's held-out Qini curve, uplift curve or uplift by decile as SVG (scikit-uplift's plots, with the perfect and random lines).")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static int ParsePoints(string? points)
    {
        if (points is null)
        {
            return DefaultPoints;
        }

        if (!int.TryParse(points, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 2 || value > MaxPoints)
        {
            throw new AetherSegmentInputException("points", string.Create(CultureInfo.InvariantCulture, $"points must be a whole number from 2 to {MaxPoints}."));
        }

        return value;
    }

    private static IResult NotTrained(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return Results.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, "The trigger models are not trained yet",
            "The trigger models for the current campaign history are not trained yet: they train at start-up (warm-up) or on the first analyze. Try again shortly."));
    }

    private static string Draw(TriggerEvaluation result, string chart)
    {
        UpliftPlotSeries[] series = [new(result.Trigger, result.Uplift.ToArray())];
        return chart switch
        {
            "qini" => UpliftPlots.QiniCurves(result.Outcome.Span, result.Treatment.Span, series),
            "uplift" => UpliftPlots.UpliftCurves(result.Outcome.Span, result.Treatment.Span, series),
            _ => UpliftPlots.UpliftByDecile(result.Outcome.Span, result.Treatment.Span, series),
        };
    }
}
