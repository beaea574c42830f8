using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Experiments;

/// <summary>
/// Holdout assignment by a keyed hash that .NET, DuckDB and BigQuery compute identically: the first 32 bits of
/// SHA-256 of <c>salt + ":" + customer_id</c> (UTF-8), read as an unsigned integer <c>b</c>; a member is held out when
/// <c>b &lt; floor(share * 2^32)</c>. Thread-safe.
/// </summary>
public static class HoldoutAssignment
{
    /// <summary>The method name stored with a holdout.</summary>
    public const string Method = "sha256_prefix32";

    /// <summary>
    /// The method name of a holdout stratified by predicted-uplift decile: within each decile (members without a score
    /// form decile 0), members are ordered by their bucket (then customer id, ordinal) and the first
    /// <c>floor(n * share + 0.5)</c> of the decile's <c>n</c> are held out.
    /// </summary>
    public const string StratifiedMethod = "sha256_rank_in_uplift_decile";

    /// <summary>The smallest share accepted (exclusive).</summary>
    public const double MinShare = 0;

    /// <summary>The largest share accepted (inclusive).</summary>
    public const double MaxShare = 0.5;

    /// <summary>Creates a holdout of a share with a new random salt (or the one given).</summary>
    /// <param name="share">The held-out share, in (0, 0.5].</param>
    /// <param name="salt">A salt (letters, digits, '-', '_', 1..64 characters), or <see langword="null"/> for a new random one.</param>
    /// <param name="field">The request field the share came from, named in the error.</param>
    /// <exception cref="AetherSegmentInputException">The share is outside (0, 0.5] or the salt is malformed.</exception>
    public static SegmentHoldout Create(double share, string? salt = null, string field = "holdout")
    {
        if (!double.IsFinite(share) || share <= MinShare || share > MaxShare)
        {
            throw new AetherSegmentInputException(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must be a share in (0, 0.5], e.g. 0.1 for a 10% holdout; got {share}."));
        }

        if (salt is not null && (salt.Length is 0 or > 64 || !salt.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new AetherSegmentInputException(field + "_salt", "the holdout salt must be 1 to 64 letters, digits, '-' or '_'.");
        }

        return new SegmentHoldout { Share = share, Salt = salt ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
    }

    /// <summary>The member's hash bucket: the first 32 bits of SHA-256(salt:customer_id), 0..2^32-1.</summary>
    /// <param name="salt">The segment's salt.</param>
    /// <param name="customerId">The customer id as text.</param>
    public static long Bucket(string salt, string customerId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(customerId);
        int length = Encoding.UTF8.GetByteCount(salt) + 1 + Encoding.UTF8.GetByteCount(customerId);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        int written = Encoding.UTF8.GetBytes(salt, input);
        input[written++] = (byte)':';
        Encoding.UTF8.GetBytes(customerId, input[written..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return ((long)hash[0] << 24) | ((long)hash[1] << 16) | ((long)hash[2] << 8) | hash[3];
    }

    /// <summary>The bucket bound of a share: members with a bucket below it are held out.</summary>
    /// <param name="share">The held-out share.</param>
    public static long Threshold(double share) => (long)Math.Floor(share * 4294967296.0);

    /// <summary>Whether a customer is in a segment's holdout.</summary>
    /// <param name="holdout">The segment's holdout.</param>
    /// <param name="customerId">The customer id as text.</param>
    public static bool IsHoldout(SegmentHoldout holdout, string customerId)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return Bucket(holdout.Salt, customerId) < Threshold(holdout.Share);
    }

    /// <summary>
    /// The segment as stored with its members' scores: with scores and a holdout, the holdout is stratified by decile
    /// (<see cref="StratifiedMethod"/>); otherwise the segment unchanged.
    /// </summary>
    /// <param name="segment">The segment.</param>
    /// <param name="scores">The members' scores, or <see langword="null"/>.</param>
    public static StoredSegment WithScores(StoredSegment segment, MemberUpliftScores? scores)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return scores is not null && segment.Holdout is { IsStratified: false } holdout
            ? segment with { Holdout = holdout with { Method = StratifiedMethod } }
            : segment;
    }

    /// <summary>How many of a decile's members a stratified holdout holds out: <c>floor(n * share + 0.5)</c>.</summary>
    /// <param name="members">The decile's members.</param>
    /// <param name="share">The held-out share.</param>
    public static long StratumHoldoutCount(long members, double share) => (long)Math.Floor(members * share + 0.5);

    /// <summary>
    /// The held-out members of a holdout over a segment's members: by the hash alone, or, for a stratified holdout,
    /// by rank of the hash within each decile (the reference the SQL of <see cref="MemberArmsSql"/> agrees with).
    /// </summary>
    /// <param name="holdout">The segment's holdout.</param>
    /// <param name="customerIds">The members.</param>
    /// <param name="decileOf">A member's decile (0 when it has no score); used only when the holdout is stratified.</param>
    public static HashSet<string> HeldOut(SegmentHoldout holdout, IEnumerable<string> customerIds, Func<string, int> decileOf)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(decileOf);
        HashSet<string> held = new(StringComparer.Ordinal);
        if (!holdout.IsStratified)
        {
            long threshold = Threshold(holdout.Share);
            foreach (string id in customerIds)
            {
                if (Bucket(holdout.Salt, id) < threshold)
                {
                    held.Add(id);
                }
            }

            return held;
        }

        foreach (IGrouping<int, (string Id, long Bucket)> stratum in customerIds.Select(id => (Id: id, Bucket: Bucket(holdout.Salt, id))).GroupBy(m => decileOf(m.Id)))
        {
            List<(string Id, long Bucket)> members = [.. stratum];
            members.Sort((a, b) => a.Bucket != b.Bucket ? a.Bucket.CompareTo(b.Bucket) : string.CompareOrdinal(a.Id, b.Id));
            long take = StratumHoldoutCount(members.Count, holdout.Share);
            for (int i = 0; i < take; i++)
            {
                held.Add(members[i].Id);
            }
        }

        return held;
    }

    /// <summary>
    /// The arms of a stratified holdout over every member of a segment, computed in .NET: the same members
    /// <see cref="HeldOut"/> and <see cref="ComputedMemberArmsSql"/> hold out (rank of the bucket within each decile, ties
    /// by customer id, ordinal), in flat arrays for a million members (the buckets are hashed on every core).
    /// </summary>
    /// <param name="holdout">The segment's holdout.</param>
    /// <param name="customerIds">Every member's id, each once.</param>
    /// <param name="deciles">Each member's decile, 0 (unscored) to <see cref="MemberUpliftScores.DecileCount"/>, in the order of <paramref name="customerIds"/>.</param>
    /// <returns>Whether each member is held out, in the order of <paramref name="customerIds"/>.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or a decile is out of range.</exception>
    public static bool[] StratifiedArms(SegmentHoldout holdout, IReadOnlyList<string> customerIds, IReadOnlyList<int> deciles)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(deciles);
        int n = customerIds.Count;
        if (deciles.Count != n)
        {
            throw new ArgumentException("one decile per customer id is needed.", nameof(deciles));
        }

        long[] buckets = new long[n];
        string salt = holdout.Salt;
        Parallel.For(0, (n + 16_383) / 16_384, chunk =>
        {
            int end = Math.Min(n, (chunk + 1) * 16_384);
            for (int i = chunk * 16_384; i < end; i++)
            {
                buckets[i] = Bucket(salt, customerIds[i]);
            }
        });

        // The members grouped by decile (a counting sort), then each decile sorted by (bucket, id).
        int strata = MemberUpliftScores.DecileCount + 1;
        int[] starts = new int[strata + 1];
        for (int i = 0; i < n; i++)
        {
            int decile = deciles[i];
            if ((uint)decile >= (uint)strata)
            {
                throw new ArgumentException($"decile {decile} is outside 0..{MemberUpliftScores.DecileCount}.", nameof(deciles));
            }

            starts[decile + 1]++;
        }

        for (int d = 0; d < strata; d++)
        {
            starts[d + 1] += starts[d];
        }

        int[] order = new int[n];
        long[] keys = new long[n];
        int[] next = (int[])starts.Clone();
        for (int i = 0; i < n; i++)
        {
            int at = next[deciles[i]]++;
            order[at] = i;
            keys[at] = buckets[i];
        }

        bool[] held = new bool[n];
        Comparison<int> byId = (a, b) => string.CompareOrdinal(customerIds[a], customerIds[b]);
        for (int d = 0; d < strata; d++)
        {
            int start = starts[d];
            int count = starts[d + 1] - start;
            if (count == 0)
            {
                continue;
            }

            Span<long> stratumKeys = keys.AsSpan(start, count);
            Span<int> stratum = order.AsSpan(start, count);
            stratumKeys.Sort(stratum);
            for (int tie = 0; tie < count;)
            {
                int tieEnd = tie + 1;
                while (tieEnd < count && stratumKeys[tieEnd] == stratumKeys[tie])
                {
                    tieEnd++;
                }

                if (tieEnd - tie > 1)
                {
                    stratum[tie..tieEnd].Sort(byId);
                }

                tie = tieEnd;
            }

            long take = StratumHoldoutCount(count, holdout.Share);
            for (int r = 0; r < take; r++)
            {
                held[stratum[r]] = true;
            }
        }

        return held;
    }

    /// <summary>
    /// A derived table of a stored segment's members with their arm and decile, in a dialect:
    /// <c>customer_id, held (1 or 0), decile (0 when unranked), predicted_uplift (NULL when unranked)</c>, with the
    /// parameters of <see cref="ArmParameters"/>. When the arms are kept with the segment
    /// (<see cref="SegmentHoldout.ArmsKept"/>), a read of <see cref="MemberUpliftScores.Table"/>; otherwise
    /// <see cref="ComputedMemberArmsSql"/>, the keyed hash computed in the query.
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="holdout">The segment's holdout.</param>
    public static string MemberArmsSql(SqlDialect dialect, SegmentHoldout holdout)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(holdout);
        return holdout.ArmsKept
            ? $"SELECT customer_id, held, decile, predicted_uplift FROM {MemberUpliftScores.TableName} WHERE segment_id = {dialect.Parameter("segment_id")}"
            : ComputedMemberArmsSql(dialect, holdout);
    }

