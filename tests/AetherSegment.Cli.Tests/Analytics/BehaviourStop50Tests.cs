namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 50 (behav50): behaviour questions said as a reading the parser already has. "(device) sessions (that)
/// started (range)" of an average session length (each session on its start row, placed by its start); "of customers who
/// (did X) (range), how many also (did Y) (the same range)"; "but bought nothing in those 30 days" after "in the last 30
/// days"; "never ordered from us at all". Each answer is checked against a hand-written query on a real DuckDB store; a
/// second range, a unit other than seconds, or a negated part stays declined.
/// </summary>
public sealed class BehaviourStop50Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Events30 = "event_timestamp >= " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf;
    private const string Events60 = "event_timestamp >= " + AsOf + " - INTERVAL 60 DAY AND event_timestamp <= " + AsOf;
    private const string Orders30 = "transaction_date >= " + AsOf + " - INTERVAL 30 DAY AND transaction_date <= " + AsOf;
    private const string Orders60 = "transaction_date >= " + AsOf + " - INTERVAL 60 DAY AND transaction_date <= " + AsOf;
    private const string Carts30 = "abandoned_at >= " + AsOf + " - INTERVAL 30 DAY AND abandoned_at <= " + AsOf;

    [Theory]
    [InlineData("average session length in seconds per session (each session counted once) for iOS sessions started in the last 30 days", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'ios' AND " + Events30)]
    [InlineData("avg session duration per session (each session counted once) for web sessions that started last month, in seconds", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'web' AND event_timestamp >= TIMESTAMP '2026-10-01' AND event_timestamp < TIMESTAMP '2026-11-01'")]
    [InlineData("what is the average session duration for android sessions that started in the last 60 days?", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'android' AND " + Events60)]
    [InlineData("Of customers who used the AR view in the last 60 days, how many also made a purchase in the last 60 days?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'ar_view' AND " + Events60 + " AND customer_id IN (SELECT customer_id FROM transactions WHERE " + Orders60 + ")")]
    [InlineData("Of customers who added to cart in the last 30 days, how many also made a purchase in the last 30 days?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND " + Events30 + " AND customer_id IN (SELECT customer_id FROM transactions WHERE " + Orders30 + ")")]
    [InlineData("what % of customers with a cart abandoned in the last 30 days have never ordered from us at all?", "SELECT 1.0 * count(DISTINCT a.customer_id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = a.customer_id)) / count(DISTINCT a.customer_id) FROM abandoned_carts a WHERE " + Carts30)]
    // Not rewritten (a negated part), read as on main: the customers who added to cart and did not buy in the range.
    [InlineData("Of customers who added to cart in the last 30 days, how many also did not make a purchase in the last 30 days?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND " + Events30 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE " + Orders30 + ")")]
    public async Task BehaviourWording_IsTheReadingSaid(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 6);

    [Theory]
    // A second range, a unit other than seconds, a negated part, another number of days, or sessions counted by start.
    [InlineData("Of customers who added to cart in the last 30 days, how many also made a purchase in the last 60 days?")]
    [InlineData("average session duration for iOS sessions that started in the last 30 days, in minutes")]
    [InlineData("average session duration for iOS sessions that started in the last 30 days on web")]
    [InlineData("how many customers added to a wishlist in the last 60 days but bought nothing in those 30 days?")]
    [InlineData("What share of the sessions that started last week started on mobile (iOS or Android)?")]
    public async Task OtherWording_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}
