using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AetherSegment.Tests;
using AetherSegment.Uplift;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>`aether uplift evaluate --plot DIR`: Qini, uplift and decile charts as SVG, several models per chart.</summary>
public sealed class UpliftPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string WriteExperiment(string path, int rows, int seed)
    {
        Random random = new(seed);
        StringBuilder csv = new("arm,region,score,tenure,y\n");
        for (int i = 0; i < rows; i++)
        {
            bool treated = random.Next(2) == 1;
            int region = random.Next(3);
            double score = random.NextDouble() * 100;
            double p = 0.15 + (treated && region == 0 ? 0.2 : 0) + (treated ? score / 1000 : 0);
            csv.Append(CultureInfo.InvariantCulture, $"{(treated ? "mail" : "none")},r{region},{score:0.##},{random.Next(1, 60)},{(random.NextDouble() < p ? 1 : 0)}\n");
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static (double X, double Y)[] Points(XElement polyline) =>
        [.. polyline.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task Evaluate_Plot_WritesWellFormedSvgWithOneLinePerModelOnTheEvaluatorsCurves()
    {
        string dir = TestPaths.NewTempDirectory();
        string train = WriteExperiment(Path.Combine(dir, "train.csv"), 4000, 1), test = WriteExperiment(Path.Combine(dir, "test.csv"), 3000, 2);
        string plots = Path.Combine(dir, "plots"), predictions = Path.Combine(dir, "p.csv");
        using StringWriter stdout = new(), stderr = new();

        int exit = await AetherCli.RunAsync(["uplift", "evaluate", "--train", train, "--test", test, "--treatment-column", "arm", "--treatment", "mail", "--control", "none",
            "--outcome", "y", "--model", "tlearner", "--plot", plots, "--plot-models", "ct,forest", "--predictions", predictions], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        UpliftTrainingSet testSet = UpliftTrainingSet.FromTable(UpliftCsv.Read(test), "arm", ["mail"], "none", "y");
        double[] uplift = [.. File.ReadLines(predictions).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture))];
        XDocument qini = XDocument.Load(Path.Combine(plots, "qini.svg"));
        Assert.Equal(Svg + "svg", qini.Root!.Name);
        XElement[] models = [.. qini.Descendants(Svg + "polyline").Where(e => (string?)e.Attribute("class") == "model")];
        Assert.Equal(["tlearner", "ct", "forest"], models.Select(m => (string?)m.Attribute("data-model")));

        UpliftCurve expected = UpliftMetrics.QiniCurve(testSet.Outcome, uplift, testSet.Treatment);
        (double X, double Y)[] drawn = Points(models[0]);
        Assert.Equal(expected.X, drawn.Select(p => p.X));
        Assert.Equal(expected.Y, drawn.Select(p => p.Y));
        UpliftCurve perfect = UpliftMetrics.PerfectQiniCurve(testSet.Outcome, testSet.Treatment);
        XElement perfectLine = qini.Descendants(Svg + "polyline").Single(e => (string?)e.Attribute("class") == "perfect");
        Assert.Equal(perfect.Y, Points(perfectLine).Select(p => p.Y));
        (double X, double Y)[] random = Points(qini.Descendants(Svg + "polyline").Single(e => (string?)e.Attribute("class") == "random"));
        Assert.Equal([(0, 0), (3000, expected.Y[^1])], random);

        // The Qini coefficient printed is the drawn curve's area over the drawn perfect curve's, both above the random line.
        double baseline = perfect.X[^1] * perfect.Y[^1] / 2;
        double fromPlot = (new UpliftCurve([.. drawn.Select(p => p.X)], [.. drawn.Select(p => p.Y)]).Area() - baseline) / (perfect.Area() - baseline);
        Assert.Equal((double)JsonNode.Parse(stdout.ToString())!["qini_coefficient"]!, fromPlot, 6);

        XDocument upliftCurve = XDocument.Load(Path.Combine(plots, "uplift.svg"));
        XElement auuc = upliftCurve.Descendants(Svg + "polyline").First(e => (string?)e.Attribute("class") == "model");
        Assert.Equal(UpliftMetrics.AuucCurve(testSet.Outcome, uplift, testSet.Treatment).Y, Points(auuc).Select(p => p.Y));
        Assert.Equal(3, upliftCurve.Descendants(Svg + "polyline").Count(e => (string?)e.Attribute("class") == "model"));

        XDocument deciles = XDocument.Load(Path.Combine(plots, "uplift_by_decile.svg"));
        XElement[] groups = [.. deciles.Descendants(Svg + "g").Where(e => (string?)e.Attribute("class") == "model")];
        Assert.Equal(3, groups.Length);
        double[] bars = [.. groups[0].Elements(Svg + "rect").Select(r => double.Parse(r.Attribute("data-value")!.Value, CultureInfo.InvariantCulture))];
        Assert.Equal(UpliftMetrics.UpliftByPercentile(testSet.Outcome, uplift, testSet.Treatment, 10), bars);
        Assert.True(bars[0] > bars[^1], "the best-scored decile gains more than the worst");
    }
}
