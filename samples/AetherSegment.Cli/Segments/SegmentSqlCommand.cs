using System.CommandLine;
using AetherSegment.Data;
using AetherSegment.Hosting;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether segment sql "&lt;objective&gt;"</c>: prints {sql, parameters} in a dialect.</summary>
internal static class SegmentSqlCommand
{
    public static Command Create()
    {
        Argument<string> objective = SegmentArguments.Objective();
        Option<string[]> filters = SegmentArguments.Filters();
        Option<string?> trigger = SegmentArguments.Trigger();
        Option<string> dialect = new("--dialect") { Description = "duckdb (default) or bigquery.", DefaultValueFactory = _ => "duckdb" };
        dialect.AcceptOnlyFromAmong("duckdb", "bigquery");
        Command command = new("sql", "Print the parameterized SQL that selects the segment's members.") { objective, dialect, filters, trigger };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            SegmentDefinition definition = await engine.DefineAsync(interpreted, SegmentRequests.TriggerOrSuggested(parseResult.GetValue(trigger), interpreted),
                SegmentArguments.ReadFilters(parseResult.GetValue(filters)), cancellationToken: cancellationToken).ConfigureAwait(false);
            SqlDialect sqlDialect = SqlDialect.FromName(parseResult.GetValue(dialect)) ?? SqlDialect.DuckDB;
            CliConsole.WriteJson(engine.CompileMembers(definition, sqlDialect));
            return CliExit.Ok;
        });
        return command;
    }
}
