using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.Uplift;

/// <summary>
/// The per-customer feature query of trigger ranking, written for DuckDB and GoogleSQL alike: recency, frequency and
/// value of purchases (overall and per category), browsing and cart activity in windows, room planner and AR use,
/// stock checks and wishlist adds, carts, the customer scores, tenure and country, each computed as of an anchor time:
/// a campaign's <c>sent_at</c> for training rows (nothing after the send leaks in) and the data's as-of (the one segments use) for scoring.
/// Identifiers come from <see cref="DataSchema"/> and <see cref="RetailCatalog"/>; every value is a parameter.
/// </summary>
/// <remarks>
/// City is left out on purpose: 21 levels nested in the country leave a few hundred campaign rows per level and arm,
/// and the boosted trees' categorical splits (levels sorted by gradient, best prefix) fitted that noise, taking a
/// quarter of every trigger model's split gain on the generated data, where city has no effect. With the trees'
/// categorical protection (<see cref="BoostingSettings.MinDataPerGroup"/>, <see cref="BoostingSettings.CatL2"/>) it
/// still takes 12-16% and still lowers the ranking's correlation with the ground truth (docs/uplift.md).
/// </remarks>
internal static class UpliftFeatureQuery
{
    /// <summary>Microseconds in a day: ages are computed from integer microseconds in both dialects (one clock, one precision).</summary>
    private const long DayMicros = 86_400_000_000;

    /// <summary>Columns that are not features: keys and, for training, the experiment's arm and outcome.</summary>
    public static readonly string[] NonFeatureColumns = ["customer_id", "anchor_key", "trigger_type", "treated", "converted", "revenue", "member_count"];

