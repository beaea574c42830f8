using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Allocation;
using AetherSegment.Cli.Segments;
using AetherSegment.Data;
using AetherSegment.Segments;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AetherSegment.Cli.Allocation;

/// <summary>
/// <c>aether allocate "&lt;objective&gt;" [--budget N] [--cap trigger=share]... [--min-profit N] [--curve-points N] [--sql duckdb|bigquery]</c>:
/// the best trigger per member of the objective's segment under a budget (issue 16, docs/allocation.md).
/// </summary>
internal static class AllocateCommand
{
    public static Command Create()
    {
        Argument<string> objective = SegmentArguments.Objective();
        Option<string[]> filters = SegmentArguments.Filters();
        Option<double?> budget = new("--budget") { Description = "The total budget in the profile's currency: send costs plus incentives on incremental conversions (default: none)." };
        Option<string[]> caps = new("--cap") { Description = "trigger=share: the largest share (0..1] of the members a trigger may go to; repeatable.", AllowMultipleArgumentsPerToken = false };
        Option<double> minProfit = new("--min-profit") { Description = "The least expected incremental profit one send must bring (default 0).", DefaultValueFactory = _ => 0 };
        Option<int> curvePoints = new("--curve-points") { Description = "Points of the profit-vs-budget curve (default 10, 0 for none).", DefaultValueFactory = _ => 10 };
        Option<string?> sql = new("--sql") { Description = "Also print the assignment as one SQL expression over the compiled uplift models: duckdb or bigquery." };
        sql.AcceptOnlyFromAmong("duckdb", "bigquery");
        Option<string?> outFile = new("--out") { Description = "Write every member with their trigger (empty for none) to FILE.csv (header customer_id,trigger) or FILE.json." };
        Option<bool> noEvaluation = new("--no-policy-evaluation") { Description = "Skip valuing the allocation on held-out randomized history (it trains one model per trigger on the other customers)." };
        Command command = new("allocate", "Assign each member of the objective's segment the trigger with the highest expected incremental profit, under a budget.")
        {
            objective, budget, caps, minProfit, curvePoints, sql, outFile, noEvaluation, filters,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(curvePoints) is < 0 or > 100)
            {
                throw new AetherSegmentInputException("--curve-points", "--curve-points: must be between 0 and 100.");
            }

            string? outPath = parseResult.GetValue(outFile);
            if (outPath is not null && !outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new AetherSegmentInputException("--out", $"--out: '{outPath}' must end in .csv or .json.");
            }

            AllocationSettings settings = new()
            {
                Budget = parseResult.GetValue(budget),
                MinimumProfitPerSend = parseResult.GetValue(minProfit),
                Caps = ReadCaps(parseResult.GetValue(caps) ?? []),
            };
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            IDataStore store = services.GetRequiredService<IDataStore>();
            StoreTriggerAllocator allocator = new(store, services.GetRequiredService<ITriggerRanker>());
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            SegmentDefinition definition = await engine.DefineAsync(interpreted, null, SegmentArguments.ReadFilters(parseResult.GetValue(filters)), cancellationToken: cancellationToken).ConfigureAwait(false);
            AllocationRun run = await allocator.AllocateAsync(engine.CompileMembers(definition, store.Dialect), settings, parseResult.GetValue(curvePoints), definition.AsOf, cancellationToken).ConfigureAwait(false);
            JsonObject output = ToJson(run);
            if (outPath is not null)
            {
                await WriteMembersAsync(outPath, run, cancellationToken).ConfigureAwait(false);
                output["out"] = outPath;
            }
            if (!parseResult.GetValue(noEvaluation))
            {
                TriggerRankingOptions rankingOptions = services.GetRequiredService<IOptions<TriggerRankingOptions>>().Value;
                HeldOutPolicyEvaluation.Result evaluation = await allocator.EvaluatePoliciesAsync(run, settings, rankingOptions, cancellationToken).ConfigureAwait(false);
                output["policy_evaluation"] = ToJson(evaluation);
            }

            if (parseResult.GetValue(sql) is { } dialectName)
            {
                SqlDialect dialect = SqlDialect.FromName(dialectName) ?? SqlDialect.DuckDB;
                string[] columns = [.. run.Offers.Select((_, t) => dialect.Quote("uplift_" + t.ToString(CultureInfo.InvariantCulture)))];
                output["assignment_sql"] = AllocationSql.Assignment(dialect, run.Plan, run.Offers, columns, dialect.Quote("order_value"));
            }

            CliConsole.WriteJson(output);
            return CliExit.Ok;
        });
        return command;
    }

    /// <summary>Writes every member with their trigger (empty or null for none), in the run's member order.</summary>
    internal static async Task WriteMembersAsync(string path, AllocationRun run, CancellationToken cancellationToken)
    {
        int[] assignment = run.Plan.Assignment;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            JsonArray members = new([.. run.CustomerIds.Select((id, i) => (JsonNode)new JsonObject
            {
                ["customer_id"] = id,
                ["trigger"] = assignment[i] >= 0 ? run.Offers[assignment[i]].Id : null,
            })]);
            await File.WriteAllTextAsync(path, members.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await using StreamWriter writer = new(path);
        await writer.WriteLineAsync("customer_id,trigger").ConfigureAwait(false);
        for (int i = 0; i < assignment.Length; i++)
        {
            string id = run.CustomerIds[i];
            string quoted = id.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : id;
            await writer.WriteLineAsync(quoted + "," + (assignment[i] >= 0 ? run.Offers[assignment[i]].Id : string.Empty)).ConfigureAwait(false);
        }
    }

    /// <summary>Reads <c>trigger=share</c> pairs.</summary>
    internal static Dictionary<string, double> ReadCaps(IEnumerable<string> values)
    {
        Dictionary<string, double> caps = new(StringComparer.Ordinal);
        foreach (string value in values)
        {
            string[] parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double share))
            {
                throw new AetherSegmentInputException("--cap", $"--cap: '{value}' is not trigger=share (e.g. personalized_discount_offer=0.2).");
            }

            caps[parts[0]] = share;
        }

        return caps;
    }

    /// <summary>The run as the command prints it (snake_case, amounts in the profile's currency).</summary>
    internal static JsonObject ToJson(AllocationRun run)
    {
        AllocationPlan plan = run.Plan;
        return new JsonObject
        {
            ["members"] = run.CustomerIds.Length,
            ["assigned"] = plan.Members,
            ["budget"] = plan.Budget,
            ["spend"] = plan.Spend,
            ["expected_incremental_conversions"] = Estimate(plan.Conversions),
            ["expected_incremental_revenue"] = Estimate(plan.Revenue),
            ["expected_incremental_profit"] = Estimate(plan.Profit),
            ["budget_price"] = plan.Lambda,
            ["triggers"] = new JsonArray([.. plan.Triggers.Select((t, i) => (JsonNode)new JsonObject
            {
                ["trigger"] = t.Trigger,
                ["members"] = t.Members,
                ["expected_incremental_conversions"] = Estimate(t.Conversions),
                ["expected_incremental_revenue"] = Estimate(t.Revenue),
                ["expected_incremental_profit"] = Estimate(t.Profit),
                ["spend"] = t.Spend,
                ["cap_price"] = plan.Mu[i],
            })]),
            ["profit_curve"] = new JsonArray([.. run.Curve.Select(p => (JsonNode)new JsonObject
            {
                ["budget"] = p.Budget,
                ["spend"] = p.Spend,
                ["expected_incremental_profit"] = p.Profit,
                ["expected_incremental_conversions"] = p.Conversions,
                ["members"] = p.Members,
            })]),
            ["warnings"] = new JsonArray([.. run.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
        };
    }

    /// <summary>
    /// The held-out policy evaluation as the command prints it: per policy (allocation, single_best:TRIGGER, random,
    /// nobody) the share of members sent and the expected incremental profit per member, inverse propensity and doubly
    /// robust with 95% intervals.
    /// </summary>
    internal static JsonObject ToJson(HeldOutPolicyEvaluation.Result evaluation) => new()
    {
        ["held_out_rows"] = evaluation.HeldOutRows,
        ["budget"] = evaluation.Budget,
        ["unit"] = "expected incremental profit per member",
        ["policies"] = new JsonArray([.. evaluation.Policies.Select(p => (JsonNode)new JsonObject
        {
            ["policy"] = p.Policy,
            ["sends"] = p.Sends,
            ["ips"] = Estimate(p.InversePropensity),
            ["doubly_robust"] = Estimate(p.DoublyRobust),
        })]),
        ["excluded_triggers"] = new JsonArray([.. evaluation.Excluded.Select(e => (JsonNode)JsonValue.Create(e))]),
        ["reason"] = evaluation.Reason,
    };

    private static JsonObject Estimate(AllocationEstimate e) => new() { ["value"] = e.Value, ["low"] = e.Low, ["high"] = e.High };
}
