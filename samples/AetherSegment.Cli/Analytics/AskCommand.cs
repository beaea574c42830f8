using System.CommandLine;
using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AetherSegment.Cli.Analytics;

/// <summary><c>aether ask "&lt;question&gt;"</c>: answers a question about the customer data with read-only SQL.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        Argument<string?> question = new("question") { Description = "The question in plain English, e.g. \"revenue by country last month\".", Arity = ArgumentArity.ZeroOrOne };
        Option<string?> eval = new("--eval")
        {
            Description = "Score the answers against a JSONL file of {group, question, truth} (truth: SQL computing the answer, or null when the question must be declined).",
        };
        Command command = new("ask", "Conversational analytics: answer a question about the customer data; prints {answer, restatement, sql, parameters, rows, chart}, or scores --eval FILE.")
        {
            question,
            eval,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? text = parseResult.GetValue(question);
            string? evalFile = parseResult.GetValue(eval);
            if (text is not null && evalFile is not null)
            {
                throw new CliInputException("ask takes a question or --eval FILE, not both.");
            }

            if (evalFile is not null)
            {
                IReadOnlyList<LabelledQuestion> questions = AskEvaluator.ReadFile(evalFile);
                await using ServiceProvider evalServices = CliHost.BuildServices(parseResult);
                AskEvalReport report = await AskEvaluator.EvaluateAsync(
                    evalServices.GetRequiredService<IAnalyticsService>(), evalServices.GetRequiredService<AetherSegment.Data.IDataStore>(), questions, cancellationToken).ConfigureAwait(false);
                CliConsole.WriteJson(report);
                return CliExit.Ok;
            }

            text ??= "";
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            IAnalyticsService analytics = services.GetRequiredService<IAnalyticsService>();
            AnalyticsAnswer answer = await analytics.AskAsync(text, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(CliOptions.Format) == "table")
            {
                WriteTable(answer);
            }
            else
            {
                CliConsole.WriteJson(answer);
            }

            return CliExit.Ok;
        });
        return command;
    }

    private static void WriteTable(AnalyticsAnswer answer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(CliConsole.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.WriteLine(answer.Answer);
        if (answer.Restatement is not null)
        {
            console.WriteLine(answer.Restatement);
        }

        foreach (string warning in answer.Warnings)
        {
            console.WriteLine("note: " + warning);
        }

        if (answer.Columns.Count > 0)
        {
            Table table = new();
            foreach (string column in answer.Columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
            {
                table.AddRow([.. answer.Columns.Select(c => Markup.Escape(AnswerText(row[c])))]);
            }

            console.Write(table);
        }

        if (answer.Sql is not null)
        {
            console.WriteLine(answer.Sql);
        }
    }

    private static string AnswerText(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
