namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>A block of input rows on its way through the scoring pipeline: the model's features, coded, and the id columns as text.</summary>
internal sealed class ScoreChunk
{
    public ScoreChunk(long firstRow, int rows, float[][] features, string[][] ids)
    {
        FirstRow = firstRow;
        Rows = rows;
        Features = features;
        Ids = ids;
        Uplift = new double[rows];
    }

    /// <summary>The 0-based data row (header excluded) of the chunk's first row.</summary>
    public long FirstRow { get; }

    public int Rows { get; }

    /// <summary>Per model feature, the values (numeric) or codes into the model's levels (categorical; -1 unknown, NaN missing).</summary>
    public float[][] Features { get; }

    /// <summary>Per id column, the rows' values as text.</summary>
    public string[][] Ids { get; }

    /// <summary>The predicted uplift per row, filled by the scoring stage.</summary>
    public double[] Uplift { get; }
}
