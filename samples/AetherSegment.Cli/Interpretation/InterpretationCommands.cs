using System.CommandLine;
using System.Globalization;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AetherSegment.Cli.Interpretation;

/// <summary>The Interpretation commands: <c>aether interpret "&lt;objective&gt;"</c> and <c>aether interpret --eval FILE.jsonl</c>.</summary>
public static class InterpretationCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [CreateInterpret()];

    private static Command CreateInterpret()
    {
        Argument<string?> objective = new("objective")
        {
            Description = "The campaign objective in plain English (at most 2,000 characters).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string?> eval = new("--eval")
        {
            Description = "Score the interpreter against a labelled JSONL file (the format of shared/examples/objectives.jsonl) and print per-field accuracy.",
        };

        Command command = new("interpret", "Print the Campaign Objective Object of an objective, or score the interpreter with --eval.")
        {
            objective,
            eval,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, parseResult.GetValue(objective), parseResult.GetValue(eval), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string? objective, string? evalFile, CancellationToken cancellationToken)
    {
        if (objective is not null && evalFile is not null)
        {
            throw new CliInputException("interpret takes an objective or --eval FILE, not both.");
        }

        if (objective is null && evalFile is null)
        {
            throw new CliInputException("interpret needs an objective (aether interpret \"<objective>\") or --eval FILE.jsonl.");
        }

        bool table = string.Equals(parseResult.GetValue(CliOptions.Format), "table", StringComparison.OrdinalIgnoreCase);
        if (evalFile is not null)
        {
            IReadOnlyList<LabelledObjective> examples = InterpretationEvaluator.ReadFile(evalFile);
            using ServiceProvider evalServices = CliHost.BuildServices(parseResult);
            ICampaignInterpreter evalInterpreter = evalServices.GetRequiredService<ICampaignInterpreter>();
            InterpretationReport report = await InterpretationEvaluator.EvaluateAsync(evalInterpreter, examples, cancellationToken).ConfigureAwait(false);
            if (table)
            {
                WriteReportTable(report);
            }
            else
            {
                CliConsole.WriteJson(report);
            }

            return CliExit.Ok;
        }

        string text = CampaignObjectiveValidator.ValidateObjectiveText(objective);
        using ServiceProvider services = CliHost.BuildServices(parseResult);
        ICampaignInterpreter interpreter = services.GetRequiredService<ICampaignInterpreter>();
        CampaignObjective result = await interpreter.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
        if (table)
        {
            WriteObjectiveTable(result);
        }
        else
        {
            CliConsole.WriteJson(result);
        }

        return CliExit.Ok;
    }

    private static IAnsiConsole StdoutConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(CliConsole.Out),
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
    });

    private static void WriteReportTable(InterpretationReport report)
    {
        IAnsiConsole console = StdoutConsole();
        Table fields = new Table().AddColumn("field").AddColumn(new TableColumn("correct").RightAligned())
            .AddColumn(new TableColumn("total").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (KeyValuePair<string, FieldAccuracy> field in report.Fields)
        {
            fields.AddRow(
                Markup.Escape(field.Key),
                field.Value.Correct.ToString(CultureInfo.InvariantCulture),
                field.Value.Total.ToString(CultureInfo.InvariantCulture),
                field.Value.Accuracy.ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(fields);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"interpreter {report.Interpreter}: {report.ExactMatches} of {report.Examples} examples exact ({report.ExactMatchRate:P1})"));
        if (report.Failures.Count > 0)
        {
            Table failures = new Table().AddColumn("id").AddColumn("field").AddColumn("expected").AddColumn("actual");
            foreach (InterpretationFailure failure in report.Failures)
            {
                failures.AddRow(Markup.Escape(failure.Id), Markup.Escape(failure.Field), Markup.Escape(failure.Expected), Markup.Escape(failure.Actual));
            }

            console.Write(failures);
        }
    }

    private static void WriteObjectiveTable(CampaignObjective result)
    {
        IAnsiConsole console = StdoutConsole();
        Table table = new Table().AddColumn("field").AddColumn("value");
        System.Text.Json.Nodes.JsonNode json = System.Text.Json.JsonSerializer.SerializeToNode(result, AetherSegmentJson.Options)!;
        AddRows(table, "", json);
        console.Write(table);
    }

    private static void AddRows(Table table, string prefix, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (KeyValuePair<string, System.Text.Json.Nodes.JsonNode?> pair in obj)
            {
                AddRows(table, prefix.Length == 0 ? pair.Key : $"{prefix}.{pair.Key}", pair.Value);
            }

            return;
        }

        table.AddRow(Markup.Escape(prefix), Markup.Escape(node?.ToJsonString(AetherSegmentJson.Options) ?? "null"));
    }
}
