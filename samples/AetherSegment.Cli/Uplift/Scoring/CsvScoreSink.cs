using nietras.SeparatedValues;

namespace AetherSegment.Cli.Uplift.Scoring;

/// <summary>Writes the id columns and <c>uplift</c> as CSV with Sep (fields quoted when needed; uplift as shortest round-trip text).</summary>
internal sealed class CsvScoreSink : IScoreSink
{
    private readonly SepWriter _writer;
    private readonly string[] _idNames;
    private readonly bool _header;
    private bool _wroteAny;

    public CsvScoreSink(string path, IReadOnlyList<string> idNames)
    {
        _idNames = [.. idNames];
        _writer = Sep.New(',').Writer(o => o with { Escape = true }).To(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        _header = true;
    }

    public void Write(ScoreChunk chunk, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        for (int i = 0; i < chunk.Rows; i++)
        {
#pragma warning disable CA2016 // Sep's NewRow(token) is for asynchronous rows; these rows are written synchronously (the token is checked per chunk).
            using SepWriter.Row row = _writer.NewRow();
#pragma warning restore CA2016
            for (int k = 0; k < _idNames.Length; k++)
            {
                row[_idNames[k]].Set(chunk.Ids[k][i]);
            }

            row["uplift"].Format(chunk.Uplift[i]);
        }

        _wroteAny |= chunk.Rows > 0;
    }

    public void Complete(CancellationToken cancellationToken)
    {
        if (!_wroteAny && _header)
        {
            // No data rows: Sep writes the header with the first row, so write it here.
            _writer.Header.Add([.. _idNames, "uplift"]);
            _writer.Header.Write();
        }

        cancellationToken.ThrowIfCancellationRequested();
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
