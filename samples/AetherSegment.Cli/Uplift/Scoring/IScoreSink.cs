namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>Writes scored chunks, in order, to a (temporary) output file. Not thread-safe: one thread drives it.</summary>
internal interface IScoreSink : IDisposable
{
    void Write(ScoreChunk chunk, CancellationToken cancellationToken);

    /// <summary>Flushes everything; the file is complete after this.</summary>
    void Complete(CancellationToken cancellationToken);
}
