using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Issue 17's latency bars in one timed process over the ask evaluation sets: the rules path's parse+compile per
/// question (mean of many runs; bar 200 us) and a whole answer per question on a store (median of three runs after a
/// warm-up; bar 500 ms), with an anchor query (SUM of the order values) timed in the same run.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- ask-scale DB.duckdb EVAL.jsonl [EVAL2.jsonl ...]
/// The store is opened as given: point it at a copy of a shared database. ASK_SCALE_SQL=1 prints the SQL of the slow answers;
/// ASK_SCALE_DUMP=FILE writes every question's reading and SQL (ASK_SCALE_DUMP_ONLY=1: only that; the campaign names are read in
/// name order, so two builds' dumps compare exactly). ASK_SCALE_PARSE_ONLY=1 stops after the parse+compile figures (for a profiler). ASK_SCALE_RUNS=N times N runs per question
/// instead of 400 (a quicker look while working); ASK_SCALE_ALLOC=N lists the N questions that allocate the most; ASK_SCALE_TIMES=FILE writes every question's time and allocations. The parse+compile line also gives the bytes allocated per question (the
/// same on any load, unlike the times) and the process CPU time of the timed runs.
/// </summary>
internal static class AskScale
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string database, IReadOnlyList<string> files)
    {
        List<string> questions = [];
        foreach (string file in files)
        {
            foreach (string line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using JsonDocument document = JsonDocument.Parse(line);
                questions.Add(document.RootElement.GetProperty("question").GetString()!);
            }
        }

        SemanticLayer layer = new(HomeFurnishingProfile.Load());
        DuckDBDataStore store = new(database);
        IReadOnlyList<string> campaigns = [.. (await store.QueryAsync(new SqlStatement("SELECT DISTINCT campaign_name FROM campaign_history ORDER BY campaign_name"))).Rows.Select(r => (string)r[0]!)];
        AetherSegmentOptions thresholds = new() { HighValueThreshold = 0.7, LowValueThreshold = 0.4, ChurnRiskThreshold = 0.6 };

        // Parse + compile: every question the rules answer (a declined question stops at the parse, which is timed too).
        // One pass over every question first, so the shared parser and compiler code is jitted at its final tier before
        // any question is timed (a long-lived host's steady state); without it the first questions timed ran partly on
        // tier-0 code and were the slowest in every build. ASK_SCALE_DUMP_ONLY=1 (with ASK_SCALE_DUMP) writes the dump and
        // stops, without the warm-up or any timing (a reading is the same at any tier).
        bool dumpOnly = Environment.GetEnvironmentVariable("ASK_SCALE_DUMP_ONLY") == "1";
        for (int pass = 0; pass < (dumpOnly ? 0 : 40); pass++)
        {
            foreach (string question in questions)
            {
                ParseAndCompile(question, layer, campaigns, thresholds);
            }
        }

        // ASK_SCALE_DUMP=FILE writes each question's reading and compiled SQL with its parameters (one line each), so two
        // builds can be compared for identical readings (a parse speed change must change none).
        if (Environment.GetEnvironmentVariable("ASK_SCALE_DUMP") is { Length: > 0 } dump)
        {
            await using StreamWriter writer = new(dump);
            foreach (string question in questions)
            {
                QuestionParser.ForgetRecentReadings();
                ParsedQuestion parsed = QuestionParser.Parse(question, layer, campaigns);
                CompiledQuery? compiledQuery = parsed.Query is { } query ? AnalyticsCompiler.Compile(query, layer, SqlDialect.DuckDB, thresholds, query.Time?.Resolve(AsOf), 1000, out _) : null;
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { question, parsed = parsed.ToString(), query = parsed.Query?.ToString(), partial = parsed.Partial?.ToString(), sql = compiledQuery?.Statement.Sql, parameters = compiledQuery?.Statement.Parameters.Select(p => p.ToString()).ToList() }));
            }

            if (dumpOnly)
            {
                return 0;
            }
        }

        List<double> parseMicros = [];
        List<double> parseBytes = [];
        int compiled = 0;
        int timedRuns = int.TryParse(Environment.GetEnvironmentVariable("ASK_SCALE_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int said) && said > 0 ? said : 400;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (string question in questions)
        {
            for (int i = 0; i < 50; i++)
            {
                ParseAndCompile(question, layer, campaigns, thresholds);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            bool any = false;
            for (int i = 0; i < timedRuns; i++)
            {
                any = ParseAndCompile(question, layer, campaigns, thresholds);
            }

            compiled += any ? 1 : 0;
            parseMicros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / timedRuns);
            parseBytes.Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)timedRuns);
        }

        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        // Every question over the parse+compile bar, slowest first.
        foreach ((string question, double micros) in questions.Zip(parseMicros).Where(p => p.Second > 200).OrderByDescending(p => p.Second))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {micros,8:0.0} us  {question}"));
        }

        // ASK_SCALE_TIMES=FILE writes each question's mean time and allocations per parse+compile (tab-separated), so runs of
        // two builds can be compared question by question (beside an anchor question timed in the same run).
        if (Environment.GetEnvironmentVariable("ASK_SCALE_TIMES") is { Length: > 0 } times)
        {
            await File.WriteAllLinesAsync(times, questions.Select((q, i) => string.Create(CultureInfo.InvariantCulture, $"{parseMicros[i]:0.0}\t{parseBytes[i] / 1024:0.0}\t{q}")));
        }

        // ASK_SCALE_ALLOC=N lists the N questions that allocate the most per parse+compile (the same on any load, unlike the
        // times: a loaded machine's slowest list is mostly the questions that waited for a core).
        if (int.TryParse(Environment.GetEnvironmentVariable("ASK_SCALE_ALLOC"), NumberStyles.None, CultureInfo.InvariantCulture, out int most) && most > 0)
        {
            foreach ((string question, double bytes) in questions.Zip(parseBytes).OrderByDescending(p => p.Second).Take(most))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024,8:0.0} KB  {question}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse+compile: {questions.Count} questions ({compiled} compiled), per question mean us: median {Median(parseMicros):0.0}, p95 {Percentile(parseMicros, 0.95):0.0}, max {parseMicros.Max():0.0}; over 200 us: {parseMicros.Count(m => m > 200)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse+compile allocations per question KB: median {Median(parseBytes) / 1024:0.0}, p95 {Percentile(parseBytes, 0.95) / 1024:0.0}, max {parseBytes.Max() / 1024:0.0}, mean {parseBytes.Average() / 1024:0.0}; process CPU of the timed runs {cpu.TotalSeconds:0.0} s ({timedRuns} runs per question, {cpu.TotalMicroseconds / (timedRuns + 50.0) / questions.Count:0.0} us per parse)"));

        if (Environment.GetEnvironmentVariable("ASK_SCALE_PARSE_ONLY") == "1")
        {
            return 0;
        }

        AnalyticsService service = new(layer, store, Options.Create(new AetherSegmentOptions()), Options.Create(new AnalyticsOptions()), TimeProvider.System, [], [], NullLogger<AnalyticsService>.Instance);
        double anchor = await TimeAsync(() => store.QueryAsync(new SqlStatement("SELECT SUM(order_value) FROM transactions")));
        List<(string Question, double Ms, string? Sql)> answers = [];
        List<string> timedOut = [];
        foreach (string question in questions)
        {
            AnalyticsAnswer first;
            try
            {
                first = await service.AskAsync(question);
            }
            catch (AetherSegmentInputException)
            {
                continue;
            }
            catch (DataStoreException)
            {
                // Past the analytics timeout (a starved machine, or a slow answer): recorded and counted over the bar,
                // and the run goes on.
                timedOut.Add(question);
                continue;
            }

            if (first.Status != AnalyticsAnswerStatus.Answered)
            {
                continue;
            }

            List<double> runs = [];
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    runs.Add(await TimeAsync(() => service.AskAsync(question)));
                }
            }
            catch (DataStoreException)
            {
                timedOut.Add(question);
                continue;
            }

            answers.Add((question, Median(runs), first.Sql));
        }

        List<double> ms = [.. answers.Select(a => a.Ms)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answers: {answers.Count} answered questions, per question median of 3 runs ms: median {Median(ms):0.0}, p95 {Percentile(ms, 0.95):0.0}, max {ms.Max():0.0}; anchor SUM(order_value) {anchor:0.0} ms"));
        // Every answered question over the bar (at least the eight slowest), slowest first, so the slow ones can be sorted by kind; then
        // the questions that passed the analytics timeout.
        int listed = Math.Max(8, ms.Count(m => m > 500));
        bool showSql = Environment.GetEnvironmentVariable("ASK_SCALE_SQL") == "1";
        foreach ((string question, double time, string? sql) in answers.OrderByDescending(a => a.Ms).Take(listed))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {time,8:0.0} ms  {question}"));
            if (showSql)
            {
                Console.WriteLine("      " + sql?.Replace("\n", "\n      ", StringComparison.Ordinal));
            }
        }

        foreach (string question in timedOut)
        {
            Console.WriteLine($"  timed out  {question}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"over 500 ms: {ms.Count(m => m > 500) + timedOut.Count} ({timedOut.Count} past the analytics timeout)"));
        return 0;
    }

    private static bool ParseAndCompile(string question, SemanticLayer layer, IReadOnlyList<string> campaigns, AetherSegmentOptions thresholds)
    {
        // Every run reads the question from scratch: the parser keeps its last readings per thread (for the readings
        // within one question), which would make every run after the first a lookup.
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion parsed = QuestionParser.Parse(question, layer, campaigns);
        return parsed.Query is { } query && AnalyticsCompiler.Compile(query, layer, SqlDialect.DuckDB, thresholds, query.Time?.Resolve(AsOf), 1000, out _) is not null;
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        long start = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        List<double> sorted = [.. values.Order()];
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
