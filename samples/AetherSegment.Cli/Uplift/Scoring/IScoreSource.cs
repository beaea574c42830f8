namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>Reads a file to score as chunks of coded rows, in file order. Not thread-safe: one thread drives it.</summary>
internal interface IScoreSource : IDisposable
{
    /// <summary>The next chunk, or null at the end of the file.</summary>
    /// <exception cref="AetherSegmentInputException">A missing column or a bad cell, naming the row and the column.</exception>
    ScoreChunk? Read(CancellationToken cancellationToken);
}
