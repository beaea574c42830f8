using System.Security.Cryptography;
using System.Text;
using AetherSegment.Segments;

namespace AetherSegment.Web.Segments;

/// <summary>
/// One audit line per member export, at Information under the category <c>AetherSegment.Audit</c>: who (the API key's
/// id or <c>anonymous</c>, and the remote address), which segment, the format, whether personal columns were included
/// and how many rows were written. The key itself is never logged: its id is the first 12 hex digits of its SHA-256.
/// </summary>
internal static partial class ExportAudit
{
    /// <summary>The log category of audit lines, so they can be routed or kept apart.</summary>
    public const string Category = "AetherSegment.Audit";

    public static void Log(ILogger logger, HttpContext context, string? apiKey, string segmentId, SegmentExportFormat format, bool personal, long rows) =>
        LogExport(logger, segmentId, format.ToString().ToLowerInvariant(), personal ? "included" : "excluded", rows,
            string.IsNullOrEmpty(apiKey) ? "anonymous" : "api-key:" + KeyId(apiKey),
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A stable, non-reversible id of the API key for the log.</summary>
    public static string KeyId(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..12];

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information,
        Message = "Segment export: segment {SegmentId}, format {Format}, personal data {PersonalData}, {Rows} rows, caller {Caller} from {RemoteAddress}")]
    private static partial void LogExport(ILogger logger, string segmentId, string format, string personalData, long rows, string caller, string remoteAddress);
}
