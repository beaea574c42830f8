using System.CommandLine;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Synthetic.Generation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AetherSegment.Cli.Data;

/// <summary><c>aether generate</c>: creates the synthetic retailer in the configured store.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        Option<long> customers = new("--customers") { Description = "How many customers (default 10000).", DefaultValueFactory = _ => 10_000 };
        Option<int> seed = new("--seed") { Description = "The random seed (default 42); the same seed and as-of give the same data.", DefaultValueFactory = _ => 42 };
        Option<string?> asOf = new("--as-of") { Description = "The as-of date or time, ISO 8601 UTC (default now)." };
        Option<bool> noGroundTruth = new("--no-ground-truth") { Description = "Leave out the ground_truth_uplift table." };
        Option<bool> force = new("--force") { Description = "Replace an existing database." };
        Command command = new("generate", "Create the six tables (plus ground_truth_uplift) with synthetic retailer data.")
        {
            customers, seed, asOf, noGroundTruth, force,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            GenerationRequest request = new()
            {
                Customers = ParseCustomers(parseResult.GetValue(customers)),
                Seed = parseResult.GetValue(seed),
                AsOf = ParseAsOf(parseResult.GetValue(asOf)),
                GroundTruth = !parseResult.GetValue(noGroundTruth),
            };
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            IDataSinkFactory factory = services.GetService<IDataSinkFactory>()
                ?? throw new CliInputException("--store: the configured store has no data sink registered; use --store duckdb.");
            SyntheticDataGenerator generator = services.GetRequiredService<SyntheticDataGenerator>();
            await using IDataSink sink = await factory.CreateAsync(parseResult.GetValue(force), cancellationToken).ConfigureAwait(false);
            GenerationSummary summary = await RunWithProgressAsync(generator, sink, request, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(summary);
            return CliExit.Ok;
        });
        return command;
    }

    private static async Task<GenerationSummary> RunWithProgressAsync(SyntheticDataGenerator generator, IDataSink sink, GenerationRequest request,
        CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(CliConsole.Error, Console.Error) || Console.IsErrorRedirected)
        {
            return await generator.GenerateAsync(sink, request, null, cancellationToken).ConfigureAwait(false);
        }

        GenerationSummary? summary = null;
        await CliConsole.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask($"Generating {request.Customers:N0} customers", maxValue: request.Customers);
                SyncProgress<GenerationProgress> progress = new(p => task.Value = p.CustomersWritten);
                summary = await generator.GenerateAsync(sink, request, progress, cancellationToken).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        return summary!;
    }

    private static long ParseCustomers(long value) => value is >= 1 and <= 100_000_000
        ? value
        : throw new CliInputException($"--customers must be between 1 and 100000000 (got {value}).");

    internal static DateTimeOffset? ParseAsOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)
            ? parsed
            : throw new CliInputException($"--as-of must be an ISO 8601 date or time such as 2026-11-01 or 2026-11-01T12:00:00Z (got '{value}').");
    }
}
