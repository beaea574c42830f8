using System.Globalization;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Uplift;

namespace AetherSegment.Experiments;

/// <summary>
/// Experiments on stored segments, read through the profile's mapping: the design before sending (baseline from the
/// campaign history, predicted uplift from the ranker) and the results after it (orders in an attribution window after
/// activation, or an outcome file). Thread-safe; it stores nothing.
/// </summary>
public sealed class ExperimentService
{
    /// <summary>The holdout share a design assumes when the segment has none and none is given.</summary>
    public const double DefaultHoldoutShare = 0.1;

    /// <summary>Control rows below which a baseline level is too thin and the next, wider one is used.</summary>
    public const int MinBaselineRows = 100;

    private readonly BusinessProfile _profile;
    private readonly IDataStore _store;
    private readonly ISegmentStore _segments;
    private readonly TimeProvider _time;
    private readonly ITriggerRanker? _ranker;
    private readonly ICampaignHistoryWriter? _history;

    /// <summary>Creates the service; with a campaign-history writer, measured campaigns can be fed back (<see cref="FeedBackAsync"/>).</summary>
    /// <param name="profile">The profile whose mapping names the campaign sends and orders.</param>
    /// <param name="store">The customer data store.</param>
    /// <param name="segments">The segment store.</param>
    /// <param name="time">The clock ("results asked before the send").</param>
    /// <param name="ranker">The trigger ranker (predicted uplift), or <see langword="null"/>.</param>
    /// <param name="history">Writes measured campaigns into the campaign history, or <see langword="null"/> when the store cannot be written.</param>
    public ExperimentService(BusinessProfile profile, IDataStore store, ISegmentStore segments, TimeProvider time, ITriggerRanker? ranker = null, ICampaignHistoryWriter? history = null)
    {
        _history = history;
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(time);
        (_profile, _store, _segments, _time, _ranker) = (profile, store, segments, time, ranker);
    }

