using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The demo profile maps its events' session start (<c>columns.session_start</c>, true on the first event of each
/// session) and declares the customer and the device one per session (<c>session_columns</c>): a count of sessions
/// split or filtered by those only compiles to a count of start rows; a time range or an event's own column keeps the
/// distinct count of session ids. On a generated database every answer equals the answer of the same profile without
/// the declaration, and <see cref="ProfileDataChecker"/> fails a declaration the data contradicts.
/// </summary>
public sealed class SessionGrainSqlTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private readonly SemanticLayer _declared = new(HomeFurnishingProfile.Load());
    private readonly SemanticLayer _undeclared = new(WithoutSessionStart());

    public async Task InitializeAsync() => (_store, _) = await GeneratedDatabase.CreateAsync(400, seed: 29);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The demo profile without <c>columns.session_start</c> and <c>session_columns</c>: sessions are distinct session ids.</summary>
    internal static BusinessProfile WithoutSessionStart() => DemoProfileSql.Edited(json =>
    {
        JsonObject events = json["entities"]!["events"]!.AsObject();
        events["columns"]!.AsObject().Remove("session_start");
        events.Remove("session_columns");
    });

    [Theory]
    [InlineData("how many sessions?")]
    [InlineData("sessions by device")]
    [InlineData("top 2 devices by sessions")]
    [InlineData("sessions on ios")]
    [InlineData("sessions by country")]
    [InlineData("sessions by device in Canada")]
    [InlineData("what share of sessions are on ios?")]
    public async Task StartRows_CountSessions_AsTheDistinctForm(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);
        CompiledQuery undeclared = DemoProfileSql.Compile(question, _undeclared);

        Assert.DoesNotContain("DISTINCT e.session_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("e.session_start", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT e.session_id)", undeclared.Statement.Sql, StringComparison.Ordinal);
        await AssertSameAnswerAsync(question, declared, undeclared);
    }

    [Theory]
    [InlineData("sessions in the last 30 days")]
    [InlineData("sessions on ios in the last 30 days")]
    [InlineData("sessions by month")]
    [InlineData("sessions by event type")]
    [InlineData("sessions by category")]
    [InlineData("sessions with add to cart")]
    [InlineData("sessions this month vs last month")]
    public async Task RowsOfPartOfASession_KeepTheDistinctCount(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);
        CompiledQuery undeclared = DemoProfileSql.Compile(question, _undeclared);

        Assert.DoesNotContain("session_start", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Equal(undeclared.Statement.Sql, declared.Statement.Sql);
        await AssertSameAnswerAsync(question, declared, undeclared);
    }

    [Fact]
    public async Task Ask_StoreWrittenBeforeTheColumn_CountsDistinctSessionIds_AndAnswersTheSame()
    {
        AnalyticsAnswer withColumn = await AskAsync("sessions by device");
        await ExecuteAsync("ALTER TABLE behavioral_events DROP COLUMN session_start");

        AnalyticsAnswer withoutColumn = await AskAsync("sessions by device");

        Assert.Equal(AnalyticsAnswerStatus.Answered, withColumn.Status);
        Assert.Contains("session_start", withColumn.Sql, StringComparison.Ordinal);
        Assert.Equal(AnalyticsAnswerStatus.Answered, withoutColumn.Status);
        Assert.DoesNotContain("session_start", withoutColumn.Sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT e.session_id)", withoutColumn.Sql, StringComparison.Ordinal);
        Assert.Equal(
            withColumn.Rows.Select(r => $"{r["device"]}={r["sessions"]}").Order(StringComparer.Ordinal),
            withoutColumn.Rows.Select(r => $"{r["device"]}={r["sessions"]}").Order(StringComparer.Ordinal));
    }

    private async Task<AnalyticsAnswer> AskAsync(string question)
    {
        ServiceCollection services = new();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddSingleton<IDataStore>(_store);
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load());
        await using ServiceProvider provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IAnalyticsService>().AskAsync(question);
    }

    [Fact]
    public async Task Check_DemoProfile_VerifiesTheStartsAndTheSessionColumns()
    {
        ProfileCheckReport report = await new ProfileDataChecker(_store).CheckAsync(HomeFurnishingProfile.Load());

        Assert.Contains(report.Checks, f => f.Path == "$.entities.events.columns.session_start" && f.Check == "session_start" && f.Status == ProfileCheckStatus.Ok);
        Assert.Contains(report.Checks, f => f.Path == "$.entities.events.session_columns[0]" && f.Status == ProfileCheckStatus.Ok);
        Assert.Contains(report.Checks, f => f.Path == "$.entities.events.session_columns[1]" && f.Status == ProfileCheckStatus.Ok);
    }

    [Fact]
    public async Task Check_SecondStartRow_AndADeviceChangingInASession_Fail()
    {
        await ExecuteAsync(
            // A second start row in every fourth session with more than one event; another device on some session's last event.
            "UPDATE behavioral_events SET session_start = true WHERE event_id IN (SELECT max(event_id) FROM behavioral_events GROUP BY session_id HAVING COUNT(*) > 1 AND hash(session_id) % 4 = 0)",
            "UPDATE behavioral_events SET device = CASE WHEN device = 'web' THEN 'ios' ELSE 'web' END WHERE event_id IN (SELECT max(event_id) FROM behavioral_events GROUP BY session_id HAVING COUNT(*) > 1 AND hash(session_id) % 4 = 1)");
        long doubled = Convert.ToInt64((await _store.QueryAsync(new SqlStatement(
            "SELECT COUNT(*) FROM (SELECT session_id FROM behavioral_events GROUP BY 1 HAVING COUNT(CASE WHEN session_start THEN 1 END) > 1)"))).Scalar(), CultureInfo.InvariantCulture);
        long changing = Convert.ToInt64((await _store.QueryAsync(new SqlStatement(
            "SELECT COUNT(*) FROM (SELECT session_id FROM behavioral_events GROUP BY 1 HAVING COUNT(DISTINCT device) > 1)"))).Scalar(), CultureInfo.InvariantCulture);

        ProfileCheckReport report = await new ProfileDataChecker(_store).CheckAsync(HomeFurnishingProfile.Load());

        Assert.True(doubled > 0 && changing > 0, "the data was not changed; the check is not tested");
        ProfileCheckFinding starts = Assert.Single(report.Checks, f => f.Check == "session_start");
        Assert.Equal(ProfileCheckStatus.Fail, starts.Status);
        Assert.Contains(doubled.ToString("N0", CultureInfo.InvariantCulture) + " of the", starts.Message, StringComparison.Ordinal);
        ProfileCheckFinding device = Assert.Single(report.Checks, f => f.Path == "$.entities.events.session_columns[1]");
        Assert.Equal(ProfileCheckStatus.Fail, device.Status);
        Assert.Contains(changing.ToString("N0", CultureInfo.InvariantCulture) + " of the", device.Message, StringComparison.Ordinal);
        Assert.Contains(report.Checks, f => f.Path == "$.entities.events.session_columns[0]" && f.Status == ProfileCheckStatus.Ok);
    }

    [Fact]
    public async Task Check_SessionWithoutAStart_Fails()
    {
        await ExecuteAsync("UPDATE behavioral_events SET session_start = false WHERE session_start AND hash(session_id) % 5 = 0");

        ProfileCheckReport report = await new ProfileDataChecker(_store).CheckAsync(HomeFurnishingProfile.Load());

        ProfileCheckFinding starts = Assert.Single(report.Checks, f => f.Check == "session_start");
        Assert.Equal(ProfileCheckStatus.Fail, starts.Status);
        Assert.Contains("no 'session_start' row or more than one", starts.Message, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using global::DuckDB.NET.Data.DuckDBConnection connection = await _store.OpenAsync();
        foreach (string sql in statements)
        {
            await using global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task AssertSameAnswerAsync(string question, CompiledQuery declared, CompiledQuery undeclared)
    {
        QueryResult expected = await _store.QueryAsync(undeclared.Statement);
        QueryResult actual = await _store.QueryAsync(declared.Statement);

        Assert.True(expected.Rows.Any(r => r.Any(v => v is long or int or double or decimal && Convert.ToDouble(v, CultureInfo.InvariantCulture) != 0)),
            $"\"{question}\" answers nothing on the data; it does not test the grain");
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(DemoProfileSql.Render(expected), DemoProfileSql.Render(actual));
    }
}
