using System.CommandLine;
using System.Text.Json;
using AetherSegment.Hosting;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary>The arguments and options the segment commands share, and how they are read.</summary>
internal static class SegmentArguments
{
    public static Argument<string> Objective() => new("objective")
    {
        Description = "The campaign objective in plain English, or a Campaign Objective Object as JSON (starting with '{').",
    };

    public static Option<string[]> Filters() => new("--filter")
    {
        Description = "A refinement key=value (repeatable): location_country, location_city, clv_min, cart_value_min, value_tier, category, product_type, acquisition_source, churn_min, ... (see docs/segments.md).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Trigger() => new("--trigger")
    {
        Description = "The trigger to build for (a trigger id of the active profile such as free_shipping_offer, or none); default: the objective's suggested trigger.",
    };

    /// <summary>Reads the objective: JSON is parsed as a Campaign Objective Object, text goes through the configured interpreter.</summary>
    public static async Task<CampaignObjective> ReadObjectiveAsync(IServiceProvider services, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliInputException("objective: the objective is empty; describe the campaign in a sentence.");
        }

        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonSerializer.Deserialize<CampaignObjective>(text, AetherSegmentJson.Options)
                    ?? throw new CliInputException("objective: the JSON is null.");
            }
            catch (JsonException ex)
            {
                throw new CliInputException($"objective: not a valid Campaign Objective Object ({ex.Message.ReplaceLineEndings(" ")}).", ex);
            }
        }

        ICampaignInterpreter interpreter = services.GetService<ICampaignInterpreter>()
            ?? throw new InvalidOperationException("No campaign interpreter is registered; pass a Campaign Objective Object as JSON instead.");
        return await interpreter.InterpretAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns <c>--filter key=value</c> options into refinement pairs (values as JSON strings; numbers are parsed by the engine).</summary>
    public static IReadOnlyList<SegmentRefinement> ReadFilters(string[]? filters)
    {
        List<KeyValuePair<string, string>> pairs = [];
        foreach (string filter in filters ?? [])
        {
            int equals = filter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliInputException($"--filter expects key=value (got '{filter}').");
            }

            string value = filter[(equals + 1)..].Trim();
            pairs.Add(new(filter[..equals].Trim(), value));
        }

        return SegmentRequests.FromText(pairs);
    }

    /// <summary>The export format a file name's extension asks for.</summary>
    public static SegmentExportFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => SegmentExportFormat.Csv,
        ".json" => SegmentExportFormat.Json,
        ".parquet" => SegmentExportFormat.Parquet,
        _ => throw new CliInputException($"--out must end in .csv, .json or .parquet (got '{path}')."),
    };

    /// <summary><c>--include-personal</c>: the member file carries names and e-mail addresses (left out by default).</summary>
    public static Option<bool> IncludePersonal() => new("--include-personal")
    {
        Description = "Write the personal columns (first_name, last_name, email) too; left out by default.",
    };

    /// <summary>Exports a stored segment to a file, replacing it only when the export succeeded.</summary>
    /// <returns>The number of members written.</returns>
    public static async Task<long> ExportToFileAsync(ISegmentEngine engine, string segmentId, string path, bool includePersonal, CancellationToken cancellationToken,
        AetherSegment.Experiments.HoldoutExport holdout = AetherSegment.Experiments.HoldoutExport.Exclude)
    {
        SegmentExportFormat format = FormatOf(path);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Environment.ProcessId;
        long? rows;
        SegmentExportOptions options = new() { IncludePersonalData = includePersonal, Holdout = holdout };
        await using (FileStream file = File.Create(temporary))
        {
            rows = await engine.ExportAsync(segmentId, format, file, options, cancellationToken).ConfigureAwait(false);
        }

        if (rows is null)
        {
            File.Delete(temporary);
            throw new CliInputException($"segment id: no segment {segmentId} in this store.");
        }

        File.Move(temporary, full, overwrite: true);
        return rows.Value;
    }
}
