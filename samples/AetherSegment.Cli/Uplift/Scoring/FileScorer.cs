using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using AetherSegment.Uplift;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>
/// Scores a file with a model as a three-stage pipeline: parse a chunk, score it (the model's vector scorer, in parallel
/// over blocks of rows), write it, each stage on its own task with at most two chunks queued between stages, so memory
/// holds a handful of chunks whatever the file's size and the output keeps the input's order.
/// </summary>
/// <remarks>
/// The output is written to a temporary file beside the target and renamed over it only when every row was scored: a
/// bad row, a truncated file or a cancellation leaves no partial output behind.
/// </remarks>
internal static class FileScorer
{
    /// <summary>The default rows per chunk.</summary>
    public const int DefaultChunkRows = 1 << 16;

    public static ScoreStages Score(IUpliftModel model, int treatment, string dataPath, string outPath, IReadOnlyList<string> idColumns, int chunkRows, CancellationToken cancellationToken)
    {
        if (!File.Exists(dataPath))
        {
            throw new AetherSegmentInputException("--data", $"Data file '{dataPath}' does not exist.");
        }

        ScoreInput input = new(model, idColumns, chunkRows);
        IReadOnlyList<string>?[] levels = new IReadOnlyList<string>?[model.Features.Count];
        for (int j = 0; j < levels.Length; j++)
        {
            levels[j] = model.GetFeatureLevels(j);
        }

        string fullOut = Path.GetFullPath(outPath);
        string temp = Path.Combine(Path.GetDirectoryName(fullOut)!, $".{Path.GetFileName(fullOut)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (IScoreSource source = OpenSource(input, dataPath))
            using (IScoreSink sink = IsParquet(outPath) ? new ParquetScoreSink(temp, idColumns) : new CsvScoreSink(temp, idColumns))
            {
                ScoreStages stages = Run(model, treatment, levels, source, sink, cancellationToken);
                File.Move(temp, fullOut, overwrite: true);
                return stages;
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private static IScoreSource OpenSource(ScoreInput input, string path) =>
        IsParquet(path) ? ParquetScoreSource.OpenAsync(input, path, CancellationToken.None).GetAwaiter().GetResult() : CsvScoreSource.Open(input, path);

    /// <summary>
    /// Reads and writes on dedicated threads (they block on I/O and on each other) and scores on the calling thread,
    /// whose <see cref="IUpliftModel.Predict(UpliftDataset, int, Span{double})"/> spreads blocks over the thread pool.
    /// </summary>
    private static ScoreStages Run(IUpliftModel model, int treatment, IReadOnlyList<string>?[] levels, IScoreSource source, IScoreSink sink, CancellationToken cancellationToken)
    {
        using CancellationTokenSource failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = failed.Token;
        using BlockingCollection<ScoreChunk> parsed = new(2);
        using BlockingCollection<ScoreChunk> scored = new(2);
        long written = 0;
        TimeSpan reading = default, scoring = default, writing = default;
        Task read = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    long start = Stopwatch.GetTimestamp();
                    while (source.Read(token) is { } chunk)
                    {
                        reading += Stopwatch.GetElapsedTime(start);
                        parsed.Add(chunk, token);
                        start = Stopwatch.GetTimestamp();
                    }
                }
                catch
                {
                    failed.Cancel();
                    throw;
                }
                finally
                {
                    parsed.CompleteAdding();
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task write = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (ScoreChunk chunk in scored.GetConsumingEnumerable(token))
                    {
                        long start = Stopwatch.GetTimestamp();
                        sink.Write(chunk, token);
                        writing += Stopwatch.GetElapsedTime(start);
                        written += chunk.Rows;
                    }

                    sink.Complete(token);
                }
                catch
                {
                    failed.Cancel();
                    throw;
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task score = Task.CompletedTask;
        try
        {
            foreach (ScoreChunk chunk in parsed.GetConsumingEnumerable(token))
            {
                long start = Stopwatch.GetTimestamp();
                UpliftDataset rows = new(chunk.Rows);
                for (int j = 0; j < levels.Length; j++)
                {
                    if (levels[j] is { } names)
                    {
                        rows.AddCategorical(model.Features[j], chunk.Features[j], names);
                    }
                    else
                    {
                        rows.AddNumeric(model.Features[j], chunk.Features[j]);
                    }
                }

                model.Predict(rows, treatment, chunk.Uplift);
                scoring += Stopwatch.GetElapsedTime(start);
                scored.Add(chunk, token);
            }
        }
        catch (Exception ex)
        {
            score = Task.FromException(ex);
            failed.Cancel();
        }
        finally
        {
            scored.CompleteAdding();
        }

        try
        {
            Task.WaitAll(read, score, write);
        }
        catch (AggregateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The stage that failed first (in pipeline order) carries the user's error, not the cancellations it caused.
            foreach (Task stage in new[] { read, score, write })
            {
                if (stage.Exception?.InnerException is { } cause and not OperationCanceledException)
                {
                    ExceptionDispatchInfo.Throw(cause);
                }
            }

            throw;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ScoreStages(written, reading, scoring, writing);
    }
}
