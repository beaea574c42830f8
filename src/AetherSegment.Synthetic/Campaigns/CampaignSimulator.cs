using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Experiments;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Campaigns;

/// <summary>
/// Plays an activated segment's campaign offline through the generator's causal response model (the demo profile's):
/// each member converts within the N days after activation with probability baseline + (treated ? true uplift : 0),
/// where the true uplift of the segment's trigger is the generator's own (<c>ground_truth_uplift</c>) and the baseline
/// is the response model's baseline evaluated on the member's observed state at the segment's as-of (value score,
/// churn probability, a purchase in the last 90 days, a visit in the last 14). Each conversion is written as an order
/// (<c>transactions</c>) at a uniformly drawn time in the N days after activation, so <c>experiment results</c> reads
/// the outcomes from the store as the days pass. Held-out members (the segment's stored holdout, stratified or not)
/// are never treated. Seeded: the same segment, days and seed write the same orders.
/// </summary>
/// <remarks>Thread-safe; each call appends its orders in one commit.</remarks>
public sealed class CampaignSimulator
{
    private readonly IDataStore _store;
    private readonly ISegmentStore _segments;
    private readonly IDataAppender _appender;

    /// <summary>Creates the simulator.</summary>
    /// <param name="store">The store holding the generated data and the segment.</param>
    /// <param name="segments">The segment store.</param>
    /// <param name="appender">Appends the simulated orders.</param>
    public CampaignSimulator(IDataStore store, ISegmentStore segments, IDataAppender appender)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(appender);
        (_store, _segments, _appender) = (store, segments, appender);
    }

    /// <summary>Plays the campaign of a stored segment for a number of days and writes its orders.</summary>
    /// <param name="segmentId">The segment id (it needs a trigger and a holdout).</param>
    /// <param name="days">Days after activation to play, 1..365.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="cancellationToken">Cancels the simulation before anything is written.</param>
    /// <returns>What was played: members and conversions per arm, and the true uplift the campaign had.</returns>
    /// <exception cref="AetherSegmentInputException">Days out of range, an unknown segment, or one without a trigger or a holdout.</exception>
    public async Task<CampaignSimulation> SimulateAsync(string segmentId, int days, int seed = 15, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > 365)
        {
            throw new AetherSegmentInputException("days", string.Create(CultureInfo.InvariantCulture, $"days must be 1 to 365; got {days}."));
        }

        if (!SegmentTables.IsSegmentId(segmentId))
        {
            throw new AetherSegmentInputException("segment", $"'{segmentId}' is not a segment id (seg_ and 32 hexadecimal digits).");
        }

        StoredSegment segment = await _segments.GetAsync(segmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new AetherSegmentInputException("segment", $"no segment {segmentId} in the store.");
        string trigger = segment.Trigger
            ?? throw new AetherSegmentInputException("segment", $"segment {segmentId} has no trigger: the simulation plays the trigger's true uplift; create it with a trigger.");
        SegmentHoldout holdout = segment.Holdout
            ?? throw new AetherSegmentInputException("segment", $"segment {segmentId} has no holdout: create it with --holdout so the campaign can be measured.");

        List<Member> members = await ReadMembersAsync(segment, trigger, holdout, cancellationToken).ConfigureAwait(false);
        Random random = new(seed);
        List<Order> orders = [];
        long[] counts = new long[2], conversions = new long[2];
        double trueUplift = 0;
        long spanSeconds = days * 86_400L;
        foreach (Member m in members)
        {
            int arm = m.Held ? 1 : 0;
            counts[arm]++;
            trueUplift += m.Held ? 0 : m.TrueUplift;
            double p = Math.Clamp(m.Baseline + (m.Held ? 0 : m.TrueUplift), 0, 0.95);
            double draw = random.NextDouble();
            long offset = random.NextInt64(spanSeconds);
            int category = random.Next(SyntheticVocabulary.Categories.Length);
            ProductTypeInfo[] types = SyntheticVocabulary.ProductTypes[category];
            ProductTypeInfo type = types[random.Next(types.Length)];
            double price = Math.Round(type.MinPrice + (random.NextDouble() * (type.MaxPrice - type.MinPrice)), 2);
            if (draw < p)
            {
                conversions[arm]++;
                orders.Add(new Order(
                    string.Create(CultureInfo.InvariantCulture, $"SIM-{segment.SegmentId[4..12]}-{orders.Count + 1}"),
                    m.CustomerId, segment.CreatedAt.UtcDateTime.AddSeconds(offset + 1), SyntheticVocabulary.Categories[category].Name, type.Name, type.Name, price));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _appender.AppendAsync(DataSchema.Transactions, orders, cancellationToken).ConfigureAwait(false);
        return new CampaignSimulation
        {
            SegmentId = segment.SegmentId,
            Trigger = trigger,
            Days = days,
            Seed = seed,
            Treated = new ArmOutcome(counts[0], conversions[0]),
            Holdout = new ArmOutcome(counts[1], conversions[1]),
            TrueUplift = counts[0] == 0 ? 0 : trueUplift / counts[0],
            OrdersWritten = orders.Count,
        };
    }

    private async Task<List<Member>> ReadMembersAsync(StoredSegment segment, string trigger, SegmentHoldout holdout, CancellationToken cancellationToken)
    {
        SqlDialect d = _store.Dialect;
        string asOf = d.Parameter("as_of");
        SqlStatement query = new($"""
            SELECT a.customer_id, a.held, COALESCE(g.true_uplift, 0), COALESCE(c.clv_score, 0), COALESCE(s.churn_probability, 0),
              CASE WHEN p.customer_id IS NULL THEN 0 ELSE 1 END, CASE WHEN e.customer_id IS NULL THEN 0 ELSE 1 END
            FROM ({HoldoutAssignment.MemberArmsSql(d, holdout)}) a
            LEFT JOIN ground_truth_uplift g ON g.customer_id = a.customer_id AND g.trigger_type = {d.Parameter("trigger")}
            LEFT JOIN customers c ON c.customer_id = a.customer_id
            LEFT JOIN customer_scores s ON s.customer_id = a.customer_id
            LEFT JOIN (SELECT DISTINCT customer_id FROM transactions WHERE transaction_date <= {asOf} AND transaction_date > {d.Parameter("purchase_since")}) p ON p.customer_id = a.customer_id
            LEFT JOIN (SELECT DISTINCT customer_id FROM behavioral_events WHERE event_timestamp <= {asOf} AND event_timestamp > {d.Parameter("visit_since")}) e ON e.customer_id = a.customer_id
            ORDER BY a.customer_id
            """,
            [
                .. HoldoutAssignment.ArmParameters(holdout, segment.SegmentId),
                QueryParameter.String("trigger", trigger),
                QueryParameter.Timestamp("as_of", segment.AsOf),
                QueryParameter.Timestamp("purchase_since", segment.AsOf.AddDays(-90)),
                QueryParameter.Timestamp("visit_since", segment.AsOf.AddDays(-14)),
            ]);
        List<Member> members = [];
        await foreach (object?[] row in _store.StreamAsync(query, cancellationToken).ConfigureAwait(false))
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            double clv = Convert.ToDouble(row[3], c), churn = Convert.ToDouble(row[4], c);
            bool purchased = Convert.ToInt64(row[5], c) == 1, visited = Convert.ToInt64(row[6], c) == 1;
            // The response model's baseline (Generation/ResponseModel.cs) on the observed state.
            double baseline = Math.Clamp(0.015 + (0.07 * clv) + (purchased ? 0.025 : 0) + (visited ? 0.01 : 0) - (0.03 * churn), 0.003, 0.3);
            members.Add(new Member(Convert.ToString(row[0], c)!, Convert.ToInt64(row[1], c) == 1, Convert.ToDouble(row[2], c), baseline));
        }

        return members;
    }

    private readonly record struct Member(string CustomerId, bool Held, double TrueUplift, double Baseline);

    private sealed record Order(string Id, string CustomerId, DateTime At, string Category, string ProductType, string ProductName, double Value) : IDataRow
    {
        public void WriteTo(ITableWriter writer)
        {
            writer.StartRow();
            writer.Write(Id);
            writer.Write(CustomerId);
            writer.Write(At);
            writer.Write(Category);
            writer.Write(ProductType);
            writer.Write(ProductName);
            writer.Write(1L);
            writer.Write(Value);
            writer.EndRow();
        }
    }
}
