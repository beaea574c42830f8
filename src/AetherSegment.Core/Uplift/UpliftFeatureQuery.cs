using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Uplift;

/// <summary>
/// The per-customer feature query of trigger ranking, derived from a business profile's data mapping and written for
/// DuckDB and GoogleSQL alike (docs/uplift.md, "Features"): recency, frequency and value of orders overall and for the
/// most ordered values of the taxonomy's first level; overall event activity and recency, counts of every event type of
/// the catalog in the <see cref="UpliftFeatureSet.EventWindows"/> (cart events also in 7 days), and the combined count
/// of each event group the triggers' eligibility names (<see cref="UpliftEventGroup"/>); cart activity when carts are mapped; the number and boolean attributes of customers and scores; tenure from
/// <c>created_at</c>; the first place level and the acquisition source as categories. Each is computed as of an anchor
/// time: a campaign's send for training rows (nothing after the send leaks in) and the data's as-of (the one segments
/// use) for scoring. Tables and columns come from the mapping (each mapped table is read through a subquery that
/// names its logical columns, so an expression over the user's columns is used as written and never clashes with
/// another table's); every value is a parameter. An entity the profile does not map adds no feature.
/// </summary>
/// <remarks>
/// Deeper place levels (city) are left out on purpose: 21 levels nested in the country leave a few hundred campaign
/// rows per level and arm, and the boosted trees' categorical splits (levels sorted by gradient, best prefix) fitted
/// that noise, taking a quarter of every trigger model's split gain on the generated data, where city has no effect.
/// With the trees' categorical protection (<see cref="BoostingSettings.MinDataPerGroup"/>, <see cref="BoostingSettings.CatL2"/>) it
/// still takes 12-16% and still lowers the ranking's correlation with the ground truth (docs/uplift.md).
/// </remarks>
internal static class UpliftFeatureQuery
{
    /// <summary>Microseconds in a day: ages are computed from integer microseconds in both dialects (one clock, one precision).</summary>
    private const long DayMicros = 86_400_000_000;

    /// <summary>Columns that are not features: keys and, for training, the experiment's arm and outcome.</summary>
    public static readonly string[] NonFeatureColumns = ["customer_id", "anchor_key", "trigger_type", "treated", "converted", "revenue", "member_count"];

