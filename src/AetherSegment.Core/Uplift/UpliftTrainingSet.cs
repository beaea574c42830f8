using System.Globalization;

namespace AetherSegment.Uplift;

/// <summary>
/// The rows of a randomized experiment an uplift model learns from: features, the arm of every row (0 = control,
/// k = the k-th treatment) and a binary outcome.
/// </summary>
public sealed class UpliftTrainingSet
{
    /// <summary>Creates a training set and checks it.</summary>
    /// <param name="features">The feature columns.</param>
    /// <param name="treatment">Per row, 0 for control or 1..<c>treatmentNames.Count</c> for a treatment.</param>
    /// <param name="outcome">Per row, 0 or 1.</param>
    /// <param name="treatmentNames">The treatments' names, at least one.</param>
    /// <param name="controlName">The control arm's name.</param>
    /// <exception cref="AetherSegmentInputException">Lengths differ, an arm has no rows, or the outcome is not binary with both classes.</exception>
    public UpliftTrainingSet(UpliftDataset features, int[] treatment, float[] outcome, IReadOnlyList<string> treatmentNames, string controlName)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(treatmentNames);
        if (treatment.Length != features.RowCount || outcome.Length != features.RowCount)
        {
            throw new AetherSegmentInputException("treatment", "The treatment and outcome must have one value per feature row.");
        }

        if (treatmentNames.Count == 0)
        {
            throw new AetherSegmentInputException("treatment", "At least one treatment is required.");
        }

        if (features.ColumnCount == 0)
        {
            throw new AetherSegmentInputException("features", "An uplift model needs at least one feature column.");
        }

        int[] counts = new int[treatmentNames.Count + 1];
        int positives = 0;
        for (int i = 0; i < treatment.Length; i++)
        {
            if ((uint)treatment[i] > (uint)treatmentNames.Count)
            {
                throw new AetherSegmentInputException("treatment", $"Row {i}: treatment index {treatment[i]} is out of range.");
            }

            counts[treatment[i]]++;
            float y = outcome[i];
            if (y is not (0f or 1f))
            {
                throw new AetherSegmentInputException("outcome", string.Create(CultureInfo.InvariantCulture, $"Row {i}: the outcome must be 0 or 1, found {y}."));
            }

            positives += (int)y;
        }

