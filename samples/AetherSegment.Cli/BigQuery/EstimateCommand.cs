using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.BigQuery;
using AetherSegment.Cli.Segments;
using AetherSegment.Data;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AetherSegment.Cli.BigQuery;

/// <summary>
/// <c>aether bigquery estimate</c>: dry-runs every statement the product issues for a set of objectives (segment
/// create, preview, trigger ranking) and analytics questions, and reports the bytes each call would process and be
/// billed, with its on-demand cost, at the data's current size. Nothing runs and nothing is billed.
/// </summary>
internal static class EstimateCommand
{
    /// <summary>The on-demand price per TiB billed (US multi-region, https://cloud.google.com/bigquery/pricing).</summary>
    public const double DefaultPricePerTebibyte = 6.25;

    /// <summary>Questions the rule-based analytics answers, one per kind of table they read.</summary>
    public static readonly string[] DefaultQuestions =
    [
        "How many customers do we have in Canada?",
        "Revenue by country last month",
        "Which city has the most abandoned carts?",
        "Sessions by device",
        "Average churn probability by country",
    ];

    public static Command Create()
    {
        Option<string[]> objectives = new("--objective") { Description = "An objective in plain English or as Campaign Objective JSON (repeatable)." };
        Option<string?> file = new("--objectives") { Description = "A JSON Lines file of objectives ({\"id\", \"objective\"} per line, as shared/examples/objectives.jsonl)." };
        Option<string[]> questions = new("--question") { Description = "An analytics question (repeatable; default: five example questions)." };
        Option<double> price = new("--price-per-tib")
        {
            Description = $"On-demand US dollars per TiB billed (default {DefaultPricePerTebibyte.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => DefaultPricePerTebibyte,
        };
        Command command = new("estimate", "Dry-run every statement the product issues for the objectives and report bytes billed and on-demand cost per call.")
        {
            objectives, file, questions, price,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            double pricePerTib = parseResult.GetValue(price);
            if (!double.IsFinite(pricePerTib) || pricePerTib <= 0)
            {
                throw new CliInputException($"--price-per-tib must be a positive number of US dollars (got {pricePerTib.ToString(CultureInfo.InvariantCulture)}).");
            }

            List<(string Id, string Text)> subjects = ReadObjectives(parseResult.GetValue(objectives) ?? [], parseResult.GetValue(file));
            string[] asked = parseResult.GetValue(questions) is { Length: > 0 } q ? q : DefaultQuestions;
            DryRunStore? store = null;
            await using ServiceProvider services = CliHost.BuildServices(parseResult, configure: s => s.AddSingleton<IDataStore>(sp =>
                store = new DryRunStore(sp.GetService<IBigQueryDryRun>()
                    ?? throw new CliInputException("aether bigquery estimate needs the BigQuery store: pass --store bigquery (and AetherSegment:BigQuery:ProjectId)."))));
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            DryRunStore recorder = store ?? (DryRunStore)services.GetRequiredService<IDataStore>();
            ITriggerRanker? ranker = services.GetService<ITriggerRanker>();
            IAnalyticsService analytics = services.GetRequiredService<IAnalyticsService>();

            foreach ((string id, string text) in subjects)
            {
                recorder.Call = $"segment create|{id}";
                CampaignObjective objective = await SegmentArguments.ReadObjectiveAsync(services, text, cancellationToken).ConfigureAwait(false);
                SegmentDefinition definition = await engine.DefineAsync(objective, SegmentRequests.TriggerOrSuggested(null, objective), null, cancellationToken: cancellationToken).ConfigureAwait(false);
                SqlStatement members = engine.CompileMembers(definition, SqlDialect.BigQuery);

                // segment create runs INSERT INTO segment_members ... SELECT (this), which reads what the SELECT reads.
                await recorder.RecordAsync(members, cancellationToken).ConfigureAwait(false);
                recorder.Call = $"preview|{id}";
                await engine.PreviewAsync(definition, cancellationToken).ConfigureAwait(false);
                if (ranker is not null)
                {
                    recorder.Call = $"ranking|{id}";
                    await ranker.RankAsync(members, definition.AsOf, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (string question in asked)
            {
                recorder.Call = $"analytics|{question}";
                await analytics.AskAsync(question, cancellationToken).ConfigureAwait(false);
            }

            CostReport report = Report(recorder.Records, pricePerTib);
            if (parseResult.GetValue(CliOptions.Format) == "table")
            {
                WriteTable(report);
            }
            else
            {
                CliConsole.WriteJson(report);
            }

            return CliExit.Ok;
        });
        return command;
    }

    private static List<(string Id, string Text)> ReadObjectives(string[] texts, string? file)
    {
        List<(string, string)> subjects = [];
        for (int i = 0; i < texts.Length; i++)
        {
            subjects.Add(($"objective-{i + 1}", texts[i]));
        }

        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliInputException($"--objectives: file '{file}' does not exist.");
            }

            int line = 0;
            foreach (string text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                try
                {
                    using JsonDocument document = JsonDocument.Parse(text);
                    JsonElement root = document.RootElement;
                    string objective = root.TryGetProperty("objective", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString()!
                        : throw new CliInputException($"--objectives: line {line} of '{file}' has no \"objective\" string.");
                    string id = root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"line-{line}";
                    subjects.Add((id, objective));
                }
                catch (JsonException ex)
                {
                    throw new CliInputException($"--objectives: line {line} of '{file}' is not JSON ({ex.Message.ReplaceLineEndings(" ")}).", ex);
                }
            }
        }

        return subjects.Count > 0
            ? subjects
            : throw new CliInputException("Give at least one --objective or an --objectives file.");
    }

    private static CostReport Report(IReadOnlyList<(string Call, SqlStatement Statement, BigQueryQueryCost Cost)> records, double pricePerTib)
    {
        List<CallCost> calls = [];
        foreach (IGrouping<string, (string Call, SqlStatement Statement, BigQueryQueryCost Cost)> group in records.GroupBy(r => r.Call))
        {
            string[] parts = group.Key.Split('|', 2);
            List<StatementCost> statements = [.. group.Select(r => new StatementCost(
                FirstLine(r.Statement.Sql), r.Cost.BytesProcessed, r.Cost.BytesBilled, r.Cost.ReferencedTables, r.Cost.Cost(pricePerTib)))];
            calls.Add(new CallCost(parts[0], parts[1], statements.Count, statements.Sum(s => s.BytesProcessed), statements.Sum(s => s.BytesBilled),
                statements.Sum(s => s.CostUsd), statements));
        }

        List<CallKindCost> kinds = [.. calls.GroupBy(c => c.Call).Select(g => new CallKindCost(g.Key, g.Count(),
            g.Max(c => c.BytesBilled), (long)g.Average(c => c.BytesBilled), g.Max(c => c.CostUsd)))];
        return new CostReport(pricePerTib, kinds, calls);
    }

    private static string FirstLine(string sql)
    {
        string line = sql.TrimStart().Split('\n', 2)[0].Trim();
        return line.Length <= 100 ? line : line[..100] + "...";
    }

    private static void WriteTable(CostReport report)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(CliConsole.Out),
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        Table table = new Table().AddColumn("call").AddColumn("subject").AddColumn(new TableColumn("statements").RightAligned())
            .AddColumn(new TableColumn("MB processed").RightAligned()).AddColumn(new TableColumn("MB billed").RightAligned()).AddColumn(new TableColumn("USD").RightAligned());
        foreach (CallCost call in report.Calls)
        {
            table.AddRow(Markup.Escape(call.Call), Markup.Escape(call.Subject), call.Statements.ToString(CultureInfo.InvariantCulture),
                Megabytes(call.BytesProcessed), Megabytes(call.BytesBilled), call.CostUsd.ToString("0.000000", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"On-demand price: ${report.PricePerTibUsd} per TiB billed; MB = 2^20 bytes."));
    }

    private static string Megabytes(long bytes) => ((double)bytes / BigQueryQueryCost.Megabyte).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The estimate: per call kind the largest and mean bill, and every call with its statements.</summary>
    internal sealed record CostReport(double PricePerTibUsd, IReadOnlyList<CallKindCost> Totals, IReadOnlyList<CallCost> Calls);

    /// <summary>One kind of call (segment create, preview, ranking, analytics) over its subjects.</summary>
    internal sealed record CallKindCost(string Call, int Count, long MaxBytesBilled, long MeanBytesBilled, double MaxCostUsd);

    /// <summary>One call of the product (for one objective or question) and the statements it issues.</summary>
    internal sealed record CallCost(string Call, string Subject, int Statements, long BytesProcessed, long BytesBilled, double CostUsd, IReadOnlyList<StatementCost> Detail);

    /// <summary>One statement's dry run.</summary>
    internal sealed record StatementCost(string Sql, long BytesProcessed, long BytesBilled, IReadOnlyList<string> ReferencedTables, double CostUsd);
}
