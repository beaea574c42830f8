using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>
/// What segment SQL reads from a <see cref="BusinessProfile"/>'s data mapping: the customers table and its id, the
/// attributes filters name, the orders, events and carts a behavior needs, the taxonomy columns and the member columns
/// of previews, snapshots and exports. Column values are rendered with <see cref="Column"/>: a plain name is qualified
/// with the table alias (and quoted when it is a reserved word), an expression is used as written.
/// </summary>
/// <remarks>Immutable and thread-safe; one per profile (see <see cref="For"/>).</remarks>
internal sealed class SegmentMapping
{
    /// <summary>The snapshot and member-statement name of the customer id column.</summary>
    internal const string CustomerIdName = "customer_id";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BusinessProfile, SegmentMapping> Cache = [];

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "array", "as", "asc", "between", "by", "case", "cast", "collate", "contains", "create", "cross", "cube", "current",
        "default", "define", "desc", "distinct", "else", "end", "enum", "escape", "except", "exclude", "exists", "extract", "false", "fetch",
        "following", "for", "from", "full", "group", "grouping", "groups", "hash", "having", "if", "ignore", "in", "inner", "interval", "intersect",
        "into", "is", "join", "lateral", "left", "like", "limit", "lookup", "merge", "natural", "new", "no", "not", "null", "nulls", "of", "offset",
        "on", "or", "order", "outer", "over", "partition", "preceding", "proto", "qualify", "range", "recursive", "respect", "right", "rollup",
        "rows", "select", "set", "some", "struct", "table", "tablesample", "then", "to", "treat", "true", "unbounded", "union", "unnest", "user",
        "using", "when", "where", "window", "with", "within",
    };

    private SegmentMapping(BusinessProfile profile)
    {
        Profile = profile;
        Customers = profile.Entities.Customers;
        CustomerId = Customers.Column("id") ?? CustomerIdName;
        ValueScore = profile.FindAttribute(ProfileAttributeRole.ValueScore);
        ChurnScore = profile.FindAttribute(ProfileAttributeRole.ChurnScore);
        AcquisitionSource = profile.FindAttribute(ProfileAttributeRole.AcquisitionSource);
        Places = [.. profile.Catalog.Places.Levels
            .Where(l => l.Attribute is not null && profile.FindAttribute(l.Attribute) is not null)
            .Select(l => (l, profile.FindAttribute(l.Attribute!)!))];
        CategoryLevel = TaxonomyLevel(profile, "categories", 0);
        ProductTypeLevel = TaxonomyLevel(profile, "product_types", 1);

        List<MemberColumn> members = [new(CustomerIdName, EntityKind.Customers, CustomerId, Personal: false, IsNumber: false)];
        foreach (string personal in Customers.PersonalColumns)
        {
            if (!members.Exists(m => string.Equals(m.Name, personal, StringComparison.OrdinalIgnoreCase)))
            {
                members.Add(new MemberColumn(personal, EntityKind.Customers, personal, Personal: true, IsNumber: false));
            }
        }

        foreach ((HierarchyLevel _, ProfileAttribute attribute) in Places)
        {
            if (!members.Exists(m => string.Equals(m.Name, attribute.Name, StringComparison.OrdinalIgnoreCase)))
            {
                members.Add(new MemberColumn(attribute.Name, attribute.Entity, attribute.Column, Personal: false, IsNumber: false));
            }
        }

        if (ValueScore is { } value && !members.Exists(m => string.Equals(m.Name, value.Name, StringComparison.OrdinalIgnoreCase)))
        {
            members.Add(new MemberColumn(value.Name, value.Entity, value.Column, Personal: false, IsNumber: true));
        }

        MemberColumns = members;
    }

    /// <summary>The profile.</summary>
    public BusinessProfile Profile { get; }

    /// <summary>The customers mapping.</summary>
    public EntityMapping Customers { get; }

    /// <summary>The customer id's column value on the customers table.</summary>
    public string CustomerId { get; }

    /// <summary>The value-score attribute, or null.</summary>
    public ProfileAttribute? ValueScore { get; }

    /// <summary>The churn-score attribute, or null.</summary>
    public ProfileAttribute? ChurnScore { get; }

    /// <summary>The acquisition-source attribute, or null.</summary>
    public ProfileAttribute? AcquisitionSource { get; }

    /// <summary>The place levels that map to an attribute, outermost first, with that attribute.</summary>
    public IReadOnlyList<(HierarchyLevel Level, ProfileAttribute Attribute)> Places { get; }

    /// <summary>The taxonomy level behind <see cref="BehaviorCondition.Categories"/>, or null.</summary>
    public HierarchyLevel? CategoryLevel { get; }

    /// <summary>The taxonomy level behind <see cref="BehaviorCondition.ProductTypes"/>, or null.</summary>
    public HierarchyLevel? ProductTypeLevel { get; }

    /// <summary>
    /// The member columns of member statements, snapshots and exports, in order: the customer id (<c>customer_id</c>),
    /// the customers table's personal columns, the place attributes and the value-score attribute.
    /// </summary>
    public IReadOnlyList<MemberColumn> MemberColumns { get; }

    /// <summary>The mapping of a profile (cached per profile instance).</summary>
    public static SegmentMapping For(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Cache.GetValue(profile, static p => new SegmentMapping(p));
    }

    /// <summary>The names of the member columns (the snapshot's columns after <c>segment_id</c>).</summary>
    public IReadOnlyList<string> MemberNames => [.. MemberColumns.Select(m => m.Name)];

    /// <summary>The member columns an export writes.</summary>
    public IReadOnlyList<string> ExportNames(bool includePersonalData) =>
        [.. MemberColumns.Where(m => includePersonalData || !m.Personal).Select(m => m.Name)];

    /// <summary>The names of the personal member columns.</summary>
    public IReadOnlyList<string> PersonalNames => [.. MemberColumns.Where(m => m.Personal).Select(m => m.Name)];

    /// <summary>Finds the attribute a condition names, or throws the input error naming the valid ones.</summary>
    public ProfileAttribute Attribute(string name) => Profile.FindAttribute(name)
        ?? throw new AetherSegmentInputException("attribute",
            $"Unknown attribute '{name}'; the profile '{Profile.Name}' has: {string.Join(", ", Profile.Attributes.Select(a => a.Name))}.");

    /// <summary>A column value over a table alias: a plain name qualified (and quoted when reserved), an expression as written.</summary>
    public static string Column(SqlDialect dialect, string? alias, string value) =>
        ProfileSql.IsColumnName(value) ? (alias is null ? "" : alias + ".") + Name(dialect, value) : "(" + value + ")";

    /// <summary>An identifier: quoted when it is a reserved word or not lowercase.</summary>
    public static string Name(SqlDialect dialect, string name) =>
        Reserved.Contains(name) || name.Any(char.IsUpper) ? dialect.Quote(name) : name;

    /// <summary>A logical column of an entity that a filter needs.</summary>
    public static string Require(EntityMapping entity, string logical, string feature) => entity.Column(logical)
        ?? throw new AetherSegmentInputException("profile", $"{feature} needs the `{logical}` column of the `entities.{EntityName(entity.Kind)}` mapping.");

    /// <summary>The wire name of an entity.</summary>
    public static string EntityName(EntityKind kind) => ProfileWire<EntityKind>.Name(kind);

    private static HierarchyLevel? TaxonomyLevel(BusinessProfile profile, string objectiveField, int depth)
    {
        IReadOnlyList<HierarchyLevel> levels = profile.Catalog.Taxonomy.Levels;
        return levels.FirstOrDefault(l => l.ObjectiveField == objectiveField) ?? (levels.Count > depth && levels[depth].ObjectiveField is null ? levels[depth] : null);
    }

    /// <summary>One member column.</summary>
    /// <param name="Name">The name in member statements, snapshots and exports.</param>
    /// <param name="Entity">The entity holding it (customers or scores).</param>
    /// <param name="Value">The column value (a name or an expression) over that entity's table.</param>
    /// <param name="Personal">Whether it identifies a person (exported only when asked).</param>
    /// <param name="IsNumber">Whether it is a number (the value score), else text.</param>
    internal sealed record MemberColumn(string Name, EntityKind Entity, string Value, bool Personal, bool IsNumber);
}
