using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AetherSegment.DataModel;
using AetherSegment.Uplift;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Web.Tests.Uplift;

/// <summary>
/// Issue 14, plots: GET /api/v1/uplift/trigger-models/evaluation answers the trigger models' held-out curves and scores
/// as UpliftMetrics computes them on the held-out rows, computes them once per data version, and draws the same rows
/// as SVG with UpliftPlots; bad parameters are 400 problem+json.
/// </summary>
public sealed class ModelEvaluationEndpointTests(ModelEvaluationServerFixture fixture) : IClassFixture<ModelEvaluationServerFixture>
{
    private const string Path = "api/v1/uplift/trigger-models/evaluation";

    private Task TrainAsync() => fixture.TrainAsync();

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        (int status, string body, _) = await GetAsync(path);
        Assert.True(status == 200, $"GET {path}: {status} {body}");
        return JsonDocument.Parse(body);
    }

    private async Task<(int Status, string Body, string? ContentType)> GetAsync(string path)
    {
        using HttpResponseMessage response = await fixture.Patient.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static double[] Numbers(JsonElement points, string name) => [.. points.EnumerateArray().Select(p => p.GetProperty(name).GetDouble())];

    [Fact]
    public async Task Evaluation_AfterTheModelsAreTrained_IsUpliftMetricsOnTheHeldOutRows_ComputedOnce()
    {
        await TrainAsync();
        (int status, string text, string? contentType) = await GetAsync(Path + "?points=5000");
        Assert.True(status == 200, text);
        Assert.Equal("application/json", contentType);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement root = doc.RootElement;
        Assert.Equal("customer_hash_holdout", root.GetProperty("method").GetString());
        Assert.Equal(0.3, root.GetProperty("holdout_share").GetDouble());
        Assert.Equal(5000, root.GetProperty("max_points").GetInt32());
        JsonElement[] triggers = [.. root.GetProperty("triggers").EnumerateArray()];
        Assert.Equal(TriggerCatalog.All.Select(t => t.Name), triggers.Select(t => t.GetProperty("trigger").GetString()));
        JsonElement[] evaluated = [.. triggers.Where(t => t.GetProperty("evaluated").GetBoolean())];
        Assert.True(evaluated.Length >= 2, $"only {evaluated.Length} trigger(s) evaluated: {text[..Math.Min(2000, text.Length)]}");

        // The same evaluation object the endpoint answered from (cached for this data version): recompute every number.
        ITriggerModelEvaluator evaluator = fixture.Server.Services.GetRequiredService<ITriggerModelEvaluator>();
        TriggerModelEvaluation evaluation = (await evaluator.EvaluateAsync())!;
        Assert.Equal(root.GetProperty("data_version").GetString(), evaluation.DataVersion);
        foreach (JsonElement t in evaluated)
        {
            Assert.True(TriggerCatalog.TryParse(t.GetProperty("trigger").GetString(), out TriggerType type));
            TriggerEvaluation e = evaluation.Triggers[(int)type];
            float[] outcome = e.Outcome.ToArray();
            int[] treatment = e.Treatment.ToArray();
            double[] uplift = e.Uplift.ToArray();
            int treated = 0;
            foreach (int arm in treatment)
            {
                treated += arm;
            }

            Assert.Equal(outcome.Length, t.GetProperty("holdout_rows").GetInt32());
            Assert.Equal(treated, t.GetProperty("holdout_treated").GetInt32());
            Assert.Equal(outcome.Length - treated, t.GetProperty("holdout_control").GetInt32());
            Assert.Equal(UpliftMetrics.QiniCoefficient(outcome, uplift, treatment), t.GetProperty("qini_coefficient").GetDouble());
            Assert.Equal(UpliftMetrics.AuucScore(outcome, uplift, treatment), t.GetProperty("auuc").GetDouble());

            UpliftCurve qini = UpliftMetrics.QiniCurve(outcome, uplift, treatment);
            UpliftCurve upliftCurve = UpliftMetrics.AuucCurve(outcome, uplift, treatment);
            Assert.True(qini.X.Length <= 5000, "the held-out set is small enough to return every point");
            Assert.Equal(qini.X, Numbers(t.GetProperty("qini_curve"), "x"));
            Assert.Equal(qini.Y, Numbers(t.GetProperty("qini_curve"), "y"));
            Assert.Equal(upliftCurve.X, Numbers(t.GetProperty("uplift_curve"), "x"));
            Assert.Equal(upliftCurve.Y, Numbers(t.GetProperty("uplift_curve"), "y"));
            Assert.Equal((double)outcome.Length, qini.X[^1]);

            double[] deciles = UpliftMetrics.UpliftByPercentile(outcome, uplift, treatment, 10);
            JsonElement[] apiDeciles = [.. t.GetProperty("uplift_by_decile").EnumerateArray()];
            Assert.Equal(10, apiDeciles.Length);
            for (int d = 0; d < 10; d++)
            {
                double? expected = double.IsFinite(deciles[d]) ? deciles[d] : null;
                double? actual = apiDeciles[d].ValueKind == JsonValueKind.Null ? null : apiDeciles[d].GetDouble();
                Assert.Equal(expected, actual);
            }

            // Held out for real: the training rows and the held-out rows together are the trigger's campaign rows, and the
            // held-out customers are about the configured share.
            long all = await CountCampaignRowsAsync(t.GetProperty("trigger").GetString()!);
            Assert.Equal(all, t.GetProperty("training_rows").GetInt32() + outcome.Length);
            Assert.InRange(outcome.Length / (double)all, 0.2, 0.4);
        }

        // Fewer points on request: the curve thinned to at most that many, first and last point kept.
        using (JsonDocument thin = await GetJsonAsync(Path + "?points=25"))
        {
            foreach (JsonElement t in thin.RootElement.GetProperty("triggers").EnumerateArray().Where(t => t.GetProperty("evaluated").GetBoolean()))
            {
                double[] x = Numbers(t.GetProperty("qini_curve"), "x");
                Assert.InRange(x.Length, 2, 25);
                Assert.Equal(0, x[0]);
                Assert.Equal(t.GetProperty("holdout_rows").GetInt32(), x[^1]);
            }

            Assert.Equal(root.GetProperty("evaluated_at").GetString(), thin.RootElement.GetProperty("evaluated_at").GetString());
        }

        // Computed once for this data version: three calls, one evaluation in the log.
        Assert.Single(fixture.Logs.Entries, e => e.Message.StartsWith("Evaluated ", StringComparison.Ordinal) && e.Category.EndsWith("StoreTriggerModelEvaluator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Svg_IsUpliftPlotsOfTheSameHeldOutRows()
    {
        await TrainAsync();
        using JsonDocument doc = await GetJsonAsync(Path);
        JsonElement first = doc.RootElement.GetProperty("triggers").EnumerateArray().First(t => t.GetProperty("evaluated").GetBoolean());
        string trigger = first.GetProperty("trigger").GetString()!;
        Assert.True(TriggerCatalog.TryParse(trigger, out TriggerType type));
        TriggerEvaluation e = (await fixture.Server.Services.GetRequiredService<ITriggerModelEvaluator>().EvaluateAsync())!.Triggers[(int)type];
        UpliftPlotSeries[] series = [new(trigger, e.Uplift.ToArray())];
        Dictionary<string, string> expected = new()
        {
            ["qini"] = UpliftPlots.QiniCurves(e.Outcome.Span, e.Treatment.Span, series),
            ["uplift"] = UpliftPlots.UpliftCurves(e.Outcome.Span, e.Treatment.Span, series),
            ["decile"] = UpliftPlots.UpliftByDecile(e.Outcome.Span, e.Treatment.Span, series),
        };
        foreach ((string chart, string svg) in expected)
        {
            string link = first.GetProperty("plots").GetProperty(chart).GetString()!;
            Assert.Equal($"/api/v1/uplift/trigger-models/evaluation/{trigger}/{chart}.svg", link);
            (int status, string body, string? type2) = await GetAsync(link.TrimStart('/'));
            Assert.Equal(200, status);
            Assert.Equal("image/svg+xml", type2);
            Assert.Equal(svg, body);
            XNamespace ns = "http://www.w3.org/2000/svg";
            XElement[] models = [.. XDocument.Parse(body).Descendants().Where(x => (string?)x.Attribute("class") == "model")];
            Assert.Single(models);
            Assert.Equal(trigger, (string?)models[0].Attribute("data-model"));
            Assert.NotNull(XDocument.Parse(body).Root!.Element(ns + "title"));
        }
    }

    [Theory]
    [InlineData(Path + "?points=1", "points")]
    [InlineData(Path + "?points=abc", "points")]
    [InlineData(Path + "?points=5001", "points")]
    [InlineData(Path + "?points=-3", "points")]
    [InlineData(Path + "/no_such_trigger/qini.svg", "trigger")]
    [InlineData(Path + "/free_shipping_offer/pie.svg", "chart")]
    public async Task BadParameters_Are400ProblemJsonNamingTheField(string path, string field)
    {
        (int status, string body, string? type) = await GetAsync(path);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        using JsonDocument problem = JsonDocument.Parse(body);
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    private async Task<long> CountCampaignRowsAsync(string trigger)
    {
        AetherSegment.Data.IDataStore store = fixture.Server.Services.GetRequiredService<AetherSegment.Data.IDataStore>();
        AetherSegment.Data.QueryResult result = await store.QueryAsync(new AetherSegment.Data.SqlStatement(
            "SELECT COUNT(*) FROM campaign_history WHERE trigger_type = $t AND \"group\" IN ('treatment', 'control')",
            [AetherSegment.Data.QueryParameter.String("t", trigger)]));
        return Convert.ToInt64(result.Scalar(), CultureInfo.InvariantCulture);
    }
}
