using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Uplift;

namespace AetherSegment.Allocation;

/// <summary>
/// The value of an allocation on held-out randomized history of a store, against everyone getting the single best
/// trigger, a random trigger and nobody (<see cref="PolicyEvaluator.Compare"/>).
/// </summary>
/// <remarks>
/// The campaign history the ranker trains on is split as <see cref="StoreTriggerModelEvaluator"/> splits it (customers
/// whose id hash falls in the last 30% are held out); one model per trigger is trained on the other customers' rows of
/// that trigger's campaigns, and every model scores every held-out row. A held-out row's arm is the trigger it was sent
/// or none when it was in a campaign's control group; pooling the campaigns' control groups into one "nobody" arm assumes
/// the campaigns drew their control groups at similar rates from similar customers, which the generated history does.
/// The budget is applied per member: the held-out rows get the segment's budget per member times their count; caps and
/// the minimum profit apply as given. Values are expected incremental profit per member in the profile's currency.
/// </remarks>
internal static class HeldOutPolicyEvaluation
{
    /// <summary>The policies' values, or the reason there are none.</summary>
    public sealed record Result(int HeldOutRows, double? Budget, IReadOnlyList<PolicyValue> Policies, IReadOnlyList<string> Excluded, string? Reason);

    /// <summary>Evaluates the allocation under <paramref name="settings"/> for a segment of <paramref name="segmentMembers"/> members.</summary>
    public static async Task<Result> EvaluateAsync(IDataStore store, BusinessProfile profile, TriggerOffer[] offers, AllocationSettings settings, int segmentMembers,
        string modelName, int rowsPerArm, int minimumRowsPerArm, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(settings);
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(store, profile, cancellationToken).ConfigureAwait(false);
        SqlStatement query = UpliftFeatureQuery.Training(store.Dialect, features, rowsPerArm);
        FeatureRows all = await store.ReadAsync(query, (reader, ct) => UpliftFeatureReader.ReadAsync(reader, profile, ct), cancellationToken).ConfigureAwait(false);
        int[] triggerOf = all.Trigger!, treatedOf = all.Treated!;
        float[] convertedOf = all.Converted!;
        int triggers = offers.Length;
        List<int> held = [];
        List<int>[] train = new List<int>[triggers];
        for (int t = 0; t < triggers; t++)
        {
            train[t] = [];
        }

        double control = 0;
        int controls = 0;
        for (int r = 0; r < triggerOf.Length; r++)
        {
            int t = triggerOf[r];
            if (t < 0 || t >= triggers)
            {
                continue;
            }

            if (StoreTriggerModelEvaluator.IsHeldOut(all.CustomerIds[r]))
            {
                held.Add(r);
            }
            else
            {
                train[t].Add(r);
                if (treatedOf[r] == 0)
                {
                    control += convertedOf[r];
                    controls++;
                }
            }
        }

        // The triggers that can be evaluated: a model from enough training rows and at least one held-out send.
        List<int> kept = [];
        List<string> excluded = [];
        IUpliftModel?[] models = new IUpliftModel?[triggers];
        UpliftDataset heldFeatures = all.Features.SelectRows([.. held]);
        int[] heldSends = new int[triggers];
        foreach (int r in held)
        {
            heldSends[triggerOf[r]] += treatedOf[r];
        }

        Parallel.For(0, triggers, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, t =>
        {
            int[] rows = [.. train[t]];
            ExperimentRows experiment = all.Experiment(rows);
            if (heldSends[t] == 0 || !experiment.CanFit(minimumRowsPerArm))
            {
                return;
            }

            IUpliftModel model = UpliftModels.Create(modelName, new UpliftModelOptions { Seed = seed + t });
            model.Fit(new UpliftTrainingSet(all.Features.SelectRows(rows), experiment.Arm, experiment.Outcome, [offers[t].Id], "control"), cancellationToken);
            models[t] = model;
        });
        for (int t = 0; t < triggers; t++)
        {
            if (models[t] is null)
            {
                excluded.Add(offers[t].Id);
            }
            else
            {
                kept.Add(t);
            }
        }

        int heldControls = held.Count(r => treatedOf[r] == 0);
        if (kept.Count == 0 || heldControls == 0 || controls == 0)
        {
            return new Result(held.Count, null, [], excluded, "no trigger has both a model trained outside the held-out customers and held-out sends with a control group, so the allocation cannot be valued on history.");
        }

        // Held-out rows of the kept triggers' campaigns: arm = the kept index when sent, -1 in a control group.
        int[] keptIndex = Enumerable.Repeat(-1, triggers).ToArray();
        for (int k = 0; k < kept.Count; k++)
        {
            keptIndex[kept[k]] = k;
        }

        List<int> rowsUsed = [];
        for (int h = 0; h < held.Count; h++)
        {
            int r = held[h];
            if (treatedOf[r] == 0 || keptIndex[triggerOf[r]] >= 0)
            {
                rowsUsed.Add(h);
            }
        }

        int n = rowsUsed.Count;
        UpliftDataset used = heldFeatures.SelectRows([.. rowsUsed]);
        double[][] uplift = new double[kept.Count][];
        for (int k = 0; k < kept.Count; k++)
        {
            uplift[k] = models[kept[k]]!.Predict(used, 0);
        }

        int[] armOf = new int[n];
        double[] outcomeOf = new double[n], baseline = new double[n];
        string[] ids = new string[n];
        Array.Fill(baseline, control / controls);
        for (int i = 0; i < n; i++)
        {
            int r = held[rowsUsed[i]];
            armOf[i] = treatedOf[r] == 0 ? -1 : keptIndex[triggerOf[r]];
            outcomeOf[i] = convertedOf[r];
            ids[i] = all.CustomerIds[r];
        }

        double[] value = await OrderValueQuery.ReadAsync(store, profile, query, ids, cancellationToken).ConfigureAwait(false);
        TriggerOffer[] keptOffers = [.. kept.Select(t => offers[t])];
        PolicyHistory history;
        try
        {
            history = new PolicyHistory(keptOffers, armOf, outcomeOf, uplift, baseline, value);
        }
        catch (AetherSegmentInputException e)
        {
            return new Result(n, null, [], excluded, e.Message);
        }

        double? budget = settings.Budget is { } b ? b / Math.Max(segmentMembers, 1) * n : null;
        Dictionary<string, double> caps = settings.Caps.Where(c => keptOffers.Any(o => o.Id == c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        AllocationSettings scaled = settings with { Budget = budget, Caps = caps };
        return new Result(n, budget, PolicyEvaluator.Compare(history, scaled), excluded, null);
    }
}
