using System.Diagnostics;
using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// A few questions answered on a store, each timed as the median of five runs after a warm-up, with the anchor query
/// (SUM of the order values) timed the same way in the same run: the before/after figure of one rewritten SQL shape
/// without the nine minutes of ask-scale. Prints the answer's first rows so a rewrite that changes a result shows.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- ask-time DB.duckdb "QUESTION" ["QUESTION" ...]
/// </summary>
internal static class AskTime
{
    private const int Runs = 5;

    public static async Task<int> RunAsync(string database, IReadOnlyList<string> questions)
    {
        SemanticLayer layer = new(HomeFurnishingProfile.Load());
        DuckDBDataStore store = new(database);
        AnalyticsService service = new(layer, store, Options.Create(new AetherSegmentOptions()), Options.Create(new AnalyticsOptions()), TimeProvider.System, [], [], NullLogger<AnalyticsService>.Instance);
        double anchor = await MedianAsync(() => store.QueryAsync(new SqlStatement("SELECT SUM(order_value) FROM transactions")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anchor SUM(order_value): median of {Runs} {anchor:0.0} ms"));
        foreach (string question in questions)
        {
            AnalyticsAnswer first = await service.AskAsync(question);
            double ms = await MedianAsync(() => service.AskAsync(question));
            string rows = string.Join("; ", first.Rows.Take(3).Select(r => string.Join(", ", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,8:0.0} ms  {first.Status}  {question}\n          {first.Answer}\n          rows: {rows}"));
        }

        return 0;
    }

    private static async Task<double> MedianAsync<T>(Func<Task<T>> run)
    {
        await run();
        List<double> times = [];
        for (int i = 0; i < Runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return times[Runs / 2];
    }
}
