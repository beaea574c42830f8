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
        Argument<string> question = new("question") { Description = "The question in plain English, e.g. \"revenue by country last month\"." };
        Command command = new("ask", "Conversational analytics: answer a question about the customer data; prints {answer, sql, parameters, rows, chart}.")
        {
            question,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string text = parseResult.GetValue(question) ?? "";
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