    /// <summary>
    /// The documented assignment, computed: a derived table of a stored segment's members with their arm and decile, in a dialect:
    /// <c>customer_id, held (1 or 0), decile (0 when unranked), predicted_uplift (NULL when unranked)</c>. The segment id is
    /// the parameter <c>segment_id</c>; the holdout's are those of <see cref="Parameters(SegmentHoldout)"/> plus
    /// <c>holdout_share</c> (<see cref="ComputedArmParameters"/>). A stratified holdout reads the decile from
    /// <see cref="MemberUpliftScores.Table"/> (or computes it from the audience score set it references,
    /// <see cref="SegmentHoldout.Scores"/>) and ranks the bucket within it (a window function); an unstratified one
    /// compares the bucket with the threshold. This is what a warehouse recomputes; arms kept with the segment
    /// (<see cref="SegmentHoldout.ArmsKept"/>) are equal to it.
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="holdout">The segment's holdout.</param>
    public static string ComputedMemberArmsSql(SqlDialect dialect, SegmentHoldout holdout)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(holdout);
        string segment = dialect.Parameter("segment_id");
        if (!holdout.IsStratified)
        {
            return $"SELECT customer_id, CASE WHEN {HoldoutSql(dialect, "customer_id")} THEN 1 ELSE 0 END AS held, 0 AS decile, CAST(NULL AS {(dialect.Name == SqlDialect.BigQuery.Name ? "FLOAT64" : "DOUBLE")}) AS predicted_uplift " +
                $"FROM {SegmentTables.MembersTableName} WHERE segment_id = {segment}";
        }

