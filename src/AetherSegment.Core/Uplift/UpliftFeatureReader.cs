using System.Data.Common;
using System.Numerics;
using AetherSegment.Profiles;

namespace AetherSegment.Uplift;

/// <summary>
/// Reads the rows of an uplift feature query (<see cref="UpliftFeatureQuery"/>) from an open reader straight into
/// flat arrays: every value through the reader's typed getter for its column type (no boxed row in between), text
/// columns into categorical codes with sorted levels, numbers and booleans into floats, NULL into NaN. The key and
/// experiment columns (customer id, trigger, arm, outcome, revenue) go into their own arrays.
/// </summary>
internal static class UpliftFeatureReader
{
    private const int InitialCapacity = 4096;

    private enum Kind
    {
        Double,
        Single,
        Int64,
        Int32,
        Int16,
        UInt64,
        Decimal,
        BigInteger,
        Boolean,
        Text,
        Other,
    }

    /// <summary>Reads every row of the reader (rows of a scoring query: no experiment columns).</summary>
    public static Task<FeatureRows> ReadAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        ReadAsync(reader, null, cancellationToken);

    /// <summary>Reads every row of the reader; a row's trigger is coded as the trigger's position in the profile
    /// (<see cref="BusinessProfile.Triggers"/>), -1 for an id the profile lacks.</summary>
    public static async Task<FeatureRows> ReadAsync(DbDataReader reader, BusinessProfile? profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int fields = reader.FieldCount;
        Kind[] kinds = new Kind[fields];
        Column?[] columns = new Column?[fields];
        int idColumn = -1, triggerColumn = -1, treatedColumn = -1, convertedColumn = -1, revenueColumn = -1, memberCountColumn = -1;
        HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < fields; c++)
        {
            string name = reader.GetName(c);
            kinds[c] = KindOf(reader.GetFieldType(c));
            switch (name.ToLowerInvariant())
            {
                case "customer_id": idColumn = c; continue;
                case "trigger_type": triggerColumn = c; continue;
                case "treated": treatedColumn = c; continue;
                case "converted": convertedColumn = c; continue;
                case "revenue": revenueColumn = c; continue;
                case "member_count": memberCountColumn = c; continue;
                case "anchor_key": continue;
            }

            if (seen.Add(name))
            {
                columns[c] = new Column(name, kinds[c] == Kind.Text);
            }
        }

        bool experiment = triggerColumn >= 0 && treatedColumn >= 0 && convertedColumn >= 0;
        int capacity = InitialCapacity, n = 0;
        string[] ids = new string[capacity];
        int[] triggers = experiment ? new int[capacity] : [];
        int[] treated = experiment ? new int[capacity] : [];
        float[] converted = experiment ? new float[capacity] : [];
        double[] revenue = experiment ? new double[capacity] : [];
        Dictionary<string, int> triggerCodes = new(StringComparer.Ordinal);
        for (int t = 0; t < (profile?.Triggers.Count ?? 0); t++)
        {
            triggerCodes[profile!.Triggers[t].Id] = t;
        }

        long memberCount = -1;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (memberCount < 0 && memberCountColumn >= 0 && !reader.IsDBNull(memberCountColumn))
            {
                memberCount = (long)ReadDouble(reader, memberCountColumn, kinds[memberCountColumn]);
            }

            if (n == capacity)
            {
                capacity *= 2;
                Array.Resize(ref ids, capacity);
                if (experiment)
                {
                    Array.Resize(ref triggers, capacity);
                    Array.Resize(ref treated, capacity);
                    Array.Resize(ref converted, capacity);
                    Array.Resize(ref revenue, capacity);
                }

                foreach (Column? column in columns)
                {
                    column?.Grow(capacity);
                }
            }

            ids[n] = idColumn >= 0 && !reader.IsDBNull(idColumn) ? reader.GetString(idColumn) : string.Empty;
            if (experiment)
            {
                triggers[n] = !reader.IsDBNull(triggerColumn) && triggerCodes.TryGetValue(reader.GetString(triggerColumn), out int code) ? code : -1;
                treated[n] = Read(reader, treatedColumn, kinds[treatedColumn]) == 1f ? 1 : 0;
                converted[n] = Read(reader, convertedColumn, kinds[convertedColumn]) == 1f ? 1f : 0f;
                revenue[n] = revenueColumn >= 0 && !reader.IsDBNull(revenueColumn) ? ReadDouble(reader, revenueColumn, kinds[revenueColumn]) : 0;
            }

            for (int c = 0; c < fields; c++)
            {
                Column? column = columns[c];
                if (column is null)
                {
                    continue;
                }

                if (column.IsText)
                {
                    column.Values[n] = reader.IsDBNull(c) ? float.NaN : column.Code(reader.GetString(c));
                }
                else
                {
                    column.Values[n] = Read(reader, c, kinds[c]);
                }
            }

