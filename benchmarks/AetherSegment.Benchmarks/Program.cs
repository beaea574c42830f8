using AetherSegment.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Interpret*'
// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- train-scale DATA.csv [MODEL]   (issue 14: one timed process)
if (args is ["train-scale", string path, ..])
{
    return UpliftTrainingScale.Run(path, args.Length > 2 ? args[2] : null);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- experiment-scale [MEMBERS]   (issue 15: one timed process)
// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- ask-scale DB.duckdb EVAL.jsonl [...]   (issue 17: one timed process)
if (args is ["ask-scale", string askDatabase, ..])
{
    return await AskScale.RunAsync(askDatabase, args[2..]);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- ask-time DB.duckdb "QUESTION" [...]   (issue 17: a few answers, median of 5, with the anchor)
if (args is ["ask-time", string timeDatabase, ..])
{
    return await AskTime.RunAsync(timeDatabase, args[2..]);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- experiment-ranked DB.duckdb [TRIGGER] [--long-lived-only] [--all-customers] [--pairs N] [--settle-arms]   (issue 15: holdout on a ranked segment)
if (args is ["experiment-ranked", string rankedDatabase, ..])
{
    int pairsAt = Array.IndexOf(args, "--pairs");
    int pairs = pairsAt > 0 && pairsAt + 1 < args.Length ? int.Parse(args[pairsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 30;
    string[] rest = [.. args.Skip(2).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (pairsAt < 0 || i + 2 != pairsAt + 1))];
    return ExperimentScale.RunRanked(rankedDatabase, rest.Length > 0 ? rest[0] : "personalized_discount_offer",
        args.Contains("--long-lived-only"), args.Contains("--all-customers"), pairs, args.Contains("--settle-arms"));
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- experiment-oneshot DB.duckdb [TRIGGER] [--holdout]   (issue 15: one activation per process, as the CLI; writes DB)
if (args is ["experiment-oneshot", string oneShotDatabase, ..])
{
    string[] rest = [.. args.Skip(2).Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
    return await ExperimentOneShot.RunAsync(oneShotDatabase, rest.Length > 0 ? rest[0] : "personalized_discount_offer", args.Contains("--holdout"));
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- experiment-member-read DB.duckdb   (issue 15: reading the members back at activation, three ways)
if (args is ["experiment-member-read", string memberReadDatabase])
{
    return await ExperimentMemberRead.RunAsync(memberReadDatabase);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- feature-query DB.duckdb [explain]   (issues 15 and 19: the ranker's feature queries)
if (args is ["feature-query", string featureDatabase, ..])
{
    return await FeatureQueryPlan.RunAsync(featureDatabase, args.Length > 2 && args[2] == "explain");
}

if (args is ["experiment-scale", ..])
{
    return ExperimentScale.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- interval-coverage CUSTOMERS SEGMENTS MODEL|default SEED...   (issue 16: coverage over several histories)
if (args is ["interval-coverage", string coverageCustomers, string coverageSegments, string coverageModel, ..])
{
    return await IntervalCoverage.RunAsync(
        int.Parse(coverageCustomers, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(coverageSegments, System.Globalization.CultureInfo.InvariantCulture),
        coverageModel == "default" ? null : coverageModel,
        [.. args[4..].Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]);
}

// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- allocate-scale [MEMBERS]   (issue 16: timed allocation)
if (args is ["allocate-scale", ..])
{
    return AllocationScale.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
