using System.Text.Json.Nodes;
using AetherSegment.Allocation;
using AetherSegment.Uplift;

namespace AetherSegment.Cli.Uplift;

/// <summary>
/// <c>aether uplift evaluate --policy ...</c>: the value of policies on the test rows (held-out randomized history),
/// inverse propensity and doubly robust with 95% intervals, in incremental outcomes per row (issue 16, docs/allocation.md).
/// </summary>
internal static class UpliftPolicyEvaluation
{
    /// <summary>The policies <c>--policy</c> accepts (comma-separated; <c>all</c> for every one).</summary>
    public static readonly string[] Names = ["best", "single-best", "random", "nobody"];

    /// <summary>Reads <c>--policy</c>.</summary>
    /// <exception cref="CliInputException">An unknown policy.</exception>
    public static string[] Read(string value)
    {
        string[] names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 1 && string.Equals(names[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            return Names;
        }

        foreach (string name in names)
        {
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                throw new CliInputException($"--policy: '{name}' is not a policy; use {string.Join(", ", Names)} or all (comma-separated).");
            }
        }

        return names.Length == 0 ? throw new CliInputException($"--policy: name at least one of {string.Join(", ", Names)} or all.") : names;
    }

    /// <summary>
    /// Evaluates the policies on the test rows: <c>best</c> (each row the treatment with the highest predicted uplift,
    /// nothing when none is above 0), <c>single-best</c> (every row the treatment with the highest mean predicted uplift),
    /// <c>random</c> (a treatment drawn uniformly), <c>nobody</c>. A conversion is worth 1 and a send costs nothing, so
    /// the values are incremental outcomes per row. The doubly robust model is the trained model over the training
    /// rows' control rate.
    /// </summary>
    public static JsonArray Evaluate(IUpliftModel model, UpliftTrainingSet train, UpliftTrainingSet test, string[] policies)
    {
        int triggers = model.Treatments.Count;
        TriggerOffer[] offers = [.. model.Treatments.Select(t => new TriggerOffer(t, 0, false, 0, 1))];
        double[][] uplift = [.. Enumerable.Range(0, triggers).Select(t => model.Predict(test.Features, t))];
        double control = 0;
        int controls = 0;
        for (int i = 0; i < train.RowCount; i++)
        {
            if (train.Treatment[i] == 0)
            {
                control += train.Outcome[i];
                controls++;
            }
        }

        double[] baseline = new double[test.RowCount], value = new double[test.RowCount];
        Array.Fill(baseline, controls > 0 ? control / controls : 0);
        Array.Fill(value, 1);
        PolicyHistory history;
        try
        {
            history = new PolicyHistory(offers, [.. test.Treatment.Select(t => t - 1)], [.. test.Outcome.Select(y => (double)y)], uplift, baseline, value);
        }
        catch (AetherSegmentInputException e)
        {
            throw new CliInputException("--test: " + e.Message);
        }

        IReadOnlyList<PolicyValue> values = PolicyEvaluator.Compare(history, new AllocationSettings());
        JsonArray output = [];
        foreach (string name in policies)
        {
            PolicyValue v = values[Array.IndexOf(Names, name)];
            output.Add(new JsonObject
            {
                ["policy"] = name == "single-best" ? "single-best:" + v.Policy["single_best:".Length..] : name,
                ["sends"] = Math.Round(v.Sends, 6),
                ["ips"] = Estimate(v.InversePropensity),
                ["doubly_robust"] = Estimate(v.DoublyRobust),
            });
        }

        return output;
    }

    private static JsonObject Estimate(AllocationEstimate e) => new()
    {
        ["value"] = Math.Round(e.Value, 6),
        ["low"] = e.Low is { } low ? Math.Round(low, 6) : null,
        ["high"] = e.High is { } high ? Math.Round(high, 6) : null,
    };
}