            n++;
        }

        UpliftDataset features = new(n);
        foreach (Column? column in columns)
        {
            if (column is null)
            {
                continue;
            }

            float[] values = column.Values.Length == n ? column.Values : column.Values[..n];
            if (column.IsText)
            {
                (float[] codes, string[] levels) = column.Sorted(values);
                features.AddCategorical(column.Name, codes, levels);
            }
            else
            {
                features.AddNumeric(column.Name, values);
            }
        }

        return new FeatureRows(features, ids.Length == n ? ids : ids[..n], experiment ? triggers[..n] : null, experiment ? treated[..n] : null,
            experiment ? converted[..n] : null, experiment ? revenue[..n] : null) { MemberCount = Math.Max(memberCount, n) };
    }

    private static Kind KindOf(Type type) =>
        type == typeof(double) ? Kind.Double
        : type == typeof(float) ? Kind.Single
        : type == typeof(long) ? Kind.Int64
        : type == typeof(int) ? Kind.Int32
        : type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) ? Kind.Int16
        : type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) ? Kind.UInt64
        : type == typeof(decimal) ? Kind.Decimal
        : type == typeof(BigInteger) ? Kind.BigInteger
        : type == typeof(bool) ? Kind.Boolean
        : type == typeof(string) ? Kind.Text
        : Kind.Other;

    private static float Read(DbDataReader reader, int c, Kind kind) =>
        reader.IsDBNull(c) ? float.NaN : (float)ReadDouble(reader, c, kind);

    private static double ReadDouble(DbDataReader reader, int c, Kind kind) => kind switch
    {
        Kind.Double => reader.GetDouble(c),
        Kind.Single => reader.GetFloat(c),
        Kind.Int64 => reader.GetInt64(c),
        Kind.Int32 => reader.GetInt32(c),
        Kind.Int16 => reader.GetFieldValue<short>(c),
        Kind.UInt64 => reader.GetFieldValue<ulong>(c),
        Kind.Decimal => (double)reader.GetDecimal(c),
        Kind.BigInteger => (double)reader.GetFieldValue<BigInteger>(c),
        Kind.Boolean => reader.GetBoolean(c) ? 1 : 0,
        _ => UpliftFeatureTable.ToFloat(reader.GetValue(c)),
    };

    /// <summary>One feature column being read: its values and, for text, the codes in order of first appearance.</summary>
    private sealed class Column(string name, bool isText)
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private readonly List<string> _levels = [];

        public string Name { get; } = name;

        public bool IsText { get; } = isText;

        public float[] Values { get; private set; } = new float[InitialCapacity];

        public void Grow(int capacity)
        {
            float[] values = Values;
            Array.Resize(ref values, capacity);
            Values = values;
        }

        public float Code(string text)
        {
            if (!_codes.TryGetValue(text, out int code))
            {
                code = _levels.Count;
                _codes.Add(text, code);
                _levels.Add(text);
            }

            return code;
        }

        /// <summary>The codes renumbered so the levels are in ordinal order (as <see cref="UpliftFeatureTable"/> orders them).</summary>
        public (float[] Codes, string[] Levels) Sorted(float[] values)
        {
            string[] levels = [.. _levels];
            int[] order = new int[levels.Length];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(levels, order, StringComparer.Ordinal);
            float[] map = new float[levels.Length];
            for (int sorted = 0; sorted < order.Length; sorted++)
            {
                map[order[sorted]] = sorted;
            }

            for (int i = 0; i < values.Length; i++)
            {
                float v = values[i];
                values[i] = float.IsNaN(v) ? float.NaN : map[(int)v];
            }

            return (values, levels);
        }
    }
}

/// <summary>The rows of a feature query: features, customer ids and, for training rows, the trigger (catalog index, -1 unknown), arm, outcome and revenue.</summary>
internal sealed record FeatureRows(UpliftDataset Features, string[] CustomerIds, int[]? Trigger, int[]? Treated, float[]? Converted, double[]? Revenue)
{
    public int Count => CustomerIds.Length;

    /// <summary>The members the rows were sampled from (a scoring query's <c>member_count</c>), at least <see cref="Count"/>.</summary>
    public long MemberCount { get; init; }

    /// <summary>
    /// The arm (1 treated, 0 control), outcome and revenue of the training rows <paramref name="rows"/> (positions in
    /// these rows), in that order, with their counts: what a trigger's model is fitted on and checked against.
    /// </summary>
    /// <exception cref="InvalidOperationException">These are scoring rows, without experiment columns.</exception>
    public ExperimentRows Experiment(ReadOnlySpan<int> rows)
    {
        if (Treated is null || Converted is null)
        {
            throw new InvalidOperationException("These feature rows have no experiment columns (arm and outcome).");
        }

        int[] arm = new int[rows.Length];
        float[] outcome = new float[rows.Length];
        int treated = 0, converted = 0;
        double revenue = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            arm[i] = Treated[r];
            outcome[i] = Converted[r];
            treated += arm[i];
            if (outcome[i] == 1f)
            {
                converted++;
                revenue += Revenue is null ? 0 : Revenue[r];
            }
        }

        return new ExperimentRows(arm, outcome, treated, converted, converted > 0 ? revenue / converted : 0);
    }
}

/// <summary>
/// Training rows of one trigger as a randomized experiment: per row its arm (1 treated, 0 control) and outcome, the
/// number treated and converted, and the mean revenue of a conversion.
/// </summary>
internal sealed record ExperimentRows(int[] Arm, float[] Outcome, int Treated, int Converted, double AverageOrderValue)
{
    public int Count => Arm.Length;

    public int Control => Arm.Length - Treated;

    /// <summary>Whether a model can learn from the rows: at least <paramref name="minimumPerArm"/> rows per arm and both outcomes.</summary>
    public bool CanFit(int minimumPerArm) => Treated >= minimumPerArm && Control >= minimumPerArm && Converted > 0 && Converted < Count;
}
