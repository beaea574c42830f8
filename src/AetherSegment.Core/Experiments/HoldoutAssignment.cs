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
            parameters.AddRange(Parameters(holdout));
            string held = HoldoutSql(dialect, "customer_id");
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
