using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery;
using AetherSegment.Cli.Data;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Cli.Profiles;

/// <summary>
/// <c>aether profile init [--db PATH | --store bigquery] [--out FILE.json] [--force] [--max-values N]</c>: introspects the DuckDB file
/// (or the configured BigQuery dataset) and
/// writes a draft profile (docs/profile.md) with a top-level <c>_guesses</c> array naming each guess by its JSON path.
/// </summary>
internal static class ProfileInitCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        Option<string?> output = new("--out") { Description = "Write the draft to this file (default: stdout)." };
        Option<bool> force = new("--force") { Description = "Replace an existing --out file." };
        Option<int> maxValues = new("--max-values") { Description = "Text columns with at most this many distinct values become catalogs (default 50).", DefaultValueFactory = _ => 50 };
        Command init = new("init", "Draft a profile by introspecting the database: tables to entities, catalogs from distinct values, guesses listed in _guesses.")
        {
            output, force, maxValues,
        };
        init.SetAction(async (parseResult, cancellationToken) =>
        {
            string? outPath = parseResult.GetValue(output);
            int max = parseResult.GetValue(maxValues);
            if (max is < 2 or > 1000)
            {
                throw new CliInputException($"--max-values must be between 2 and 1000 (got {max}).");
            }

            if (outPath is not null && File.Exists(outPath) && !parseResult.GetValue(force))
            {
                throw new CliInputException($"{outPath} already exists: pass --force to replace it.");
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISchemaSource source;
            if (services.GetService<DuckDBDataStore>() is { } duckdb)
            {
                DataCommands.RequireDatabase(services);
                source = new DuckDBSchemaSource(duckdb);
            }
            else
            {
                BigQueryOptions bigquery = services.GetRequiredService<IOptions<BigQueryOptions>>().Value;
                source = new BigQuerySchemaSource(services.GetRequiredService<IDataStore>(), bigquery.ProjectId!, bigquery.Dataset);
            }

            JsonObject draft = await new ProfileDrafter(source, max).DraftAsync(cancellationToken).ConfigureAwait(false);
            string json = draft.ToJsonString(Indented);
            if (outPath is null)
            {
                await CliConsole.Out.WriteLineAsync(json).ConfigureAwait(false);
                return CliExit.Ok;
            }

            string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new CliInputException($"--out: the folder {folder} does not exist.");
            }

            await File.WriteAllTextAsync(outPath, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(new ProfileInitSummary(
                Path.GetFullPath(outPath),
                [.. draft["entities"]!.AsObject().Select(e => e.Key)],
                draft["_guesses"]!.AsArray().Count));
            return CliExit.Ok;
        });
        return init;
    }
}

/// <summary>What <c>aether profile init --out</c> prints: the file written, the entities mapped and how many guesses to review.</summary>
/// <param name="Out">The draft profile file.</param>
/// <param name="Entities">The entities the draft maps.</param>
/// <param name="Guesses">How many guesses the draft lists in <c>_guesses</c>.</param>
internal sealed record ProfileInitSummary(string Out, IReadOnlyList<string> Entities, int Guesses);
