using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Issue 15, what a ranked activation pays to learn which members it wrote, on a copy of a generated store: the members'
/// <c>INSERT … SELECT</c> alone (the anchor), the same with <c>RETURNING hash(customer_id)</c> read into .NET (stop 29's
/// one pass), and the plain insert followed by a read of the fingerprints back from <c>segment_members</c> in the same
/// transaction. Each variant rolls back, so the store does not grow; the three alternate, median of 5 after a warm-up.
/// </summary>
internal static class ExperimentMemberRead
{
    public static async Task<int> RunAsync(string database)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-member-read-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, Path.GetFileName(database));
        try
        {
            File.Copy(database, path);
            ServiceCollection services = new();
            services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
            await using ServiceProvider provider = services.BuildServiceProvider();
            ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
            DuckDBDataStore store = provider.GetRequiredService<DuckDBDataStore>();
            Interpretation.CampaignObjective everyone = new() { Objective = "Everyone in the US", Audience = new Interpretation.Audience { Countries = ["United States"] } };
            await engine.CreateAsync(everyone, null, null);   // creates the segment tables
            SegmentDefinition definition = await engine.DefineAsync(everyone, "personalized_discount_offer", null);
            SqlStatement members = engine.CompileMembers(definition, store.Dialect);
            string list = string.Join(", ", SegmentTables.MemberColumns(HomeFurnishingProfile.Load()).Select(c => SegmentTables.ColumnSql(store.Dialect, c)));
            string insert = $"INSERT INTO {SegmentTables.MembersTableName} (segment_id, {list}) SELECT $segment_id, {list} FROM ({members.Sql}) AS m";

            List<double>[] times = [[], [], []];
            long[] rows = new long[3];
            for (int round = 0; round < 6; round++)
            {
                for (int variant = 0; variant < 3; variant++)
                {
                    await using DuckDBConnection connection = await store.OpenAsync();
                    await using DuckDBTransaction transaction = connection.BeginTransaction();
                    string id = "seg_" + Guid.NewGuid().ToString("N");
                    Stopwatch watch = Stopwatch.StartNew();
                    rows[variant] = variant switch
                    {
                        0 => await ExecuteAsync(connection, insert, members, id),
                        1 => await CountAsync(connection, insert + " RETURNING hash(customer_id)", members, id),
                        _ => await InsertThenReadBackAsync(connection, insert, members, id),
                    };
                    if (round > 0)
                    {
                        times[variant].Add(watch.Elapsed.TotalMilliseconds);
                    }

                    transaction.Rollback();
                }
            }

            string[] names = ["INSERT … SELECT (anchor)", "INSERT … SELECT … RETURNING hash(customer_id), read", "INSERT … SELECT, then SELECT hash(customer_id) of the segment, read"];
            for (int variant = 0; variant < 3; variant++)
            {
                times[variant].Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[variant]}: {times[variant][times[variant].Count / 2]:0} ms median ({string.Join(", ", times[variant].Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}), {rows[variant]:N0} rows"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> InsertThenReadBackAsync(DuckDBConnection connection, string insert, SqlStatement members, string segmentId)
    {
        await ExecuteAsync(connection, insert, members, segmentId);
        return await CountAsync(connection, $"SELECT hash(customer_id) FROM {SegmentTables.MembersTableName} WHERE segment_id = $segment_id", new SqlStatement("SELECT 1", []), segmentId);
    }

    private static async Task<long> ExecuteAsync(DuckDBConnection connection, string sql, SqlStatement members, string segmentId)
    {
        await using DuckDBCommand command = Command(connection, sql, members, segmentId);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(DuckDBConnection connection, string sql, SqlStatement members, string segmentId)
    {
        await using DuckDBCommand command = Command(connection, sql, members, segmentId);
        await using System.Data.Common.DbDataReader reader = await command.ExecuteReaderAsync();
        long count = 0;
        ulong sum = 0;
        while (await reader.ReadAsync())
        {
            sum += reader.GetFieldValue<ulong>(0);
            count++;
        }

        return sum == 1 ? -count : count;
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, SqlStatement members, string segmentId)
    {
        DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (QueryParameter parameter in members.Parameters)
        {
            object value = parameter.Value switch
            {
                null => DBNull.Value,
                DateTimeOffset timestamp => timestamp.UtcDateTime,
                IReadOnlyList<string> list => list as List<string> ?? [.. list],
                object other => other,
            };
            command.Parameters.Add(new DuckDBParameter(parameter.Name, value));
        }

        command.Parameters.Add(new DuckDBParameter("segment_id", segmentId));
        return command;
    }
}