    /// <summary>Designs the experiment of a stored segment.</summary>
    /// <param name="segmentId">The segment id.</param>
    /// <param name="holdoutShare">The holdout share, or <see langword="null"/> for the segment's own (else 0.1).</param>
    /// <param name="predictedUplift">The absolute uplift to detect, or <see langword="null"/> for the ranker's prediction for the segment's trigger.</param>
    /// <param name="baselineRate">The holdout's conversion rate, or <see langword="null"/> to estimate it from the campaign history.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AetherSegmentInputException">Unknown segment, a number out of range, or no history and no explicit value.</exception>
    public async Task<ExperimentDesign> DesignAsync(string segmentId, double? holdoutShare = null, double? predictedUplift = null, double? baselineRate = null, CancellationToken cancellationToken = default)
    {
        StoredSegment segment = await RequireSegmentAsync(segmentId, cancellationToken).ConfigureAwait(false);
        double share = holdoutShare ?? segment.Holdout?.Share ?? DefaultHoldoutShare;
        HoldoutAssignment.Create(share, "x", "holdout");
        string baselineSource = "given";
        double baseline;
        double? dailySends = null;
        if (_profile.HasEntity(EntityKind.CampaignSends))
        {
            (double rate, string source, double? perDay) = await BaselineAsync(segment, cancellationToken).ConfigureAwait(false);
            dailySends = perDay;
            (baseline, baselineSource) = baselineRate is { } given ? (given, "given") : (rate, source);
        }
        else
        {
            baseline = baselineRate ?? throw new AetherSegmentInputException("baseline", "No baseline: the design estimates it from the campaign history, which " + _profile.MissingEntityMessage(EntityKind.CampaignSends) + "; pass a baseline rate.");
        }

        string upliftSource = "given";
        double uplift;
        if (predictedUplift is { } u)
        {
            uplift = u;
        }
        else
        {
            (uplift, upliftSource) = await PredictedUpliftAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        ExperimentDesign design = ExperimentDesigner.Design(Math.Max(2, segment.Size), share, baseline, uplift, dailySends);
        return design with { SegmentId = segment.SegmentId, Trigger = segment.Trigger, BaselineSource = baselineSource, PredictedUpliftSource = upliftSource };
    }

    /// <summary>Measures a stored segment's campaign against its holdout.</summary>
    /// <param name="segmentId">The segment id.</param>
    /// <param name="outcomes">An outcome CSV (<c>customer_id,converted[,revenue][,converted_at]</c>), or <see langword="null"/> to read the profile's orders in the window after activation.</param>
    /// <param name="windowDays">The attribution window in days after activation (1..365).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AetherSegmentInputException">Unknown segment, no holdout, results before the send, a bad or foreign outcome file.</exception>
    public async Task<ExperimentReport> ResultsAsync(string segmentId, Stream? outcomes = null, int windowDays = 14, CancellationToken cancellationToken = default)
    {
        if (windowDays is < 1 or > 365)
        {
            throw new AetherSegmentInputException("window_days", "window_days must be 1 to 365 days.");
        }

        StoredSegment segment = await RequireSegmentAsync(segmentId, cancellationToken).ConfigureAwait(false);
        SegmentHoldout holdout = segment.Holdout ?? throw new AetherSegmentInputException("segment",
            $"segment {segment.SegmentId} has no holdout: results compare treated members with a holdout; create the segment with a holdout share (e.g. --holdout 0.1).");
        DateTimeOffset start = segment.CreatedAt;
        DateTimeOffset now = _time.GetUtcNow();
        if (outcomes is null && now <= start)
        {
            throw new AetherSegmentInputException("segment", string.Create(CultureInfo.InvariantCulture,
                $"results asked before the send: segment {segment.SegmentId} was activated at {start:yyyy-MM-dd'T'HH:mm:ss'Z'} and no time has passed since."));
        }

        ExperimentReport report;
        if (outcomes is not null)
        {
            Dictionary<string, MemberArm> members = await MembersAsync(segment.SegmentId, holdout, cancellationToken).ConfigureAwait(false);
            report = await OutcomeFile.AnalyzeAsync(outcomes, members, start, cancellationToken).ConfigureAwait(false);
            return report with { SegmentId = segment.SegmentId, Source = "outcome file" };
        }

        DateTimeOffset end = start.AddDays(windowDays) < now ? start.AddDays(windowDays) : now;
        report = await StoreOutcomesAsync(segment, holdout, start, end, windowDays, cancellationToken).ConfigureAwait(false);
        return report with
        {
            SegmentId = segment.SegmentId,
            Source = string.Create(CultureInfo.InvariantCulture, $"orders from {start:yyyy-MM-dd'T'HH:mm:ss'Z'} to {end:yyyy-MM-dd'T'HH:mm:ss'Z'} ({windowDays}-day attribution window)"),
        };
    }

    /// <summary>
    /// The learning loop: appends a measured campaign to the campaign history through the profile's mapping
    /// (<c>entities.campaign_sends</c>), one row per member: the treated as the treatment arm, the holdout as the control
    /// arm, sent at activation, converted when the member ordered within the attribution window (revenue their orders'
    /// sum). The history's data version changes, so the ranker's models retrain on the next ranking. A campaign is fed
    /// back once: its rows carry the segment id as campaign id where the profile maps one, and a second call is refused.
    /// </summary>
    /// <param name="segmentId">The segment id (it needs a trigger and a holdout).</param>
    /// <param name="windowDays">The attribution window in days after activation (1..365); it must have passed.</param>
    /// <param name="cancellationToken">Cancels the call before the write commits.</param>
    /// <exception cref="AetherSegmentInputException">Unknown segment, no trigger or holdout, the window not over, fed back already, or a store that cannot be written.</exception>
    public async Task<CampaignFeedback> FeedBackAsync(string segmentId, int windowDays = 14, CancellationToken cancellationToken = default)
    {
        if (windowDays is < 1 or > 365)
        {
            throw new AetherSegmentInputException("window_days", "window_days must be 1 to 365 days.");
        }

        StoredSegment segment = await RequireSegmentAsync(segmentId, cancellationToken).ConfigureAwait(false);
        SegmentHoldout holdout = segment.Holdout ?? throw new AetherSegmentInputException("segment",
            $"segment {segment.SegmentId} has no holdout: only a randomized campaign is fed back to the history (its control rows are the holdout).");
        string trigger = segment.Trigger ?? throw new AetherSegmentInputException("segment", $"segment {segment.SegmentId} has no trigger to record in the history.");
        ICampaignHistoryWriter writer = _history ?? throw new AetherSegmentInputException("store",
            "this store cannot be written by the SDK, so measured campaigns cannot be appended to the campaign history; load them with your own pipeline.");
        DateTimeOffset end = segment.CreatedAt.AddDays(windowDays);
        if (_time.GetUtcNow() < end)
        {
            throw new AetherSegmentInputException("segment", string.Create(CultureInfo.InvariantCulture,
                $"the {windowDays}-day attribution window of segment {segment.SegmentId} ends at {end:yyyy-MM-dd'T'HH:mm:ss'Z'}: feed the campaign back after it, when every conversion is known."));
        }

        EntityMapping sends = _profile.RequireEntity(EntityKind.CampaignSends, "Feeding a campaign back");
        SqlDialect d = _store.Dialect;
        MappedColumns h = new(d, sends);
        if (sends.HasColumn("campaign_id"))
        {
            SqlStatement seen = new($"SELECT COUNT(*) FROM {h.Table} WHERE {d.CastToString(h.Column("campaign_id"))} = {d.Parameter("segment_id")}",
                [QueryParameter.String("segment_id", segment.SegmentId)]);
            if (Convert.ToInt64((await _store.QueryAsync(seen, cancellationToken).ConfigureAwait(false)).Scalar(), CultureInfo.InvariantCulture) > 0)
            {
                throw new AetherSegmentInputException("segment", $"segment {segment.SegmentId} was fed back to the campaign history already.");
            }
        }

        SqlStatement insert = FeedbackStatement(_profile, d, segment, holdout, trigger, segment.CreatedAt, end);
        await writer.InsertAsync(insert, cancellationToken).ConfigureAwait(false);
        SqlStatement arms = new($"SELECT held, COUNT(*) FROM ({HoldoutAssignment.MemberArmsSql(d, holdout)}) a GROUP BY held", HoldoutAssignment.ArmParameters(holdout, segment.SegmentId));
        long treated = 0, control = 0;
        foreach (object?[] row in (await _store.QueryAsync(arms, cancellationToken).ConfigureAwait(false)).Rows)
        {
            long n = Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
            (treated, control) = Convert.ToInt64(row[0], CultureInfo.InvariantCulture) == 1 ? (treated, n) : (n, control);
        }

        return new CampaignFeedback { SegmentId = segment.SegmentId, Trigger = trigger, TreatmentRows = treated, ControlRows = control, WindowDays = windowDays };
    }

    /// <summary>
    /// The learning loop's insert: the segment's members as campaign-send rows through the profile's mapping (mapped
    /// columns must be plain column names), with conversions and revenue from the orders in <c>[start, end)</c>.
    /// </summary>
    internal static SqlStatement FeedbackStatement(BusinessProfile profile, SqlDialect d, StoredSegment segment, SegmentHoldout holdout, string trigger, DateTimeOffset start, DateTimeOffset end)
    {
        EntityMapping sends = profile.RequireEntity(EntityKind.CampaignSends, "Feeding a campaign back");
        EntityMapping orders = profile.RequireEntity(EntityKind.Orders, "Feeding a campaign back");
        MappedColumns h = new(d, sends);
        MappedColumns o = new(d, orders);
        string value = orders.HasColumn("value") ? $"COALESCE({o.Column("value")}, 0)" : "0";
        List<(string Logical, string Expression)> columns =
        [
            ("trigger", d.Parameter("trigger")),
            ("customer_id", "a.customer_id"),
            ("arm", $"CASE WHEN a.held = 1 THEN {d.Parameter("control")} ELSE {d.Parameter("treatment")} END"),
            ("sent_at", d.Parameter("start")),
            ("converted", "b.cid IS NOT NULL"),
        ];
        foreach ((string logical, string expression) in new[]
        {
            ("campaign_id", d.Parameter("segment_id")), ("campaign_name", d.Parameter("campaign_name")), ("campaign_type", d.Parameter("campaign_type")),
            ("revenue", "COALESCE(b.rev, 0)"),
        })
        {
            if (sends.HasColumn(logical))
            {
                columns.Add((logical, expression));
            }
        }

        List<string> targets = [];
        foreach ((string logical, _) in columns)
        {
            string physical = sends.Column(logical)!;
            if (!ProfileSql.IsColumnName(physical))
            {
                throw new AetherSegmentInputException("profile", $"entities.campaign_sends maps '{logical}' to an expression; feeding campaigns back needs a plain column to write.");
            }

            targets.Add(d.Quote(physical));
        }

        return new SqlStatement($"""
            INSERT INTO {h.Table} ({string.Join(", ", targets)})
            SELECT {string.Join(", ", columns.Select(c => c.Expression))}
            FROM ({HoldoutAssignment.MemberArmsSql(d, holdout)}) a
            LEFT JOIN (
              SELECT {d.CastToString(o.Column("customer_id"))} AS cid, SUM({value}) AS rev
              FROM {o.Table}
              WHERE {o.Column("timestamp")} >= {d.Parameter("start")} AND {o.Column("timestamp")} < {d.Parameter("end")}
              GROUP BY {d.CastToString(o.Column("customer_id"))}
            ) b ON b.cid = a.customer_id
            """,
            [
                .. HoldoutAssignment.ArmParameters(holdout, segment.SegmentId),
                QueryParameter.String("trigger", trigger),
                QueryParameter.String("control", sends.ControlValue ?? "control"),
                QueryParameter.String("treatment", sends.TreatmentValue ?? "treatment"),
                QueryParameter.String("campaign_name", segment.Name ?? "experiment " + segment.SegmentId),
                QueryParameter.String("campaign_type", "experiment"),
                QueryParameter.Timestamp("start", start),
                QueryParameter.Timestamp("end", end),
            ]);
    }

    private async Task<StoredSegment> RequireSegmentAsync(string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentTables.IsSegmentId(segmentId))
        {
            throw new AetherSegmentInputException("segment", $"'{segmentId}' is not a segment id (seg_ and 32 hexadecimal digits).");
        }

        return await _segments.GetAsync(segmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new AetherSegmentInputException("segment", $"no segment {segmentId} in the store.");
    }

    private async Task<Dictionary<string, MemberArm>> MembersAsync(string segmentId, SegmentHoldout holdout, CancellationToken cancellationToken)
    {
        Dictionary<string, MemberArm> members = new(StringComparer.Ordinal);
        await foreach (object?[] row in _store.StreamAsync(ArmsQuery(_store.Dialect, segmentId, holdout), cancellationToken).ConfigureAwait(false))
        {
            members[Convert.ToString(row[0], CultureInfo.InvariantCulture) ?? ""] = new MemberArm(
                Convert.ToInt64(row[1], CultureInfo.InvariantCulture) == 1,
                (int)Convert.ToInt64(row[2], CultureInfo.InvariantCulture),
                row[3] is null or DBNull ? 0 : Convert.ToDouble(row[3], CultureInfo.InvariantCulture));
        }

        return members;
    }

    private async Task<(double Rate, string Source, double? DailySends)> BaselineAsync(StoredSegment segment, CancellationToken cancellationToken)
    {
        SqlStatement query = BaselineQuery(_profile, _store.Dialect, segment);
        QueryResult result = await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        object?[] r = result.Rows.Count > 0 ? result.Rows[0] : [0L, 0L, 0L, 0L, 0L, 0L];
        double[] v = [.. r.Select(x => x is null or DBNull ? 0 : Convert.ToDouble(x, CultureInfo.InvariantCulture))];
        CultureInfo c = CultureInfo.InvariantCulture;
        (double rate, string source) = v[0] >= MinBaselineRows
            ? (v[1] / v[0], string.Create(c, $"control sends of {segment.Trigger} to {v[0]:N0} of these members"))
            : v[2] >= MinBaselineRows
                ? (v[3] / v[2], string.Create(c, $"all {v[2]:N0} control sends of {segment.Trigger} (too few to these members)"))
                : v[4] > 0
                    ? (v[5] / v[4], string.Create(c, $"all {v[4]:N0} control sends of every trigger (too few of {segment.Trigger ?? "this trigger"})"))
                    : throw new AetherSegmentInputException("baseline", "No baseline: the campaign history has no control sends; pass a baseline rate.");

        double? perDay = null;
        if (segment.Trigger is not null)
        {
            SqlStatement volume = VolumeQuery(_profile, _store.Dialect, segment.Trigger);
            QueryResult sent = await _store.QueryAsync(volume, cancellationToken).ConfigureAwait(false);
            if (sent.Rows.Count > 0 && sent.Rows[0][1] is not (null or DBNull))
            {
                double count = Convert.ToDouble(sent.Rows[0][0], c);
                double days = Math.Max(1, (Convert.ToDouble(sent.Rows[0][2], c) - Convert.ToDouble(sent.Rows[0][1], c)) / 86_400e6);
                perDay = count / days;
            }
        }

        return (rate, source, perDay);
    }

    private async Task<(double Uplift, string Source)> PredictedUpliftAsync(StoredSegment segment, CancellationToken cancellationToken)
    {
        if (segment.Trigger is null)
        {
            throw new AetherSegmentInputException("uplift", $"segment {segment.SegmentId} has no trigger, so there is no predicted uplift; pass the uplift to detect.");
        }

        if (_ranker is null)
        {
            throw new AetherSegmentInputException("uplift", "No trigger ranker is registered to predict the uplift; pass the uplift to detect.");
        }

        SqlStatement members = new($"SELECT customer_id FROM {SegmentTables.MembersTableName} WHERE segment_id = {_store.Dialect.Parameter("segment_id")}",
            [QueryParameter.String("segment_id", segment.SegmentId)]);
        IReadOnlyList<TriggerSuggestion> ranked = await _ranker.RankAsync(members, segment.AsOf, cancellationToken).ConfigureAwait(false);
        TriggerSuggestion? mine = ranked.FirstOrDefault(s => s.Trigger == segment.Trigger);
        return mine is null
            ? throw new AetherSegmentInputException("uplift", $"the ranker has no prediction for {segment.Trigger}; pass the uplift to detect.")
            : (mine.PredictedUplift, $"ranker (mean predicted uplift of {segment.Trigger} over the members)");
    }

    private async Task<ExperimentReport> StoreOutcomesAsync(StoredSegment segment, SegmentHoldout holdout, DateTimeOffset start, DateTimeOffset end, int windowDays, CancellationToken cancellationToken)
    {
        SqlStatement query = OutcomesQuery(_profile, _store.Dialect, segment.SegmentId, holdout, start, end);
        QueryResult result = await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        int days = Math.Max(1, (int)Math.Ceiling((end - start).TotalDays));
        DailyTally tally = new(Math.Min(days, windowDays));
        foreach (object?[] row in result.Rows)
        {
            bool held = Convert.ToInt64(row[0], CultureInfo.InvariantCulture) == 1;
            int? day = row[1] is null or DBNull ? null : (int)Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
            tally.Add(held, day, Convert.ToInt64(row[2], CultureInfo.InvariantCulture), Convert.ToInt64(row[3], CultureInfo.InvariantCulture),
                Convert.ToDouble(row[4], CultureInfo.InvariantCulture), Convert.ToDouble(row[5], CultureInfo.InvariantCulture),
                (int)Convert.ToInt64(row[6], CultureInfo.InvariantCulture), Convert.ToDouble(row[7], CultureInfo.InvariantCulture));
        }

        return tally.Analyze();
    }

    /// <summary>The control-arm conversion counts of the history: among the segment's members for its trigger, for the trigger, and overall.</summary>
    internal static SqlStatement BaselineQuery(BusinessProfile profile, SqlDialect d, StoredSegment segment)
    {
        EntityMapping sends = profile.RequireEntity(EntityKind.CampaignSends, "The experiment design");
        MappedColumns h = new(d, sends);
        string trigger = d.CastToString(h.Column("trigger"));
        string hit = $"s.trigger_id = {d.Parameter("trigger")}";
        SqlStatement query = new($"""
            SELECT
              {SqlDialect.CountWhere($"{hit} AND m.customer_id IS NOT NULL")} AS member_rows,
              {SqlDialect.SumWhere($"{hit} AND m.customer_id IS NOT NULL", "s.conv")} AS member_conv,
              {SqlDialect.CountWhere(hit)} AS trigger_rows,
              {SqlDialect.SumWhere(hit, "s.conv")} AS trigger_conv,
              COUNT(*) AS all_rows,
              SUM(s.conv) AS all_conv
            FROM (
              SELECT {d.CastToString(h.Column("customer_id"))} AS cid, {trigger} AS trigger_id, CASE WHEN {h.Column("converted")} THEN 1 ELSE 0 END AS conv
              FROM {h.Table} WHERE {h.Column("arm")} = {d.Parameter("control")}
            ) s
            LEFT JOIN (SELECT DISTINCT customer_id FROM {SegmentTables.MembersTableName} WHERE segment_id = {d.Parameter("segment_id")}) m ON m.customer_id = s.cid
            """,
            [
                QueryParameter.String("trigger", segment.Trigger ?? ""),
                QueryParameter.String("control", sends.ControlValue ?? "control"),
                QueryParameter.String("segment_id", segment.SegmentId),
            ]);
        return query;
    }

    /// <summary>The trigger's sends and the first and last send (epoch microseconds).</summary>
    internal static SqlStatement VolumeQuery(BusinessProfile profile, SqlDialect d, string trigger)
    {
        MappedColumns h = new(d, profile.RequireEntity(EntityKind.CampaignSends, "The experiment design"));
        return new SqlStatement(
            $"SELECT COUNT(*), MIN({d.EpochMicros(h.Column("sent_at"))}), MAX({d.EpochMicros(h.Column("sent_at"))}) FROM {h.Table} WHERE {d.CastToString(h.Column("trigger"))} = {d.Parameter("trigger")}",
            [QueryParameter.String("trigger", trigger)]);
    }

    /// <summary>
    /// Members, conversions, revenue and the sum of predicted uplift per arm, day of first order in the window after
    /// activation and decile of predicted uplift (0 when the segment was not ranked): one GROUP BY in the store.
    /// </summary>
    internal static SqlStatement OutcomesQuery(BusinessProfile profile, SqlDialect d, string segmentId, SegmentHoldout holdout, DateTimeOffset start, DateTimeOffset end)
    {
        EntityMapping orders = profile.RequireEntity(EntityKind.Orders, "Experiment results from the store");
        MappedColumns o = new(d, orders);
        string value = orders.HasColumn("value") ? $"COALESCE({o.Column("value")}, 0)" : "0";
        string integer = d.Name == SqlDialect.BigQuery.Name ? "INT64" : "BIGINT";
        SqlStatement query = new($"""
            SELECT a.held, CASE WHEN b.cid IS NULL THEN NULL ELSE CAST(FLOOR((b.first_us - {d.Parameter("start_us")}) / 86400000000.0) AS {integer}) END AS day,
              COUNT(*) AS members, SUM(CASE WHEN b.cid IS NULL THEN 0 ELSE 1 END) AS conversions, SUM(COALESCE(b.rev, 0)) AS revenue,
              SUM(COALESCE(b.rev, 0) * COALESCE(b.rev, 0)) AS revenue_squares, a.decile, SUM(COALESCE(a.predicted_uplift, 0)) AS predicted
            FROM ({HoldoutAssignment.MemberArmsSql(d, holdout)}) a
            LEFT JOIN (
              SELECT {d.CastToString(o.Column("customer_id"))} AS cid, SUM({value}) AS rev, MIN({d.EpochMicros(o.Column("timestamp"))}) AS first_us
              FROM {o.Table}
              WHERE {o.Column("timestamp")} >= {d.Parameter("start")} AND {o.Column("timestamp")} < {d.Parameter("end")}
              GROUP BY {d.CastToString(o.Column("customer_id"))}
            ) b ON b.cid = a.customer_id
            GROUP BY 1, 2, 7
            """,
            [
                .. HoldoutAssignment.ArmParameters(holdout, segmentId),
                QueryParameter.Timestamp("start", start),
                QueryParameter.Timestamp("end", end),
                QueryParameter.Int64("start_us", start.ToUnixTimeMilliseconds() * 1000),
            ]);
        return query;
    }

    /// <summary>Each member of a stored segment with its arm, decile (0 when unranked) and predicted uplift.</summary>
    internal static SqlStatement ArmsQuery(SqlDialect d, string segmentId, SegmentHoldout holdout) =>
        new($"SELECT customer_id, held, decile, predicted_uplift FROM ({HoldoutAssignment.MemberArmsSql(d, holdout)}) a", HoldoutAssignment.ArmParameters(holdout, segmentId));

    /// <summary>A mapped table's quoted name and its logical columns' expressions.</summary>
    private sealed class MappedColumns(SqlDialect dialect, EntityMapping mapping)
    {
        public string Table { get; } = mapping.Table.Split('.') is { } parts && parts.All(ProfileSql.IsColumnName)
            ? string.Join('.', parts.Select(dialect.Quote))
            : mapping.Table;

        public string Column(string logical) => mapping.Column(logical) is { } value
            ? ProfileSql.IsColumnName(value) ? dialect.Quote(value) : $"({value})"
            : throw new AetherSegmentInputException("profile", $"the {mapping.Kind} mapping has no '{logical}' column, which experiments need.");
    }
}
