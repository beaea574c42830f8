using Parquet;
using Parquet.Schema;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>Writes the id columns (as text) and <c>uplift</c> (double) as Parquet with Parquet.Net, one row group per chunk.</summary>
internal sealed class ParquetScoreSink : IScoreSink
{
    private readonly Stream _stream;
    private readonly DataField<string>[] _idFields;
    private readonly DataField<double> _uplift = new("uplift");
    private readonly ParquetSchema _schema;
    private ParquetWriter? _writer;

    public ParquetScoreSink(string path, IReadOnlyList<string> idNames)
    {
        _idFields = [.. idNames.Select(n => new DataField<string>(n.Trim(), true))];
        _schema = new ParquetSchema([.. _idFields, _uplift]);
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>Parquet.Net's API is asynchronous; the pipeline's writer is a dedicated thread, so it waits here.</summary>
    public void Write(ScoreChunk chunk, CancellationToken cancellationToken) => WriteAsync(chunk, cancellationToken).GetAwaiter().GetResult();

    public void Complete(CancellationToken cancellationToken) => CompleteAsync(cancellationToken).GetAwaiter().GetResult();

    public void Dispose()
    {
        _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private async Task WriteAsync(ScoreChunk chunk, CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(_schema, _stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        for (int k = 0; k < _idFields.Length; k++)
        {
            await group.WriteAsync(_idFields[k], chunk.Ids[k]).ConfigureAwait(false);
        }

        await group.WriteAsync<double>(_uplift, chunk.Uplift.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(_schema, _stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
