using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>What a language model is given to write analytics SQL.</summary>
/// <param name="Question">The user's question.</param>
/// <param name="Dialect">The dialect to write in.</param>
/// <param name="Schema">The allowed tables and columns, one table a line (from <see cref="AnalyticsSqlGuard.DescribeAllowedSchema(Profiles.BusinessProfile)"/>).</param>
/// <param name="AsOf">The latest timestamp in the data, so "last month" can be written relative to it.</param>
public sealed record AnalyticsSqlRequest(string Question, SqlDialect Dialect, string Schema, DateTimeOffset AsOf);
