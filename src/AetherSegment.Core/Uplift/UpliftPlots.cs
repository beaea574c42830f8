using System.Globalization;
using System.Text;
using System.Xml;

namespace AetherSegment.Uplift;

/// <summary>
/// Uplift plots as self-contained SVG, as scikit-uplift draws them (sklift.viz): the Qini curve and the uplift curve
/// with the random line (straight from the origin to the curve's end) and the perfect curve, several models on one
/// chart, and uplift by decile as grouped bars. Every curve is a <c>polyline</c> whose points are the curve's own
/// numbers (x = rows targeted, y = <see cref="UpliftMetrics"/>' value), drawn through a transform, so the file is
/// both a picture and the data; each model's line has <c>class="model"</c> and <c>data-model</c> naming it.
/// </summary>
/// <remarks>Pure and thread-safe. Written with <see cref="XmlWriter"/>, so the output is always well-formed XML.</remarks>
internal static class UpliftPlots
{
    private const double Width = 720, Height = 440, Left = 80, Right = 190, Top = 40, Bottom = 60;

    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The Qini curves of several models on one chart, with the random line and the perfect Qini curve.</summary>
    /// <param name="outcome">0/1 per evaluation row.</param>
    /// <param name="treatment">1 treated, 0 control, per row.</param>
    /// <param name="models">One series per model; each has one prediction per row.</param>
    /// <returns>The SVG document.</returns>
    public static string QiniCurves(ReadOnlySpan<float> outcome, ReadOnlySpan<int> treatment, IReadOnlyList<UpliftPlotSeries> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        List<(string Name, UpliftCurve Curve, double Score)> curves = [];
        foreach (UpliftPlotSeries model in models)
        {
            curves.Add((model.Name, UpliftMetrics.QiniCurve(outcome, model.Uplift, treatment), UpliftMetrics.QiniCoefficient(outcome, model.Uplift, treatment)));
        }

        return CurveChart("Qini curve", "Incremental responders (Qini)", "qini", curves, UpliftMetrics.PerfectQiniCurve(outcome, treatment));
    }

    /// <summary>The uplift curves of several models on one chart, with the random line and the perfect uplift curve.</summary>
    /// <param name="outcome">0/1 per evaluation row.</param>
    /// <param name="treatment">1 treated, 0 control, per row.</param>
    /// <param name="models">One series per model; each has one prediction per row.</param>
    /// <returns>The SVG document.</returns>
    public static string UpliftCurves(ReadOnlySpan<float> outcome, ReadOnlySpan<int> treatment, IReadOnlyList<UpliftPlotSeries> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        List<(string Name, UpliftCurve Curve, double Score)> curves = [];
        foreach (UpliftPlotSeries model in models)
        {
            curves.Add((model.Name, UpliftMetrics.AuucCurve(outcome, model.Uplift, treatment), UpliftMetrics.AuucScore(outcome, model.Uplift, treatment)));
        }

        return CurveChart("Uplift curve", "Incremental responders (uplift x rows)", "auuc", curves, UpliftMetrics.PerfectAuucCurve(outcome, treatment));
    }

    /// <summary>Uplift by decile of predicted uplift (best first) for several models, as grouped bars.</summary>
    /// <param name="outcome">0/1 per evaluation row.</param>
    /// <param name="treatment">1 treated, 0 control, per row.</param>
    /// <param name="models">One series per model; each has one prediction per row.</param>
    /// <param name="bins">The number of groups (10: deciles).</param>
    /// <returns>The SVG document; each bar has <c>data-value</c>, the <see cref="UpliftMetrics.UpliftByPercentile"/> value.</returns>
    public static string UpliftByDecile(ReadOnlySpan<float> outcome, ReadOnlySpan<int> treatment, IReadOnlyList<UpliftPlotSeries> models, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(models);
        List<double[]> values = [];
        foreach (UpliftPlotSeries model in models)
        {
            values.Add(UpliftMetrics.UpliftByPercentile(outcome, model.Uplift, treatment, bins));
        }

        double min = 0, max = 0;
        foreach (double[] v in values)
        {
            foreach (double x in v)
            {
                if (double.IsFinite(x))
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }
            }
        }