        // The members with their decile and score: the score rows kept with the segment, or the audience score set it
        // references; then the rank of each member's bucket within its decile.
        string members = holdout.Scores is null
            ? $"SELECT mm.customer_id AS customer_id, COALESCE(sc.decile, 0) AS decile, sc.predicted_uplift AS predicted_uplift " +
              $"FROM {SegmentTables.MembersTableName} mm " +
              $"LEFT JOIN (SELECT customer_id, predicted_uplift, decile FROM {MemberUpliftScores.TableName} WHERE segment_id = {segment}) sc ON sc.customer_id = mm.customer_id " +
              $"WHERE mm.segment_id = {segment}"
            : AudienceUpliftScores.MemberScoresSql(dialect);
        return $"""
            SELECT customer_id, CASE WHEN r <= FLOOR(n * {dialect.Parameter("holdout_share")} + 0.5) THEN 1 ELSE 0 END AS held, decile, predicted_uplift
            FROM (
              SELECT m.customer_id AS customer_id, m.decile AS decile, m.predicted_uplift AS predicted_uplift,
                ROW_NUMBER() OVER (PARTITION BY m.decile ORDER BY {BucketSql(dialect, "m.customer_id")}, m.customer_id) AS r,
                COUNT(*) OVER (PARTITION BY m.decile) AS n
              FROM ({members}) m
            ) ranked
            """;
    }

    /// <summary>
    /// The parameters of <see cref="MemberArmsSql"/> for a segment: the segment id alone when the arms are kept, else
    /// those of <see cref="ComputedArmParameters"/>.
    /// </summary>
    /// <param name="holdout">The segment's holdout.</param>
    /// <param name="segmentId">The segment id.</param>
    public static IReadOnlyList<QueryParameter> ArmParameters(SegmentHoldout holdout, string segmentId)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return holdout.ArmsKept ? [QueryParameter.String("segment_id", segmentId)] : ComputedArmParameters(holdout, segmentId);
    }

    /// <summary>The parameters of <see cref="ComputedMemberArmsSql"/> for a segment: <c>holdout_salt</c>, <c>holdout_threshold</c>, <c>holdout_share</c> and <c>segment_id</c>.</summary>
    /// <param name="holdout">The segment's holdout.</param>
    /// <param name="segmentId">The segment id.</param>
    public static IReadOnlyList<QueryParameter> ComputedArmParameters(SegmentHoldout holdout, string segmentId)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return [.. Parameters(holdout), QueryParameter.Float64("holdout_share", holdout.Share), QueryParameter.String("segment_id", segmentId)];
    }

    /// <summary>
    /// The SQL of the bucket in a dialect, over a customer id expression, with the salt as the parameter
    /// <c>holdout_salt</c> (never written into the text).
    /// </summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="customerId">The customer id expression, built from identifiers.</param>
    public static string BucketSql(SqlDialect dialect, string customerId)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        string salt = dialect.Parameter("holdout_salt");
        return dialect.Name == SqlDialect.BigQuery.Name
            ? $"CAST(CONCAT('0x', SUBSTR(TO_HEX(SHA256(CONCAT({salt}, ':', CAST({customerId} AS STRING)))), 1, 8)) AS INT64)"
            : $"CAST(CONCAT('0x', SUBSTR(SHA256(CONCAT({salt}, ':', CAST({customerId} AS VARCHAR))), 1, 8)) AS BIGINT)";
    }

    /// <summary>The SQL condition "is held out" in a dialect, with parameters <c>holdout_salt</c> and <c>holdout_threshold</c>.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <param name="customerId">The customer id expression, built from identifiers.</param>
    public static string HoldoutSql(SqlDialect dialect, string customerId) =>
        $"({BucketSql(dialect, customerId)} < {dialect.Parameter("holdout_threshold")})";

    /// <summary>The parameters of <see cref="HoldoutSql"/> for a holdout.</summary>
    /// <param name="holdout">The segment's holdout.</param>
    public static IReadOnlyList<QueryParameter> Parameters(SegmentHoldout holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return [QueryParameter.String("holdout_salt", holdout.Salt), QueryParameter.Int64("holdout_threshold", Threshold(holdout.Share))];
    }

    /// <summary>
    /// The export query of a stored segment's members in a dialect: the export columns, ordered by customer id; with a
    /// holdout, its members left out or marked in a trailing <c>holdout</c> column as the options ask.
    /// </summary>
    /// <param name="profile">The profile whose mapping names the member columns.</param>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="segment">The stored segment.</param>
    /// <param name="options">The export options.</param>
    /// <param name="columns">The names of the columns the query selects, in order.</param>
    public static SqlStatement ExportMembers(BusinessProfile profile, SqlDialect dialect, StoredSegment segment, SegmentExportOptions options, out IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> memberColumns = SegmentTables.ExportColumns(profile, options.IncludePersonalData);
        string select = string.Join(", ", memberColumns.Select(c => SegmentTables.ColumnSql(dialect, c)));
        List<QueryParameter> parameters = [QueryParameter.String("segment_id", segment.SegmentId)];
        string where = "segment_id = " + dialect.Parameter("segment_id");
        columns = memberColumns;
        if (segment.Holdout is { } holdout)
        {
            string held = HoldoutSql(dialect, "customer_id");
            if (holdout.IsStratified)
            {
                // The arms' parameters carry the segment id already.
                parameters = [.. ArmParameters(holdout, segment.SegmentId)];
                held = $"(customer_id IN (SELECT customer_id FROM ({MemberArmsSql(dialect, holdout)}) arms WHERE held = 1))";
            }
            else
            {
                parameters.AddRange(Parameters(holdout));
            }

            if (options.Holdout == HoldoutExport.Mark)
            {
                select += $", {held} AS holdout";
                columns = [.. memberColumns, "holdout"];
            }
            else
            {
                where += $" AND NOT {held}";
            }
        }

        return new SqlStatement($"SELECT {select} FROM {SegmentTables.MembersTableName} WHERE {where} ORDER BY customer_id", parameters);
    }
}
