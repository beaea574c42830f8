namespace AetherSegment.Profiles;

/// <summary>
/// The mapping of one logical entity onto a table of the user's store: the table and, for each logical column, the
/// SQL expression over that table's columns (usually just a column name). Immutable and thread-safe.
/// </summary>
public sealed class EntityMapping
{
    internal EntityMapping(EntityKind kind, string table, IReadOnlyDictionary<string, string> columns, string path)
    {
        Kind = kind;
        Table = table;
        Columns = columns;
        JsonPath = path;
    }

    /// <summary>The logical entity.</summary>
    public EntityKind Kind { get; }

    /// <summary>The table, as the store names it (may be qualified, e.g. <c>profiles.members</c>).</summary>
    public string Table { get; }

    /// <summary>The logical column names (e.g. <c>id</c>, <c>customer_id</c>, <c>timestamp</c>) and their SQL expressions.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    /// <summary>For <see cref="EntityKind.Customers"/>: the customers table's own column names (as in the data, mapped or not) that hold personal data (never shown to models; exported only when asked). Empty otherwise.</summary>
    public IReadOnlyList<string> PersonalColumns { get; internal init; } = [];

    /// <summary>For <see cref="EntityKind.CampaignSends"/>: the arm value of the treatment group, else <see langword="null"/>.</summary>
    public string? TreatmentValue { get; internal init; }

    /// <summary>For <see cref="EntityKind.CampaignSends"/>: the arm value of the control group, else <see langword="null"/>.</summary>
    public string? ControlValue { get; internal init; }

    /// <summary>
    /// Whether each row is one record: the mapped <c>id</c> column (on scores, <c>customer_id</c>: one row per customer)
    /// is unique per row and never null (<c>id_unique</c> in the profile, declared on customers, orders and scores, false
    /// when absent). When false, rows may be lines sharing an id (order lines, customers' history rows), and counts of
    /// records count distinct ids. <c>aether profile check</c> verifies a declared uniqueness against the data.
    /// </summary>
    public bool IdUnique { get; internal init; }

    /// <summary>The logical column <c>id_unique</c> declares unique on an entity: <c>customer_id</c> on scores, else <c>id</c>.</summary>
    /// <param name="kind">The entity.</param>
    internal static string UniqueKey(EntityKind kind) => kind == EntityKind.Scores ? "customer_id" : "id";

    /// <summary>
    /// For <see cref="EntityKind.Events"/>: the logical columns that hold one value per session (<c>session_columns</c>
    /// in the profile, empty when absent), such as <c>customer_id</c> and <c>device</c>. With a mapped
    /// <c>session_start</c> column (true on exactly one row of each session), a count of sessions split or filtered by
    /// them only is a count of session-start rows. <c>aether profile check</c> verifies both against the data.
    /// </summary>
    public IReadOnlyList<string> SessionColumns { get; internal init; } = [];

    /// <summary>
    /// For <see cref="EntityKind.Carts"/>: the keys of each item of the mapped <c>items</c> JSON array, by what they hold
    /// (<c>item_fields</c> in the profile: <c>product_name</c>, <c>price</c>, <c>quantity</c>); empty when absent. The
    /// taxonomy levels name their own key (<see cref="HierarchyLevel.CartItemsField"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> ItemFields { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal string JsonPath { get; }

    /// <summary>The SQL expression of a logical column.</summary>
    /// <param name="logicalName">The logical column (e.g. <c>timestamp</c>).</param>
    /// <returns>The expression, or <see langword="null"/> when the profile does not map that column.</returns>
    public string? Column(string logicalName) => Columns.TryGetValue(logicalName, out string? expression) ? expression : null;

    /// <summary>Whether the profile maps a logical column of this entity.</summary>
    public bool HasColumn(string logicalName) => Columns.ContainsKey(logicalName);
}