        (min, max) = Pad(min, max);
        return Document("Uplift by decile", "Decile of predicted uplift (best first)", "Treated minus control response rate", 0, bins, min, max, bins, (xml, sx, sy) =>
        {
            double plotW = Width - Left - Right;
            double group = plotW / bins, bar = group * 0.8 / Math.Max(1, values.Count);
            for (int m = 0; m < values.Count; m++)
            {
                xml.WriteStartElement("g");
                xml.WriteAttributeString("class", "model");
                xml.WriteAttributeString("data-model", models[m].Name);
                xml.WriteAttributeString("fill", Palette[m % Palette.Length]);
                for (int b = 0; b < bins; b++)
                {
                    double v = values[m][b];
                    double y0 = sy(0), y1 = sy(double.IsFinite(v) ? v : 0);
                    xml.WriteStartElement("rect");
                    xml.WriteAttributeString("x", F(Left + (b * group) + (group * 0.1) + (m * bar)));
                    xml.WriteAttributeString("y", F(Math.Min(y0, y1)));
                    xml.WriteAttributeString("width", F(bar));
                    xml.WriteAttributeString("height", F(Math.Abs(y1 - y0)));
                    xml.WriteAttributeString("data-value", R(v));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            Legend(xml, [.. models.Select(m => m.Name)], null);
        });
    }

    private static string CurveChart(string title, string yLabel, string scoreName, List<(string Name, UpliftCurve Curve, double Score)> curves, UpliftCurve perfect)
    {
        double maxX = perfect.X[^1], minY = 0, maxY = 0;
        foreach (UpliftCurve c in curves.Select(c => c.Curve).Append(perfect))
        {
            foreach (double y in c.Y)
            {
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }
        }

        (minY, maxY) = Pad(minY, maxY);
        return Document(title, "Rows targeted (best predicted uplift first)", yLabel, 0, maxX, minY, maxY, 0, (xml, sx, sy) =>
        {
            // Data units inside: x rows, y the curve value; the transform maps them onto the plot area.
            double a = (Width - Left - Right) / maxX, d = -(Height - Top - Bottom) / (maxY - minY);
            xml.WriteStartElement("g");
            xml.WriteAttributeString("transform", $"matrix({R(a)} 0 0 {R(d)} {R(Left)} {R(Height - Bottom - (d * -minY))})");
            xml.WriteAttributeString("fill", "none");
            Line(xml, "perfect", "perfect", perfect, "#444444", "6 4");
            Line(xml, "random", "random", new UpliftCurve([0, perfect.X[^1]], [0, curves.Count > 0 ? curves[0].Curve.Y[^1] : perfect.Y[^1]]), "#999999", "2 3");
            for (int m = 0; m < curves.Count; m++)
            {
                Line(xml, "model", curves[m].Name, curves[m].Curve, Palette[m % Palette.Length], null);
            }

            xml.WriteEndElement();
            Legend(xml, [.. curves.Select(c => $"{c.Name} ({scoreName} {c.Score.ToString("0.0000", CultureInfo.InvariantCulture)})")], ["perfect", "random"]);
        });
    }

    private static void Line(XmlWriter xml, string kind, string name, UpliftCurve curve, string color, string? dash)
    {
        StringBuilder points = new(curve.X.Length * 16);
        for (int i = 0; i < curve.X.Length; i++)
        {
            points.Append(i == 0 ? string.Empty : " ").Append(R(curve.X[i])).Append(',').Append(R(curve.Y[i]));
        }

        xml.WriteStartElement("polyline");
        xml.WriteAttributeString("class", kind);
        xml.WriteAttributeString("data-model", name);
        xml.WriteAttributeString("stroke", color);
        xml.WriteAttributeString("stroke-width", "2");
        xml.WriteAttributeString("vector-effect", "non-scaling-stroke");
        if (dash is not null)
        {
            xml.WriteAttributeString("stroke-dasharray", dash);
        }

        xml.WriteAttributeString("points", points.ToString());
        xml.WriteEndElement();
    }

    private static void Legend(XmlWriter xml, IReadOnlyList<string> models, IReadOnlyList<string>? references)
    {
        double x = Width - Right + 16, y = Top + 10;
        for (int i = 0; i < models.Count + (references?.Count ?? 0); i++)
        {
            bool model = i < models.Count;
            string text = model ? models[i] : references![i - models.Count];
            string color = model ? Palette[i % Palette.Length] : i == models.Count ? "#444444" : "#999999";
            xml.WriteStartElement("line");
            xml.WriteAttributeString("x1", F(x));
            xml.WriteAttributeString("x2", F(x + 20));
            xml.WriteAttributeString("y1", F(y));
            xml.WriteAttributeString("y2", F(y));
            xml.WriteAttributeString("stroke", color);
            xml.WriteAttributeString("stroke-width", "3");
            xml.WriteEndElement();
            Text(xml, x + 26, y + 4, text, "start", 11);
            y += 18;
        }
    }

    private static string Document(string title, string xLabel, string yLabel, double minX, double maxX, double minY, double maxY, int categories, Action<XmlWriter, Func<double, double>, Func<double, double>> body)
    {
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double Sx(double x) => Left + ((x - minX) / (maxX - minX) * plotW);
        double Sy(double y) => Height - Bottom - ((y - minY) / (maxY - minY) * plotH);
        StringBuilder text = new();
        using (XmlWriter xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            xml.WriteAttributeString("width", F(Width));
            xml.WriteAttributeString("height", F(Height));
            xml.WriteAttributeString("viewBox", $"0 0 {F(Width)} {F(Height)}");
            xml.WriteAttributeString("font-family", "sans-serif");
            xml.WriteAttributeString("role", "img");
            xml.WriteElementString("title", title);
            xml.WriteStartElement("rect");
            xml.WriteAttributeString("width", F(Width));
            xml.WriteAttributeString("height", F(Height));
            xml.WriteAttributeString("fill", "white");
            xml.WriteEndElement();
            Text(xml, Width / 2, 24, title, "middle", 16);
            Text(xml, Left + (plotW / 2), Height - 16, xLabel, "middle", 12);
            xml.WriteStartElement("text");
            xml.WriteAttributeString("transform", $"translate(18 {F(Top + (plotH / 2))}) rotate(-90)");
            xml.WriteAttributeString("text-anchor", "middle");
            xml.WriteAttributeString("font-size", "12");
            xml.WriteString(yLabel);
            xml.WriteEndElement();

            // Axes, grid and ticks.
            xml.WriteStartElement("g");
            xml.WriteAttributeString("class", "axes");
            xml.WriteAttributeString("stroke", "#cccccc");
            for (int i = 0; i <= 5; i++)
            {
                double v = minY + ((maxY - minY) * i / 5);
                Segment(xml, Left, Sy(v), Left + plotW, Sy(v));
                Text(xml, Left - 6, Sy(v) + 4, Tick(v), "end", 10);
            }

            int xticks = categories > 0 ? categories : 5;
            for (int i = 0; i <= xticks; i++)
            {
                if (categories > 0 && i == categories)
                {
                    break;
                }

                double v = categories > 0 ? i + 0.5 : minX + ((maxX - minX) * i / xticks);
                Text(xml, Sx(v), Height - Bottom + 16, categories > 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : Tick(v), "middle", 10);
            }

            Segment(xml, Left, Sy(Math.Clamp(0, minY, maxY)), Left + plotW, Sy(Math.Clamp(0, minY, maxY)));
            xml.WriteEndElement();
            body(xml, Sx, Sy);
            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static void Segment(XmlWriter xml, double x1, double y1, double x2, double y2)
    {
        xml.WriteStartElement("line");
        xml.WriteAttributeString("x1", F(x1));
        xml.WriteAttributeString("y1", F(y1));
        xml.WriteAttributeString("x2", F(x2));
        xml.WriteAttributeString("y2", F(y2));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, double x, double y, string value, string anchor, int size)
    {
        xml.WriteStartElement("text");
        xml.WriteAttributeString("x", F(x));
        xml.WriteAttributeString("y", F(y));
        xml.WriteAttributeString("text-anchor", anchor);
        xml.WriteAttributeString("font-size", size.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("fill", "#222222");
        xml.WriteAttributeString("stroke", "none");
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static (double Min, double Max) Pad(double min, double max)
    {
        double span = max - min;
        if (!(span > 0))
        {
            return (min - 1, max + 1);
        }

        return (min - (span * 0.05), max + (span * 0.05));
    }

    private static string Tick(double v) => Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
