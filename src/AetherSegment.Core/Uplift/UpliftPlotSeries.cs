namespace AetherSegment.Uplift;

/// <summary>One model's predictions on an evaluation set, to be drawn as one line (or one set of bars) of an uplift plot.</summary>
/// <param name="Name">The legend text, usually the model's name.</param>
/// <param name="Uplift">The predicted uplift per evaluation row, in the rows' order.</param>
internal sealed record UpliftPlotSeries(string Name, double[] Uplift);
