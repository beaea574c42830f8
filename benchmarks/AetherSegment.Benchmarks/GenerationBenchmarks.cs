using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using BenchmarkDotNet.Attributes;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Synthetic data generation: the generator alone (rows handed to a sink that only counts them) and the full load into
/// a fresh DuckDB file through the appender (temp file, checkpoint, move into place).
/// <c>dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Generation*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SyntheticDataGenerator _generator = new();
    private string _folder = "";

    /// <summary>Customers per run.</summary>
    [Params(10_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "aether-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "generate only (counting sink)")]
    public async Task<long> GenerateOnly()
    {
        GenerationSummary summary = await _generator.GenerateAsync(new CountingSink(), new GenerationRequest { Customers = Customers, AsOf = AsOf });
        return summary.TotalRows;
    }

    [Benchmark(Description = "generate into DuckDB (appender)")]
    public async Task<long> GenerateIntoDuckDB()
    {
        string path = Path.Combine(_folder, "bench.duckdb");
        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: true);
        GenerationSummary summary = await _generator.GenerateAsync(sink, new GenerationRequest { Customers = Customers, AsOf = AsOf });
        return summary.TotalRows;
    }

    private sealed class CountingSink : IDataSink
    {
        public string Destination => "counting";

        public ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<ITableWriter>(new CountingWriter(table));

        public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class CountingWriter(TableDefinition table) : ITableWriter
    {
        public TableDefinition Table => table;

        public long RowCount { get; private set; }

        public void StartRow()
        {
        }

        public void Write(string? value)
        {
        }

        public void Write(long value)
        {
        }

        public void Write(double value)
        {
        }

        public void Write(bool value)
        {
        }

        public void Write(DateTime utc)
        {
        }

        public void WriteNull()
        {
        }

        public void EndRow() => RowCount++;

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