        if (counts[0] == 0)
        {
            throw new AetherSegmentInputException("control", $"No row is in the control arm '{controlName}'.");
        }

        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] == 0)
            {
                throw new AetherSegmentInputException("treatment", $"No row is in the treatment arm '{treatmentNames[k - 1]}'.");
            }
        }

        if (positives == 0 || positives == outcome.Length)
        {
            throw new AetherSegmentInputException("outcome", $"The outcome has a single class ({(positives == 0 ? 0 : 1)} on every row): an uplift model needs both 0 and 1.");
        }

        Features = features;
        Treatment = treatment;
        Outcome = outcome;
        TreatmentNames = treatmentNames;
        ControlName = controlName;
    }

    /// <summary>The feature columns.</summary>
    public UpliftDataset Features { get; }

    /// <summary>Per row: 0 = control, k = the k-th treatment (1-based into <see cref="TreatmentNames"/>).</summary>
    public int[] Treatment { get; }

    /// <summary>Per row: the binary outcome, 0 or 1.</summary>
    public float[] Outcome { get; }

    /// <summary>The treatments' names.</summary>
    public IReadOnlyList<string> TreatmentNames { get; }

    /// <summary>The control arm's name.</summary>
    public string ControlName { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => Treatment.Length;

    /// <summary>
    /// Builds a training set from a table such as a CSV file: the treatment column's value picks the arm (rows in
    /// neither arm are dropped), the outcome column must be 0/1, and the remaining columns, minus
    /// <paramref name="exclude"/>, are the features.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="treatmentColumn">The column naming each row's arm.</param>
    /// <param name="treatmentValues">The treatment arms' values, at least one.</param>
    /// <param name="controlValue">The control arm's value.</param>
    /// <param name="outcomeColumn">The binary outcome column.</param>
    /// <param name="exclude">Columns that are not features (other outcomes, ids); may be null.</param>
    /// <returns>The training set.</returns>
    /// <exception cref="AetherSegmentInputException">A named column is missing, a value never occurs, a cell is missing, or the outcome is not binary with both classes.</exception>
    public static UpliftTrainingSet FromTable(UpliftDataset table, string treatmentColumn, IReadOnlyList<string> treatmentValues, string controlValue, string outcomeColumn, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(treatmentValues);
        int tc = RequireColumn(table, treatmentColumn, "--treatment-column");
        int oc = RequireColumn(table, outcomeColumn, "--outcome");
        List<string> excluded = [treatmentColumn, outcomeColumn];
        if (exclude is not null)
        {
            foreach (string name in exclude)
            {
                RequireColumn(table, name, "--exclude");
                excluded.Add(name);
            }
        }

        float[] arms = ArmCodes(table, tc, treatmentValues, controlValue);
        float[] outcomeValues = table.GetValues(oc);
        if (table.IsCategorical(oc))
        {
            throw new AetherSegmentInputException(outcomeColumn, $"The outcome column '{outcomeColumn}' is not numeric: it must hold 0 or 1.");
        }

        List<int> keep = [];
        for (int r = 0; r < table.RowCount; r++)
        {
            if (arms[r] < 0)
            {
                continue;
            }

            float y = outcomeValues[r];
            if (float.IsNaN(y))
            {
                throw new AetherSegmentInputException(outcomeColumn, $"The outcome column '{outcomeColumn}' is empty or NaN in data row {r + 1}.");
            }

            if (y is not (0f or 1f))
            {
                throw new AetherSegmentInputException(outcomeColumn, string.Create(CultureInfo.InvariantCulture, $"The outcome column '{outcomeColumn}' must hold 0 or 1; data row {r + 1} has {y}."));
            }

            keep.Add(r);
        }

        int[] rows = [.. keep];
        int[] treatment = new int[rows.Length];
        float[] outcome = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            treatment[i] = (int)arms[rows[i]];
            outcome[i] = outcomeValues[rows[i]];
        }

        int[] counts = new int[treatmentValues.Count + 1];
        foreach (int t in treatment)
        {
            counts[t]++;
        }

        if (counts[0] == 0)
        {
            throw new AetherSegmentInputException("--control", $"The control value '{controlValue}' never occurs in column '{treatmentColumn}'.");
        }

        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] == 0)
            {
                throw new AetherSegmentInputException("--treatment", $"The treatment value '{treatmentValues[k - 1]}' never occurs in column '{treatmentColumn}'.");
            }
        }

        UpliftDataset features = table.WithoutColumns(excluded).SelectRows(rows);
        if (features.ColumnCount == 0)
        {
            throw new AetherSegmentInputException("--exclude", "No feature column is left after the treatment, outcome and excluded columns.");
        }

        return new UpliftTrainingSet(features, treatment, outcome, treatmentValues, controlValue);
    }

    private static int RequireColumn(UpliftDataset table, string name, string option)
    {
        int index = string.IsNullOrWhiteSpace(name) ? -1 : table.IndexOf(name.Trim());
        if (index < 0)
        {
            throw new AetherSegmentInputException(option, $"Column '{name}' ({option}) is not in the CSV header; columns: {string.Join(", ", table.ColumnNames)}.");
        }

        return index;
    }

    private static float[] ArmCodes(UpliftDataset table, int column, IReadOnlyList<string> treatmentValues, string controlValue)
    {
        if (treatmentValues.Count == 0)
        {
            throw new AetherSegmentInputException("--treatment", "At least one treatment value is required.");
        }

        string name = table.ColumnNames[column];
        float[] values = table.GetValues(column);
        IReadOnlyList<string>? levels = table.GetLevels(column);
        int armCount = treatmentValues.Count + 1;
        float[] keys = new float[armCount];
        for (int a = 0; a < armCount; a++)
        {
            string text = (a == 0 ? controlValue : treatmentValues[a - 1])?.Trim() ?? string.Empty;
            string option = a == 0 ? "--control" : "--treatment";
            if (levels is null)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                {
                    throw new AetherSegmentInputException(option, $"The value '{text}' never occurs in the numeric column '{name}'.");
                }

                keys[a] = (float)d;
            }
            else
            {
                int code = -1;
                for (int l = 0; l < levels.Count; l++)
                {
                    if (string.Equals(levels[l], text, StringComparison.Ordinal))
                    {
                        code = l;
                        break;
                    }
                }

                if (code < 0)
                {
                    throw new AetherSegmentInputException(option, $"The value '{text}' never occurs in column '{name}'; values: {string.Join(", ", levels)}.");
                }

                keys[a] = code;
            }

            for (int b = 0; b < a; b++)
            {
                if (keys[b] == keys[a])
                {
                    throw new AetherSegmentInputException(option, $"The value '{text}' names two arms.");
                }
            }
        }

        float[] arms = new float[values.Length];
        for (int r = 0; r < values.Length; r++)
        {
            float v = values[r];
            if (float.IsNaN(v))
            {
                throw new AetherSegmentInputException("--treatment-column", $"The treatment column '{name}' is empty or NaN in data row {r + 1}.");
            }

            arms[r] = -1;
            for (int a = 0; a < armCount; a++)
            {
                if (keys[a] == v)
                {
                    arms[r] = a;
                    break;
                }
            }
        }

        return arms;
    }
}