    /// <summary>
    /// A stratified sample of past campaign sends (treatment and control), with features as of each send: per trigger
    /// and arm, the <paramref name="rowsPerArm"/> rows whose customers come first in the dialect's deterministic hash
    /// of the customer id (ties broken by customer and campaign), so the sample is the same on every run over the same
    /// data and its size is bounded whatever the length of the history.
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="features">The features (the profile and its top taxonomy values).</param>
    /// <param name="rowsPerArm">The cap per trigger and arm (at least 1).</param>
    /// <exception cref="AetherSegmentInputException">The profile maps no campaign sends.</exception>
    public static SqlStatement Training(SqlDialect dialect, UpliftFeatureSet features, int rowsPerArm)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerArm, 1);
        EntityMapping sends = features.Profile.RequireEntity(EntityKind.CampaignSends, "Trigger ranking");
        MappedTable h = new(dialect, sends);
        string campaign = sends.HasColumn("campaign_id")
            ? dialect.CastToString(h.Column("campaign_id"))
            : $"CONCAT({dialect.CastToString(h.Column("trigger"))}, '|', {dialect.CastToString(dialect.EpochMicros(h.Column("sent_at")))})";
        string revenue = sends.HasColumn("revenue") ? $"COALESCE({h.Column("revenue")}, 0)" : "0";
        string anchor = $"""
            SELECT s.anchor_key, s.customer_id, s.as_of, s.trigger_type, s.treated, s.converted, s.revenue
            FROM (
              SELECT h.anchor_key, h.customer_id, h.as_of, h.trigger_type,
                CASE WHEN h.arm = {dialect.Parameter("uplift_treatment")} THEN 1 ELSE 0 END AS treated,
                CASE WHEN h.converted THEN 1 ELSE 0 END AS converted, h.revenue,
                ROW_NUMBER() OVER (PARTITION BY h.trigger_type, h.arm ORDER BY {dialect.Fingerprint("h.customer_id")}, h.customer_id, h.anchor_key) AS sample_rank
              FROM (
                SELECT {campaign} AS anchor_key, {h.Column("customer_id")} AS customer_id, {h.Column("sent_at")} AS as_of,
                  {h.Column("trigger")} AS trigger_type, {h.Column("arm")} AS arm, {h.Column("converted")} AS converted, {revenue} AS revenue
                FROM {h.Table}
              ) h
              WHERE h.arm IN ({dialect.Parameter("uplift_treatment")}, {dialect.Parameter("uplift_control")})
            ) s
            WHERE s.sample_rank <= {dialect.Parameter("uplift_rows_per_arm")}
            """;
        List<QueryParameter> parameters =
        [
            QueryParameter.String("uplift_treatment", sends.TreatmentValue ?? "treatment"),
            QueryParameter.String("uplift_control", sends.ControlValue ?? "control"),
            QueryParameter.Int64("uplift_rows_per_arm", rowsPerArm),
        ];
        return Build(dialect, features, anchor, ["a.trigger_type", "a.treated", "a.converted", "a.revenue"], parameters);
    }

    /// <summary>
    /// The number of order lines per value of the taxonomy's first level (columns <c>value</c>, <c>n</c>), from which
    /// <see cref="UpliftFeatureSet.LoadAsync"/> picks the most ordered catalog values.
    /// </summary>
    public static SqlStatement TaxonomyOrderCounts(SqlDialect dialect, UpliftFeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(features);
        string column = features.TaxonomyOrdersColumn ?? throw new InvalidOperationException("The profile maps no orders column for the first taxonomy level.");
        MappedTable t = new(dialect, features.Profile.Entities.Orders!);
        return new SqlStatement($"SELECT o.taxonomy_value AS value, COUNT(*) AS n FROM (SELECT {t.Expression(column)} AS taxonomy_value FROM {t.Table}) o GROUP BY o.taxonomy_value");
    }

    /// <summary>The name of the order-count feature of a top taxonomy value (by its snake_case name).</summary>
    internal static string TaxonomyOrdersFeature(string snake) => "orders_" + snake;

    /// <summary>The snake_case names of values, made unique by a numeric suffix where two coincide.</summary>
    internal static string[] UniqueSnakes(IReadOnlyList<string> values)
    {
        string[] names = new string[values.Count];
        HashSet<string> used = new(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            string name = Snake(values[i]);
            name = name.Length == 0 ? "value" : name;
            string unique = name;
            for (int k = 2; !used.Add(unique); k++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{k}");
            }

            names[i] = unique;
        }

        return names;
    }

    /// <summary>
    /// The fingerprint of the campaign history the trigger models learn from, in one cheap aggregate: the row count,
    /// the latest send (microseconds since the epoch) and an order-independent checksum (XOR of the dialect's hash)
    /// of every row's campaign, customer, trigger, arm, outcome, revenue and send time. Any appended, removed or edited
    /// row changes it. Columns: <c>n</c>, <c>last_sent_us</c>, <c>checksum</c>. The table and columns are the profile's
    /// campaign sends mapping (read through a subquery naming the logical columns, as <see cref="Training"/> reads them).
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="profile">The profile whose campaign sends mapping names the table and columns.</param>
    /// <exception cref="AetherSegmentInputException">The profile maps no campaign sends.</exception>
    public static SqlStatement DataVersion(SqlDialect dialect, BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(profile);
        EntityMapping sends = profile.RequireEntity(EntityKind.CampaignSends, "Trigger ranking");
        MappedTable m = new(dialect, sends);
        string campaign = sends.HasColumn("campaign_id") ? m.Column("campaign_id") : "NULL";
        string revenue = sends.HasColumn("revenue") ? m.Column("revenue") : "NULL";
        string checksum = dialect.RowsChecksum("h.campaign_id", "h.customer_id", "h.trigger_type", "h.arm", "h.converted", "h.revenue", dialect.EpochMicros("h.sent_at"));
        return new SqlStatement($"""
            SELECT COUNT(*) AS n, MAX({dialect.EpochMicros("h.sent_at")}) AS last_sent_us, {checksum} AS checksum
            FROM (
              SELECT {campaign} AS campaign_id, {m.Column("customer_id")} AS customer_id, {m.Column("trigger")} AS trigger_type,
                {m.Column("arm")} AS arm, {m.Column("converted")} AS converted, {revenue} AS revenue, {m.Column("sent_at")} AS sent_at
              FROM {m.Table}
            ) h
            """);
    }

    /// <summary>The members a statement selects (its <c>customer_id</c> column), with features as of <paramref name="asOf"/>.</summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="features">The features (the profile and the top taxonomy values the models were trained with).</param>
    /// <param name="members">The members' statement.</param>
    /// <param name="asOf">The features' as-of.</param>
    /// <param name="sampleSize">
    /// Null to score every member; otherwise at most this many, the first in the dialect's hash of the customer id (the
    /// same members on every run), with the number of distinct members in a <c>member_count</c> column.
    /// </param>
    public static SqlStatement Scoring(SqlDialect dialect, UpliftFeatureSet features, SqlStatement members, DateTimeOffset asOf, int? sampleSize = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(members);
        List<QueryParameter> parameters = [.. members.Parameters, QueryParameter.Timestamp("uplift_as_of", asOf)];
        if (sampleSize is not { } cap)
        {
            string all = $"""
                SELECT DISTINCT m.customer_id, '' AS anchor_key, {dialect.Parameter("uplift_as_of")} AS as_of
                FROM ({members.Sql}) m
                """;
            return Build(dialect, features, all, [], parameters);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1, nameof(sampleSize));
        parameters.Add(QueryParameter.Int64("uplift_members_sample", cap));
        string sampled = $"""
            SELECT s.customer_id, '' AS anchor_key, {dialect.Parameter("uplift_as_of")} AS as_of, s.member_count
            FROM (
              SELECT d.customer_id, COUNT(*) OVER () AS member_count,
                ROW_NUMBER() OVER (ORDER BY {dialect.Fingerprint("d.customer_id")}, d.customer_id) AS member_rank
              FROM (SELECT DISTINCT m.customer_id FROM ({members.Sql}) m) d
            ) s
            WHERE s.member_rank <= {dialect.Parameter("uplift_members_sample")}
            """;
        return Build(dialect, features, sampled, ["a.member_count"], parameters);
    }

    private static string Snake(string name)
    {
        StringBuilder s = new();
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                s.Append(c);
            }
            else if (s.Length > 0 && s[^1] != '_')
            {
                s.Append('_');
            }
        }

        return s.ToString().TrimEnd('_');
    }

    private static SqlStatement Build(SqlDialect d, UpliftFeatureSet features, string anchor, string[] experimentColumns, List<QueryParameter> parameters)
    {
        // Integer microseconds in both dialects (epoch_us / UNIX_MICROS), divided once into days as a double: DuckDB and
        // GoogleSQL compute the same value from the same timestamps.
        string Days(string ts) => string.Create(CultureInfo.InvariantCulture, $"({d.EpochMicros("a.as_of")} - {d.EpochMicros(ts)}) / {d.CastToDouble(DayMicros.ToString(CultureInfo.InvariantCulture))}");
        string Within(string ts, int days) => string.Create(CultureInfo.InvariantCulture, $"{d.EpochMicros(ts)} >= {d.EpochMicros("a.as_of")} - {days * DayMicros}");

        BusinessProfile profile = features.Profile;
        List<string> output = [$"{d.CastToString("a.customer_id")} AS customer_id", "a.anchor_key", .. experimentColumns];
        HashSet<string> names = new(NonFeatureColumns, StringComparer.OrdinalIgnoreCase);
        void Feature(string expression, string name)
        {
            string unique = name;
            for (int k = 2; !names.Add(unique); k++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{k}");
            }

            output.Add($"{expression} AS {d.QuoteColumnName(unique)}");
        }

        List<string> ctes = [$"anchor AS (\n{anchor}\n)"];
        List<string> joins = [];
        void Grouped(string name, string columns, string source, string on)
        {
            ctes.Add($"""
                {name} AS (
                  SELECT a.anchor_key, a.customer_id,
                    {columns}
                  FROM anchor a
                  LEFT JOIN ({source}) x ON x.customer_id = a.customer_id AND {on}
                  GROUP BY a.anchor_key, a.customer_id, a.as_of
                )
                """);
            joins.Add($"LEFT JOIN {name} ON {name}.anchor_key = a.anchor_key AND {name}.customer_id = a.customer_id");
        }

        // Customers and scores: the first place level and the acquisition source as categories, every number and
        // boolean attribute, tenure.
        MappedTable cu = new(d, profile.Entities.Customers);
        List<string> customerColumns = [$"{cu.Column("id")} AS customer_id"];
        EntityMapping? scores = profile.Entities.Scores;
        MappedTable? sc = scores is null ? null : new MappedTable(d, scores);
        List<string> scoreColumns = sc is null ? [] : [$"{sc.Column("customer_id")} AS customer_id"];
        string? placeAttribute = profile.Catalog.Places.Levels.Count > 0 ? profile.Catalog.Places.Levels[0].Attribute : null;
        string? sourceAttribute = profile.FindAttribute(ProfileAttributeRole.AcquisitionSource)?.Name;
        for (int i = 0; i < profile.Attributes.Count; i++)
        {
            ProfileAttribute attribute = profile.Attributes[i];
            bool categorical = attribute.Type == ProfileAttributeType.Text
                && (string.Equals(attribute.Name, placeAttribute, StringComparison.OrdinalIgnoreCase) || string.Equals(attribute.Name, sourceAttribute, StringComparison.OrdinalIgnoreCase));
            if (!categorical && attribute.Type is not (ProfileAttributeType.Number or ProfileAttributeType.Boolean))
            {
                continue;
            }

            (MappedTable? table, List<string> columns, string alias) = attribute.Entity == EntityKind.Scores ? (sc, scoreColumns, "sc") : (cu, customerColumns, "cu");
            if (table is null)
            {
                continue;
            }

            string column = string.Create(CultureInfo.InvariantCulture, $"attribute_{i}");
            columns.Add($"{table.Expression(attribute.Column)} AS {column}");
            Feature(attribute.Type == ProfileAttributeType.Boolean ? $"CASE WHEN {alias}.{column} THEN 1 ELSE 0 END" : $"{alias}.{column}", attribute.Name);
        }

        if (profile.Entities.Customers.HasColumn("created_at"))
        {
            customerColumns.Add($"{cu.Column("created_at")} AS created_at");
            Feature(Days("cu.created_at"), "tenure_days");
        }

        joins.Insert(0, $"JOIN (SELECT {string.Join(", ", customerColumns)} FROM {cu.Table}) cu ON cu.customer_id = a.customer_id");
        if (sc is not null && scoreColumns.Count > 1)
        {
            joins.Insert(1, $"LEFT JOIN (SELECT {string.Join(", ", scoreColumns)} FROM {sc.Table}) sc ON sc.customer_id = a.customer_id");
        }

        // Orders: recency, frequency and value overall and per top value of the taxonomy's first level.
        if (profile.Entities.Orders is { } orders)
        {
            MappedTable t = new(d, orders);
            bool ids = orders.HasColumn("id");
            List<string> source = [$"{t.Column("customer_id")} AS customer_id", $"{t.Column("timestamp")} AS ts", $"{t.Column("value")} AS order_value"];
            if (ids)
            {
                source.Add($"{t.Column("id")} AS order_id");
            }

            List<(string Sql, string Name)> columns =
            [
                (ids ? "COUNT(DISTINCT x.order_id)" : "COUNT(x.ts)", "order_count"),
                ("COALESCE(SUM(x.order_value), 0)", "order_value"),
                (ids ? $"COUNT(DISTINCT CASE WHEN {Within("x.ts", 90)} THEN x.order_id END)" : $"SUM(CASE WHEN {Within("x.ts", 90)} THEN 1 ELSE 0 END)", "orders_90d"),
                ($"SUM(CASE WHEN {Within("x.ts", 365)} THEN x.order_value ELSE 0 END)", "order_value_365d"),
                (Days("MAX(x.ts)"), "days_since_order"),
            ];
            if (features.TaxonomyOrdersColumn is { } taxonomy && features.TopTaxonomyValues.Count > 0)
            {
                source.Add($"{t.Expression(taxonomy)} AS taxonomy_value");
                string[] roots = [.. profile.Catalog.Taxonomy.Roots.Select(r => r.Name)];
                string[] snakes = UniqueSnakes(roots);
                for (int i = 0; i < features.TopTaxonomyValues.Count; i++)
                {
                    string value = features.TopTaxonomyValues[i];
                    string snake = snakes[Array.IndexOf(roots, value)];
                    string p = string.Create(CultureInfo.InvariantCulture, $"uplift_taxonomy_{i}");
                    parameters.Add(QueryParameter.String(p, value));
                    string match = $"x.taxonomy_value = {d.Parameter(p)}";
                    columns.Add(($"SUM(CASE WHEN {match} THEN 1 ELSE 0 END)", TaxonomyOrdersFeature(snake)));
                    columns.Add(($"SUM(CASE WHEN {match} THEN x.order_value ELSE 0 END)", "order_value_" + snake));
                    columns.Add((Days($"MAX(CASE WHEN {match} THEN x.ts END)"), "days_since_order_" + snake));
                }
            }

            AddGrouped("uplift_orders", columns, $"SELECT {string.Join(", ", source)} FROM {t.Table}");
        }

        // Events: overall activity and recency; every event type of the catalog in each window (cart events also in the
        // short cart window); each event group of the triggers' eligibility as one count per window.
        List<string> cartEventSums7 = [], cartEventSums30 = [];
        if (profile.Entities.Events is { } events)
        {
            MappedTable e = new(d, events);
            List<(string Sql, string Name)> columns =
            [
                ("COUNT(x.ts)", "events_total"),
                ($"SUM(CASE WHEN {Within("x.ts", 7)} THEN 1 ELSE 0 END)", "events_7d"),
                (Days("MAX(x.ts)"), "days_since_event"),
            ];
            IReadOnlyList<EventTypeEntry> types = profile.Catalog.EventTypes;
            string[] snakes = UniqueSnakes([.. types.Select(x => x.Name)]);
            Dictionary<string, string> typeParameters = new(StringComparer.Ordinal);
            for (int i = 0; i < types.Count; i++)
            {
                string p = string.Create(CultureInfo.InvariantCulture, $"uplift_event_{i}");
                parameters.Add(QueryParameter.String(p, types[i].Name));
                typeParameters[types[i].Name] = d.Parameter(p);
                bool cart = types[i].Kind == EventTypeKind.Cart;
                int[] windows = cart ? [UpliftFeatureSet.CartEventWindow, .. UpliftFeatureSet.EventWindows.Where(w => w != UpliftFeatureSet.CartEventWindow)] : UpliftFeatureSet.EventWindows;
                foreach (int window in windows)
                {
                    string name = string.Create(CultureInfo.InvariantCulture, $"event_{snakes[i]}_{window}d");
                    columns.Add(($"SUM(CASE WHEN x.event_type = {d.Parameter(p)} AND {Within("x.ts", window)} THEN 1 ELSE 0 END)", name));
                    if (cart && window is UpliftFeatureSet.CartEventWindow or 30)
                    {
                        (window == UpliftFeatureSet.CartEventWindow ? cartEventSums7 : cartEventSums30).Add("uplift_events." + name);
                    }
                }

                if (cart && Array.IndexOf(UpliftFeatureSet.EventWindows, 30) < 0)
                {
                    string name = $"event_{snakes[i]}_30d";
                    columns.Add(($"SUM(CASE WHEN x.event_type = {d.Parameter(p)} AND {Within("x.ts", 30)} THEN 1 ELSE 0 END)", name));
                    cartEventSums30.Add("uplift_events." + name);
                }
            }

            foreach (UpliftEventGroup group in features.EventGroups)
            {
                string match = $"x.event_type IN ({string.Join(", ", group.EventTypes.Select(t => typeParameters[t]))})";
                foreach (int? window in group.Windows)
                {
                    string when = window is { } days ? $"{match} AND {Within("x.ts", days)}" : match;
                    columns.Add(($"SUM(CASE WHEN {when} THEN 1 ELSE 0 END)", group.FeatureName(window)));
                }
            }

            AddGrouped("uplift_events", columns, $"SELECT {e.Column("customer_id")} AS customer_id, {e.Column("timestamp")} AS ts, {e.Column("type")} AS event_type FROM {e.Table}");
        }

        // Carts, only when the profile maps them: abandoned carts in windows, their value, and cart activity (a cart or
        // a cart event) in the last 7 and 30 days.
        if (profile.Entities.Carts is { } carts)
        {
            MappedTable c = new(d, carts);
            bool value = carts.HasColumn("value");
            List<(string Sql, string Name)> columns =
            [
                ("COUNT(x.ts)", "cart_count"),
                ($"SUM(CASE WHEN {Within("x.ts", 7)} THEN 1 ELSE 0 END)", "carts_7d"),
                ($"SUM(CASE WHEN {Within("x.ts", 30)} THEN 1 ELSE 0 END)", "carts_30d"),
                (Days("MAX(x.ts)"), "days_since_cart"),
            ];
            if (value)
            {
                columns.Add(("COALESCE(SUM(x.cart_value), 0)", "cart_value_total"));
                columns.Add(($"SUM(CASE WHEN {Within("x.ts", 30)} THEN x.cart_value ELSE 0 END)", "cart_value_30d"));
            }

            AddGrouped("uplift_carts", columns, $"SELECT {c.Column("customer_id")} AS customer_id, {c.Column("timestamp")} AS ts{(value ? $", {c.Column("value")} AS cart_value" : "")} FROM {c.Table}");
            Feature($"CASE WHEN {string.Join(" OR ", cartEventSums7.Append("uplift_carts.carts_7d").Select(x => x + " > 0"))} THEN 1 ELSE 0 END", "cart_activity_7d");
            Feature($"CASE WHEN {string.Join(" OR ", cartEventSums30.Append("uplift_carts.carts_30d").Select(x => x + " > 0"))} THEN 1 ELSE 0 END", "cart_activity_30d");
        }

        if (output.Count == 2 + experimentColumns.Length)
        {
            throw new AetherSegmentInputException("profile", $"Trigger ranking has no feature in the profile '{profile.Name}': it needs number or boolean attributes, customers.columns.created_at, or the entities.orders / entities.events mapping.");
        }

        string sql = $"""
            WITH {string.Join(",\n", ctes)}
            SELECT {string.Join(",\n  ", output)}
            FROM anchor a
            {string.Join("\n", joins)}
            ORDER BY a.anchor_key, a.customer_id
            """;
        return new SqlStatement(sql, parameters);

        void AddGrouped(string name, List<(string Sql, string Name)> columns, string source)
        {
            Grouped(name, string.Join(",\n    ", columns.Select(x => $"{x.Sql} AS {x.Name}")), source, "x.ts < a.as_of");
            foreach ((string _, string column) in columns)
            {
                Feature($"{name}.{column}", column);
            }
        }
    }

    /// <summary>A mapped table as the feature query reads it: its quoted name and its columns' expressions.</summary>
    private sealed class MappedTable(SqlDialect dialect, EntityMapping mapping)
    {
        /// <summary>The table name: each part quoted when every part is a plain name (e.g. <c>profiles.members</c>), else as written.</summary>
        public string Table { get; } = mapping.Table.Split('.') is { } parts && parts.All(ProfileSql.IsColumnName)
            ? string.Join('.', parts.Select(dialect.Quote))
            : mapping.Table;

        /// <summary>The expression of a logical column the mapping must have.</summary>
        public string Column(string logicalName) =>
            Expression(mapping.Column(logicalName) ?? throw new InvalidOperationException($"The {mapping.Kind} mapping has no '{logicalName}' column."));

        /// <summary>A column value of the profile: a plain name quoted by the dialect, else the expression in parentheses.</summary>
        public string Expression(string value) => ProfileSql.IsColumnName(value) ? dialect.Quote(value) : $"({value})";
    }
}