    /// <summary>
    /// A stratified sample of past campaign rows (treatment and control), with features as of each campaign's send:
    /// per trigger and arm, the <paramref name="rowsPerArm"/> rows whose customers come first in the dialect's
    /// deterministic hash of the customer id (ties broken by customer and campaign id), so the sample is the same on
    /// every run over the same data and its size is bounded whatever the length of the history.
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="rowsPerArm">The cap per trigger and arm (at least 1).</param>
    public static SqlStatement Training(SqlDialect dialect, int rowsPerArm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerArm, 1);
        string group = "h." + dialect.Quote("group");
        string anchor = $"""
            SELECT s.anchor_key, s.customer_id, s.as_of, s.trigger_type, s.treated, s.converted, s.revenue
            FROM (
              SELECT h.campaign_id AS anchor_key, h.customer_id, h.sent_at AS as_of, h.trigger_type,
                CASE WHEN {group} = {dialect.Parameter("uplift_treatment")} THEN 1 ELSE 0 END AS treated,
                CASE WHEN h.converted THEN 1 ELSE 0 END AS converted, COALESCE(h.revenue, 0) AS revenue,
                ROW_NUMBER() OVER (PARTITION BY h.trigger_type, {group} ORDER BY {dialect.Fingerprint("h.customer_id")}, h.customer_id, h.campaign_id) AS sample_rank
              FROM {DataSchema.CampaignHistory.Name} h
              WHERE {group} IN ({dialect.Parameter("uplift_treatment")}, {dialect.Parameter("uplift_control")})
            ) s
            WHERE s.sample_rank <= {dialect.Parameter("uplift_rows_per_arm")}
            """;
        List<QueryParameter> parameters =
        [
            QueryParameter.String("uplift_treatment", "treatment"),
            QueryParameter.String("uplift_control", "control"),
            QueryParameter.Int64("uplift_rows_per_arm", rowsPerArm),
        ];
        return Build(dialect, anchor, "a.trigger_type, a.treated, a.converted, a.revenue, ", parameters);
    }

    /// <summary>
    /// The fingerprint of the campaign history the trigger models learn from, in one cheap aggregate: the row count,
    /// the latest send (microseconds since the epoch) and an order-independent checksum (XOR of the dialect's hash)
    /// of every row's campaign, customer, trigger, arm, outcome, revenue and send time. Any appended, removed or edited
    /// row changes it. Columns: <c>n</c>, <c>last_sent_us</c>, <c>checksum</c>.
    /// </summary>
    public static SqlStatement DataVersion(SqlDialect dialect)
    {
        string checksum = dialect.RowsChecksum("h.campaign_id", "h.customer_id", "h.trigger_type", "h." + dialect.Quote("group"), "h.converted", "h.revenue", dialect.EpochMicros("h.sent_at"));
        return new SqlStatement($"SELECT COUNT(*) AS n, MAX({dialect.EpochMicros("h.sent_at")}) AS last_sent_us, {checksum} AS checksum FROM {DataSchema.CampaignHistory.Name} h");
    }

    /// <summary>The members a statement selects (its <c>customer_id</c> column), with features as of <paramref name="asOf"/>.</summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="members">The members' statement.</param>
    /// <param name="asOf">The features' as-of.</param>
    /// <param name="sampleSize">
    /// Null to score every member; otherwise at most this many, the first in the dialect's hash of the customer id (the
    /// same members on every run), with the number of distinct members in a <c>member_count</c> column.
    /// </param>
    public static SqlStatement Scoring(SqlDialect dialect, SqlStatement members, DateTimeOffset asOf, int? sampleSize = null)
    {
        List<QueryParameter> parameters = [.. members.Parameters, QueryParameter.Timestamp("uplift_as_of", asOf)];
        if (sampleSize is not { } cap)
        {
            string all = $"""
                SELECT DISTINCT m.customer_id, '' AS anchor_key, {dialect.Parameter("uplift_as_of")} AS as_of
                FROM ({members.Sql}) m
                """;
            return Build(dialect, all, string.Empty, parameters);
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
        return Build(dialect, sampled, "a.member_count, ", parameters);
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

    private static SqlStatement Build(SqlDialect d, string anchor, string experimentColumns, List<QueryParameter> parameters)
    {
        // Integer microseconds in both dialects (epoch_us / UNIX_MICROS), divided once into days as a double: DuckDB and
        // GoogleSQL compute the same value from the same timestamps.
        string Days(string ts) => string.Create(CultureInfo.InvariantCulture, $"({d.EpochMicros("a.as_of")} - {d.EpochMicros(ts)}) / {d.CastToDouble(DayMicros.ToString(CultureInfo.InvariantCulture))}");
        string Within(string ts, int days) => string.Create(CultureInfo.InvariantCulture, $"{d.EpochMicros(ts)} >= {d.EpochMicros("a.as_of")} - {days * DayMicros}");

        StringBuilder purchases = new();
        for (int i = 0; i < RetailCatalog.Categories.Count; i++)
        {
            string p = $"uplift_category_{i}";
            parameters.Add(QueryParameter.String(p, RetailCatalog.Categories[i].Name));
            string name = Snake(RetailCatalog.Categories[i].Name);
            purchases.Append(CultureInfo.InvariantCulture, $",\n    SUM(CASE WHEN t.category = {d.Parameter(p)} THEN t.order_value ELSE 0 END) AS value_{name}");
            purchases.Append(CultureInfo.InvariantCulture, $",\n    {Days($"MAX(CASE WHEN t.category = {d.Parameter(p)} THEN t.transaction_date END)")} AS days_since_{name}");
        }

        StringBuilder events = new();
        for (int i = 0; i < RetailCatalog.EventTypes.Count; i++)
        {
            string p = $"uplift_event_{i}";
            parameters.Add(QueryParameter.String(p, RetailCatalog.EventTypes[i]));
            events.Append(CultureInfo.InvariantCulture, $",\n    SUM(CASE WHEN e.event_type = {d.Parameter(p)} AND {Within("e.event_timestamp", 30)} THEN 1 ELSE 0 END) AS {RetailCatalog.EventTypes[i]}_30d");
        }

        string Event(string type) => d.Parameter($"uplift_event_{IndexOf(RetailCatalog.EventTypes, type)}");

        string sql = $"""
            WITH anchor AS (
            {anchor}
            ),
            purchases AS (
              SELECT a.anchor_key, a.customer_id,
                COUNT(t.transaction_id) AS purchase_count,
                COALESCE(SUM(t.order_value), 0) AS purchase_value,
                SUM(CASE WHEN {Within("t.transaction_date", 90)} THEN 1 ELSE 0 END) AS purchases_90d,
                SUM(CASE WHEN {Within("t.transaction_date", 365)} THEN t.order_value ELSE 0 END) AS purchase_value_365d,
                {Days("MAX(t.transaction_date)")} AS days_since_purchase{purchases}
              FROM anchor a
              LEFT JOIN {DataSchema.Transactions.Name} t ON t.customer_id = a.customer_id AND t.transaction_date < a.as_of
              GROUP BY a.anchor_key, a.customer_id, a.as_of
            ),
            events AS (
              SELECT a.anchor_key, a.customer_id,
                COUNT(e.event_id) AS events_total,
                SUM(CASE WHEN {Within("e.event_timestamp", 7)} THEN 1 ELSE 0 END) AS events_7d,
                SUM(CASE WHEN e.event_type IN ({Event("room_planner_use")}, {Event("ar_view")}) THEN 1 ELSE 0 END) AS planner_ar_uses,
                SUM(CASE WHEN e.event_type IN ({Event("stock_check")}, {Event("wishlist_add")}) AND {Within("e.event_timestamp", 30)} THEN 1 ELSE 0 END) AS stock_wishlist_30d,
                SUM(CASE WHEN e.event_type IN ({Event("stock_check")}, {Event("wishlist_add")}) AND {Within("e.event_timestamp", 90)} THEN 1 ELSE 0 END) AS stock_wishlist_90d,
                SUM(CASE WHEN e.event_type = {Event("add_to_cart")} AND {Within("e.event_timestamp", 7)} THEN 1 ELSE 0 END) AS add_to_cart_7d,
                {Days("MAX(e.event_timestamp)")} AS days_since_event{events}
              FROM anchor a
              LEFT JOIN {DataSchema.BehavioralEvents.Name} e ON e.customer_id = a.customer_id AND e.event_timestamp < a.as_of
              GROUP BY a.anchor_key, a.customer_id, a.as_of
            ),
            carts AS (
              SELECT a.anchor_key, a.customer_id,
                COUNT(c.cart_id) AS cart_count,
                COALESCE(SUM(c.cart_value), 0) AS cart_value_total,
                SUM(CASE WHEN {Within("c.abandoned_at", 7)} THEN 1 ELSE 0 END) AS carts_7d,
                SUM(CASE WHEN {Within("c.abandoned_at", 30)} THEN 1 ELSE 0 END) AS carts_30d,
                SUM(CASE WHEN {Within("c.abandoned_at", 30)} THEN c.cart_value ELSE 0 END) AS cart_value_30d,
                {Days("MAX(c.abandoned_at)")} AS days_since_cart
              FROM anchor a
              LEFT JOIN {DataSchema.AbandonedCarts.Name} c ON c.customer_id = a.customer_id AND c.abandoned_at < a.as_of
              GROUP BY a.anchor_key, a.customer_id, a.as_of
            )
            SELECT a.customer_id, a.anchor_key, {experimentColumns}
              cu.country, cu.acquisition_source, cu.clv_score,
              {Days("cu.created_at")} AS tenure_days,
              s.discount_sensitivity, s.free_shipping_sensitivity, s.churn_probability, s.content_engagement,
              CASE WHEN s.exclusivity_seeker THEN 1 ELSE 0 END AS exclusivity_seeker,
              CASE WHEN ev.add_to_cart_7d > 0 OR ca.carts_7d > 0 THEN 1 ELSE 0 END AS cart_activity_7d,
              CASE WHEN ev.add_to_cart_30d > 0 OR ca.carts_30d > 0 THEN 1 ELSE 0 END AS cart_activity_30d,
              p.* EXCLUDE_KEYS, ev.* EXCLUDE_KEYS, ca.* EXCLUDE_KEYS
            FROM anchor a
            JOIN {DataSchema.Customers.Name} cu ON cu.customer_id = a.customer_id
            LEFT JOIN {DataSchema.CustomerScores.Name} s ON s.customer_id = a.customer_id
            LEFT JOIN purchases p ON p.anchor_key = a.anchor_key AND p.customer_id = a.customer_id
            LEFT JOIN events ev ON ev.anchor_key = a.anchor_key AND ev.customer_id = a.customer_id
            LEFT JOIN carts ca ON ca.anchor_key = a.anchor_key AND ca.customer_id = a.customer_id
            ORDER BY a.anchor_key, a.customer_id
            """;
        sql = sql.Replace(" EXCLUDE_KEYS", " " + d.StarExcept("anchor_key", "customer_id"), StringComparison.Ordinal);
        return new SqlStatement(sql, parameters);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{value}' is not in the catalog.");
    }
}
