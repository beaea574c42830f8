using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>
/// The semantic layer of one business, built from its <see cref="BusinessProfile"/>: the mapped facts, the measures
/// and dimensions derived from the mapping (customer counts; order count, revenue and average order value when orders
/// are mapped; events, sessions and event types when events are mapped; carts only when carts are mapped; a dimension
/// for every place and taxonomy level, the acquisition source, the device, the value tier, the campaign and trigger)
/// plus the profile's own <c>analytics.measures</c> and <c>analytics.dimensions</c>. Every identifier comes from the
/// mapping; every value a question supplies becomes a parameter. A measure or dimension whose entity is not mapped
/// stays known by its words but carries the mapping message, so a question naming it is declined, never answered
/// with something else. Personal columns are not part of it. Immutable and thread-safe.
/// </summary>
internal sealed partial class SemanticLayer
{
    internal const string HighValueThreshold = "high_value_threshold";
    internal const string LowValueThreshold = "low_value_threshold";
    internal const string ChurnThreshold = "churn_threshold";
    internal const string TreatmentGroup = "treatment_group";
    internal const string ControlGroup = "control_group";

    // Plain column names that are reserved in DuckDB or GoogleSQL and so are quoted ("group").
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "and", "any", "array", "as", "asc", "at", "between", "by", "case", "cast", "collate", "contains", "create", "cross",
        "cube", "current", "default", "desc", "distinct", "else", "end", "enum", "escape", "except", "exclude", "exists", "extract",
        "false", "fetch", "following", "for", "from", "full", "group", "grouping", "groups", "hash", "having", "if", "ignore", "in",
        "inner", "interval", "intersect", "into", "is", "join", "lateral", "left", "like", "limit", "lookup", "merge", "natural", "new",
        "no", "not", "null", "nulls", "of", "offset", "on", "or", "order", "outer", "over", "partition", "preceding", "proto", "qualify",
        "range", "recursive", "respect", "right", "rollup", "rows", "select", "set", "some", "struct", "table", "tablesample", "then",
        "to", "treat", "true", "unbounded", "union", "unnest", "user", "using", "when", "where", "window", "with", "within",
    };

    private readonly Dictionary<EntityKind, FactInfo> _facts = [];
    private readonly Dictionary<string, DimensionDefinition> _dimensions = new(StringComparer.Ordinal);
    private readonly Lazy<QuestionLexicon> _lexicon;

    /// <summary>Builds the semantic layer of <paramref name="profile"/>.</summary>
    public SemanticLayer(BusinessProfile profile)
        : this(profile, null)
    {
    }

    // itemsDialect: the layer of the abandoned carts' items (SemanticLayer.CartItems.cs), one row per item, or null.
    private SemanticLayer(BusinessProfile profile, SqlDialect? itemsDialect)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _itemsDialect = itemsDialect;
        _cartItems = new(() => ItemsLayer(SqlDialect.DuckDB));
        AddFact(EntityKind.Customers, "c", "created_at", "id", "customers", "customers");
        AddFact(EntityKind.Orders, "t", "timestamp", "customer_id", "purchases", "purchases");
        AddFact(EntityKind.Events, "e", "timestamp", "customer_id", "behavioral events", "events");
        AddFact(EntityKind.Carts, "a", "timestamp", "customer_id", "abandoned carts", "carts");
        AddFact(EntityKind.CampaignSends, "h", "sent_at", "customer_id", "campaign sends", "campaigns");
        AddFact(EntityKind.Scores, "s", null, "customer_id", "customer scores", "scores");
        Facts = [.. _facts.Values];
        ValueScore = profile.FindAttribute(ProfileAttributeRole.ValueScore);
        ChurnScore = profile.FindAttribute(ProfileAttributeRole.ChurnScore);
        Measures = BuildMeasures();
        Dimensions = BuildDimensions();
        foreach (DimensionDefinition dimension in Dimensions)
        {
            _dimensions.TryAdd(dimension.Key, dimension);
        }

        CampaignArm = Mapped(EntityKind.CampaignSends, "arm") is { } arm && profile.Entities.CampaignSends is { TreatmentValue: not null, ControlValue: not null }
            ? new("campaign_group", "campaign_group", "campaign group (treatment or control)", "campaign groups", DimensionRole.Campaign, false, [new(EntityKind.CampaignSends, arm)], [])
            : null;
        CustomerWords = CustomerNouns(profile.Entities.Customers.Table);
        _lexicon = new(() => QuestionLexicon.Build(this));
    }

    /// <summary>The profile the layer is built from.</summary>
    public BusinessProfile Profile { get; }

    /// <summary>The mapped facts, customers first.</summary>
    public IReadOnlyList<FactInfo> Facts { get; }

    /// <summary>The measures, derived ones first, then the profile's own; unavailable ones carry <see cref="MeasureDefinition.Missing"/>.</summary>
    public IReadOnlyList<MeasureDefinition> Measures { get; }

    /// <summary>The dimensions; unavailable ones carry <see cref="DimensionDefinition.Missing"/>.</summary>
    public IReadOnlyList<DimensionDefinition> Dimensions { get; }

    /// <summary>The value-score attribute (value tiers, the average value measure), or null.</summary>
    public ProfileAttribute? ValueScore { get; }

    /// <summary>The churn-score attribute (churn measures, at-risk customers), or null.</summary>
    public ProfileAttribute? ChurnScore { get; }

    /// <summary>
    /// The arm of a campaign send (treatment or control) as a breakdown, or null when the profile maps no arm: read only
    /// when a question sets the arms side by side, never by a word (not in <see cref="Dimensions"/>).
    /// </summary>
    public DimensionDefinition? CampaignArm { get; }

    /// <summary>The nouns a question uses for one customer of this business ("customer", and "member" for a members table).</summary>
    public IReadOnlyList<string> CustomerWords { get; }

    /// <summary>The question vocabulary of this layer, longest phrase first.</summary>
    public QuestionLexicon Lexicon => _lexicon.Value;

    /// <summary>The measure counting customers (a "how many" question with no other measure).</summary>
    public MeasureDefinition CustomerCount => Measures[0];

    /// <summary>The mapped fact of an entity, or null when the profile does not map it.</summary>
    public FactInfo? Fact(EntityKind kind) => _facts.GetValueOrDefault(kind);

    /// <summary>The dimension with a key, or null.</summary>
    public DimensionDefinition? Dimension(string key) => _dimensions.GetValueOrDefault(key);

    /// <summary>The measure with a name, or null.</summary>
    public MeasureDefinition? Measure(string name) => Measures.FirstOrDefault(m => m.Name == name);

    /// <summary>The SQL of the mapped `value` column of an entity's rows (an order's or a cart's value), or null.</summary>
    public Func<SqlDialect, string>? ValueColumn(EntityKind kind) => Mapped(kind, "value");

    /// <summary>
    /// The SQL of the column a comparison of each row reads: the mapped <c>item_count</c> for a count of items ("carts with
    /// more than 2 items"), else the mapped <c>value</c>; null when the entity does not map it.
    /// </summary>
    public Func<SqlDialect, string>? RowColumn(EntityKind kind, NumericComparison comparison) =>
        comparison.Items ? Mapped(kind, "item_count") : Mapped(kind, "value");

    /// <summary>
    /// The SQL of the mapped `id` column of an entity when rows may share it (an order id shared by its lines), or null
    /// when the entity maps no id or declares it unique per row (<c>id_unique</c>): then each row is one record, counted
    /// with <c>COUNT(*)</c> and compared on its own value.
    /// </summary>
    public Func<SqlDialect, string>? IdColumn(EntityKind kind) => Profile.Entities.Get(kind) is { IdUnique: true } ? null : Mapped(kind, "id");

    /// <summary>
    /// Whether the customers table holds each customer id once (<c>entities.customers.id_unique</c>): then a count of
    /// distinct buyers split by a customer attribute can total each buyer's orders first and count rows.
    /// </summary>
    public bool CustomersUnique => Profile.Entities.Customers.IdUnique;

    /// <summary>
    /// Whether a customer-grain table holds one row per customer (<c>id_unique</c> on customers or scores, verified by
    /// profile check): a customer's average of a column there is the column on their row, so a comparison of it needs
    /// no grouping.
    /// </summary>
    /// <param name="kind">The entity.</param>
    public bool OneRowPerCustomer(EntityKind kind) => kind is EntityKind.Customers or EntityKind.Scores && Profile.Entities.Get(kind) is { IdUnique: true };

    /// <summary>
    /// The SQL of the events' session-start flag (<c>columns.session_start</c>: true on exactly one row of each session),
    /// or null when sessions are counted as distinct session ids only.
    /// </summary>
    public Func<SqlDialect, string>? SessionStart => _withoutSessionStart || SessionId is null ? null : Mapped(EntityKind.Events, "session_start");

    private bool _withoutSessionStart;

    /// <summary>
    /// This layer with sessions counted as distinct session ids only, for a store whose events table does not have the
    /// mapped session-start column (one written before it existed).
    /// </summary>
    public SemanticLayer WithoutSessionStart() => new(Profile) { _withoutSessionStart = true };

    /// <summary>The SQL of the events' session duration in seconds (the same on each event of a session), or null when it is not mapped.</summary>
    public Func<SqlDialect, string>? SessionDuration => Mapped(EntityKind.Events, "session_duration_seconds");

    /// <summary>The SQL of the events' session id, or null when it is not mapped.</summary>
    public Func<SqlDialect, string>? SessionId => Mapped(EntityKind.Events, "session_id");

    /// <summary>Whether the events' customer is one per session (<c>customer_id</c> in <c>session_columns</c>).</summary>
    public bool CustomerPerSession => Profile.Entities.Get(EntityKind.Events) is { } events && events.SessionColumns.Contains("customer_id");

    /// <summary>Whether an expression over the events is one of the columns declared to hold one value per session (<c>session_columns</c>).</summary>
    public bool IsPerSession(string expression, SqlDialect dialect)
    {
        if (Profile.Entities.Get(EntityKind.Events) is not { } events)
        {
            return false;
        }

        foreach (string logical in events.SessionColumns)
        {
            if (Mapped(EntityKind.Events, logical) is { } column && column(dialect) == expression)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The SQL of a mapped column value on a table alias: a plain name qualified (and quoted when reserved), an expression as written.</summary>
    public static string Column(string alias, string value, SqlDialect dialect)
    {
        if (!ProfileSql.IsColumnName(value))
        {
            return "(" + value + ")";
        }

        return alias + "." + (Reserved.Contains(value) ? dialect.Quote(value) : value);
    }

    /// <summary>The SQL of a dimension over a fact, or null (with a reason) when the fact does not carry it.</summary>
    public string? DimensionExpression(DimensionDefinition dimension, FactInfo fact, SqlDialect dialect, out string? reason)
    {
        reason = null;
        if (dimension.IsTime)
        {
            if (fact.Time is null)
            {
                reason = $"{fact.Description} are the latest snapshot and have no time to split by {dimension.Label}";
                return null;
            }

            return dialect.TruncateTimestamp(fact.Time(dialect), dimension.Grain);
        }

        if (dimension.Role == DimensionRole.ValueTier)
        {
            string value = dimension.Columns[0].Sql(dialect);
            return $"CASE WHEN {value} >= {dialect.Parameter(HighValueThreshold)} THEN 'high' WHEN {value} >= {dialect.Parameter(LowValueThreshold)} THEN 'medium' ELSE 'low' END";
        }

        if (dimension.OnCustomers)
        {
            return dimension.Columns[0].Sql(dialect);
        }

        foreach (DimensionColumn column in dimension.Columns)
        {
            if (column.Fact == fact.Kind)
            {
                return column.Sql(dialect);
            }
        }

        reason = $"{dimension.Label} is recorded on {Describe(dimension.Columns)}, not on {fact.Description}";
        return null;
    }

    /// <summary>What analytics answers about, for the refusal of questions outside the data ("customers, purchases ... and scores").</summary>
    public string Subjects()
    {
        List<string> names = [.. Facts.Select(f => f.ShortName)];
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
    }

    private string Describe(IReadOnlyList<DimensionColumn> columns)
    {
        List<string> names = [];
        foreach (DimensionColumn column in columns)
        {
            names.Add(Fact(column.Fact)?.Description ?? column.Fact.ToString());
        }

        return string.Join(" and ", names);
    }

    private void AddFact(EntityKind kind, string alias, string? time, string customerId, string description, string shortName)
    {
        if (Profile.Entities.Get(kind) is not { } mapping)
        {
            return;
        }

        string? timeValue = time is null ? null : mapping.Column(time);
        string idValue = mapping.Column(customerId) ?? "customer_id";
        _facts[kind] = new FactInfo(
            kind,
            kind == EntityKind.Carts && _itemsDialect is { } items ? ItemsTable(mapping, items) : mapping.Table,
            alias,
            timeValue is null ? null : d => Column(alias, timeValue, d),
            d => Column(alias, idValue, d),
            description,
            shortName);
    }

    private string Alias(EntityKind kind) => kind switch
    {
        EntityKind.Customers => "c",
        EntityKind.Orders => "t",
        EntityKind.Events => "e",
        EntityKind.Carts => "a",
        EntityKind.CampaignSends => "h",
        _ => "s",
    };

    private string? Missing(EntityKind kind) => Profile.MissingEntityMessage(kind);

    // The SQL of a logical column of an entity, or null when the entity or the column is not mapped.
    private Func<SqlDialect, string>? Mapped(EntityKind kind, string logical)
    {
        string alias = Alias(kind);
        return Profile.Entities.Get(kind)?.Column(logical) is { } value ? d => Column(alias, value, d) : null;
    }

    private static EachRowValue? Each(Func<SqlDialect, string>? column, string noun) => column is null ? null : new(column, noun);

    private Func<SqlDialect, string> AttributeSql(ProfileAttribute attribute)
    {
        string alias = Alias(attribute.Entity);
        string value = attribute.Column;
        return d => Column(alias, value, d);
    }

    private List<MeasureDefinition> BuildMeasures()
    {
        List<MeasureDefinition> measures = [];
        string customersTable = Profile.Entities.Customers.Table;
        List<string> customerWords = ["customers", "customer", "shoppers", "shopper", "clients", "people", "folks", "users", "customer count", "customer base", "new customers", "signups", "sign ups", "new customer signups", "new customer sign ups", "customer signups", "customer sign ups", "new signups", "new sign ups"];
        // "distinct customers", "unique shoppers": a count of customers counts each once already.
        customerWords.AddRange(customerWords.Where(w => (w.EndsWith('s') || w == "people") && !w.Contains(' ', StringComparison.Ordinal)).SelectMany(w => new[] { "distinct " + w, "unique " + w, "different " + w, "individual " + w }).ToList());
        List<string> tableNouns = CustomerNouns(customersTable).Where(n => n != "customer").ToList();
        foreach (string noun in tableNouns)
        {
            customerWords.Add(noun);
            customerWords.Add(LanguageWords.Plural(noun));
            customerWords.Add("new " + LanguageWords.Plural(noun));
        }

        Func<SqlDialect, string> customerId = _facts[EntityKind.Customers].CustomerId;
        measures.Add(new("customers", "customers", EntityKind.Customers, MeasureFormat.Count, d => $"COUNT(DISTINCT {customerId(d)})", customerWords, true));

        // Orders.
        string? noOrders = Missing(EntityKind.Orders);
        Func<SqlDialect, string> orderCustomer = Mapped(EntityKind.Orders, "customer_id") ?? (_ => "t.customer_id");
        Func<SqlDialect, string>? orderValue = Mapped(EntityKind.Orders, "value");
        Func<SqlDialect, string>? quantity = Mapped(EntityKind.Orders, "quantity");
        List<string> buyerWords = ["buyers", "purchasers", "buyer", "purchaser", "paying customer", "customer who bought", "customer who purchased", "customer who ordered", "shopper who bought", "customers who bought", "customers who purchased", "customers who ordered", "customers that bought", "shoppers who bought", "paying customers", "people who bought", "customers bought", "customers purchased", "customers ordered", "shoppers bought", "people bought",
            "customers who placed an order", "customers who have placed an order", "customers who placed orders", "customers who made a purchase", "customers who have made a purchase"];
        foreach (string noun in tableNouns)
        {
            string plural = LanguageWords.Plural(noun);
            buyerWords.AddRange([$"{noun} who bought", $"{noun} who purchased", $"{noun} who ordered",
                $"{plural} who bought", $"{plural} who purchased", $"{plural} who ordered", $"paying {plural}", $"{plural} bought", $"{plural} purchased", $"{plural} ordered",
                $"{plural} who placed an order", $"{plural} who have placed an order", $"{plural} who placed orders", $"{plural} who made a purchase", $"{plural} who have made a purchase"]);
        }

        buyerWords.AddRange(buyerWords.Where(w => !w.StartsWith("paying", StringComparison.Ordinal)).SelectMany(w => new[] { "distinct " + w, "unique " + w, "different " + w }).ToList());
        measures.Add(new("buyers", "buyers", EntityKind.Orders, MeasureFormat.Count, d => $"COUNT(DISTINCT {orderCustomer(d)})", buyerWords, true) { Missing = noOrders });
        measures.Add(new("revenue", "revenue", EntityKind.Orders, MeasureFormat.Money, d => $"SUM({orderValue!(d)})",
            ["revenue", "sales", "sales revenue", "turnover", "gmv", "income", "money", "total sales", "total revenue", "spend", "spent", "earned", "how much did we make", "how much did we sell"], true)
        { Missing = noOrders ?? (orderValue is null ? NeedsColumn(EntityKind.Orders, "value") : null), EachRow = Each(orderValue, "value") });
        // Orders may be order lines: an order is a distinct order id when the mapping names one, a row when the id is
        // declared unique per row (id_unique).
        Func<SqlDialect, string>? orderId = IdColumn(EntityKind.Orders);
        Func<SqlDialect, string> orderCount = orderId is null ? _ => "COUNT(*)" : d => $"COUNT(DISTINCT {orderId(d)})";
        measures.Add(new("orders", "orders", EntityKind.Orders, MeasureFormat.Count, orderCount,
            ["orders", "order", "transactions", "transaction", "purchases", "order count"], true) { Missing = noOrders });
        measures.Add(new("average_order_value", "average order value", EntityKind.Orders, MeasureFormat.Money, d => $"SUM({orderValue!(d)}) / NULLIF({orderCount(d)}, 0)",
            ["average order value", "avg order value", "mean order value", "aov", "basket value", "average basket value", "average basket", "average transaction value", "average spend", "average sale", "order value"], false)
        { Missing = noOrders ?? (orderValue is null ? NeedsColumn(EntityKind.Orders, "value") : null), EachRow = Each(orderValue, "value") });
        measures.Add(new("units", "units sold", EntityKind.Orders, MeasureFormat.Count, d => $"SUM({quantity!(d)})",
            ["units", "units sold", "items sold", "quantity", "quantity sold", "products sold"], true)
        { Missing = noOrders ?? (quantity is null ? NeedsColumn(EntityKind.Orders, "quantity") : null), EachRow = Each(quantity, "units") });

        // Carts.
        string? noCarts = Missing(EntityKind.Carts);
        Func<SqlDialect, string>? cartValue = Mapped(EntityKind.Carts, "value");
        string? noCartValue = noCarts ?? (cartValue is null ? NeedsColumn(EntityKind.Carts, "value") : null);
        measures.Add(new("abandoned_carts", "abandoned carts", EntityKind.Carts, MeasureFormat.Count, _ => "COUNT(*)",
            ["abandoned carts", "abandoned cart", "abandoned baskets", "abandoned basket", "abandoned a basket", "basket abandonments", "cart abandonments", "abandonments", "carts", "cart", "cart abandonment"], true) { Missing = noCarts });
        measures.Add(new("abandoned_cart_value", "abandoned cart value", EntityKind.Carts, MeasureFormat.Money, d => $"SUM({cartValue!(d)})",
            ["cart value", "abandoned cart value", "total cart value", "value of abandoned carts", "value in abandoned carts", "abandoned revenue", "abandoned carts value", "abandoned cart values", "value of carts", "value of abandoned cart", "value of the carts",
                .. ((string[])["left in", "sitting in", "stuck in", "locked in", "held in"]).SelectMany(w => new[] { $"value {w} abandoned carts", $"value {w} carts", $"value {w} abandoned baskets" })], true) { Missing = noCartValue, EachRow = Each(cartValue, "value") });
        measures.Add(new("average_cart_value", "average cart value", EntityKind.Carts, MeasureFormat.Money, d => $"AVG({cartValue!(d)})",
            ["average cart value", "avg cart value", "mean cart value", "average abandoned cart value", "average value of abandoned carts", "average value of carts", "average value of a cart", "average value of an abandoned cart", "average abandoned cart"], false) { Missing = noCartValue, EachRow = Each(cartValue, "value") });

        Func<SqlDialect, string>? itemCount = Mapped(EntityKind.Carts, "item_count");
        measures.Add(new("average_cart_items", "average items per abandoned cart", EntityKind.Carts, MeasureFormat.Decimal, d => $"AVG({itemCount!(d)})",
            ["average items per cart", "items per cart", "items per abandoned cart", "average items per abandoned cart", "average number of items in a cart", "average number of items in an abandoned cart", "average number of items per cart", "average cart size", "average item count"], false)
        { Missing = noCarts ?? (itemCount is null ? NeedsColumn(EntityKind.Carts, "item_count") : null), EachRow = Each(itemCount, "items") });

        // Events.
        string? noEvents = Missing(EntityKind.Events);
        Func<SqlDialect, string>? session = Mapped(EntityKind.Events, "session_id");
        Func<SqlDialect, string>? duration = Mapped(EntityKind.Events, "session_duration_seconds");
        measures.Add(new("events", "events", EntityKind.Events, MeasureFormat.Count, _ => "COUNT(*)",
            ["events", "event", "behavioral events", "behavioural events", "interactions", "activity", "event count"], true) { Missing = noEvents });
        measures.Add(new("sessions", "sessions", EntityKind.Events, MeasureFormat.Count, d => $"COUNT(DISTINCT {session!(d)})",
            ["sessions", "session", "visits", "visit", "browsing sessions", "browsing session"], true) { Missing = noEvents ?? (session is null ? NeedsColumn(EntityKind.Events, "session_id") : null) });
        // A session's duration is on each of its events; the average counts each session once, on its start row (an
        // average over the events would weigh a session by its number of events).
        Func<SqlDialect, string>? sessionStart = session is null ? null : Mapped(EntityKind.Events, "session_start");
        measures.Add(new("average_session_duration_seconds", "average session duration", EntityKind.Events, MeasureFormat.Seconds, d => $"AVG(CASE WHEN {sessionStart!(d)} THEN {duration!(d)} END)",
            ["session duration", "average session duration", "session length", "time on site", "average session length", "average session time", "average duration of a session", "average session duration in seconds", "average session length in seconds"], false)
        {
            Missing = noEvents ?? (duration is null ? NeedsColumn(EntityKind.Events, "session_duration_seconds") : sessionStart is null ? NeedsColumn(EntityKind.Events, "session_start") : null),
            PerSession = true,
            Population = " in seconds (each session counted once)",
        });

        // Scores by role.
        if (ValueScore is { } value)
        {
            Func<SqlDialect, string> sql = AttributeSql(value);
            string name = value.Name.EndsWith("_score", StringComparison.Ordinal) ? value.Name[..^"_score".Length] : value.Name;
            measures.Add(new("average_" + name, "average " + value.Label, value.Entity, MeasureFormat.Decimal, d => $"AVG({sql(d)})",
                [.. AttributeWords(value)], false) { RowValue = sql });
        }

        if (ChurnScore is { } churn)
        {
            Func<SqlDialect, string> sql = AttributeSql(churn);
            measures.Add(new("average_" + churn.Name, "average " + churn.Label, churn.Entity, MeasureFormat.Percent, d => $"AVG({sql(d)})",
                [.. AttributeWords(churn), "churn", "churn risk", "average churn", "likelihood to churn", "churn rate"], false) { RowValue = sql });
            measures.Add(new("at_risk_customers", "at-risk customers", churn.Entity, MeasureFormat.Count, d => $"SUM(CASE WHEN {sql(d)} >= {d.Parameter(ChurnThreshold)} THEN 1 ELSE 0 END)",
                ["at risk customers", "customers at risk", "at risk", "churning customers", "customers likely to churn", "customers at risk of churn", "customers at risk of churning", "high churn risk customers",
                    .. tableNouns.Select(n => $"{LanguageWords.Plural(n)} at risk"), .. tableNouns.Select(n => $"at risk {LanguageWords.Plural(n)}")], true));
        }

        // The profile's own measures.
        foreach (ProfileMeasure measure in Profile.Analytics.Measures)
        {
            (Func<SqlDialect, string> sql, bool needsCustomers) = Expand(measure.Expression, measure.Entity);
            List<string> words = [measure.Name.Replace('_', ' '), .. measure.Words];
            if (measure.Label.Length > 0)
            {
                words.Insert(1, measure.Label);
            }

            measures.Add(new(measure.Name, measure.Label.Length > 0 ? measure.Label : measure.Name.Replace('_', ' '), measure.Entity, ParseFormat(measure.Format), sql, words, measure.Additive)
            {
                Missing = Missing(measure.Entity),
                NeedsCustomers = needsCustomers,
                RowValue = AverageOfOneColumn().Match(measure.Expression) is { Success: true } average ? Expand(average.Groups[1].Value, measure.Entity).Sql : null,
            });
        }

        // Boolean attributes ("exclusivity_seeker"): the number of customers for whom it is true, and, as a condition, the
        // customers who are ("how many customers in the UK are exclusivity seekers").
        foreach (ProfileAttribute flag in Profile.Attributes)
        {
            if (flag.Type != ProfileAttributeType.Boolean)
            {
                continue;
            }

            Func<SqlDialect, string> sql = AttributeSql(flag);
            string label = flag.Label.Length > 0 ? flag.Label : Label(flag.Name);
            string plural = LanguageWords.Plural(label);
            List<string> words = [plural, LanguageWords.Plural(Label(flag.Name)), .. flag.Words.Select(LanguageWords.Plural), label, Label(flag.Name), .. flag.Words];
            measures.Add(new(flag.Name.EndsWith('s') ? flag.Name : flag.Name + "s", plural, flag.Entity, MeasureFormat.Count, d => $"SUM(CASE WHEN {sql(d)} THEN 1 ELSE 0 END)", [.. words.Distinct(StringComparer.Ordinal)], true)
            {
                Missing = Missing(flag.Entity),
                RowValue = d => $"(CASE WHEN {sql(d)} THEN 1 ELSE 0 END)",
                Membership = new($"are {plural}", $"are not {plural}"),
            });
        }

        // Campaign sends.
        EntityMapping? sends = Profile.Entities.CampaignSends;
        string? noSends = Missing(EntityKind.CampaignSends);
        Func<SqlDialect, string>? converted = Mapped(EntityKind.CampaignSends, "converted");
        Func<SqlDialect, string>? arm = Mapped(EntityKind.CampaignSends, "arm");
        Func<SqlDialect, string>? attributed = Mapped(EntityKind.CampaignSends, "revenue");
        string? noConverted = noSends ?? (converted is null ? NeedsColumn(EntityKind.CampaignSends, "converted") : null);
        // A campaign's sends, conversions and conversion rate count the customers who received it (the treatment arm):
        // a control row records a customer held out, to whom nothing was sent. Without an arm mapping, every row.
        bool arms = arm is not null && sends?.TreatmentValue is not null;
        string? received = arms ? " among customers who received the campaign (treatment group)" : null;
        Func<SqlDialect, string> treated = d => $"{arm!(d)} = {d.Parameter(TreatmentGroup)}";
        measures.Add(new("campaign_sends", "campaign sends", EntityKind.CampaignSends, MeasureFormat.Count,
            arms ? d => $"SUM(CASE WHEN {treated(d)} THEN 1 ELSE 0 END)" : _ => "COUNT(*)",
            ["campaign sends", "sends", "sent", "messages sent", "customers contacted", "campaign exposures", "campaign audience", "received", "recipients", "campaign recipients"], true) { Missing = noSends, Population = arms ? " to customers in the treatment group (control customers were sent nothing)" : null });
        measures.Add(new("conversions", "conversions", EntityKind.CampaignSends, MeasureFormat.Count,
            arms ? d => $"SUM(CASE WHEN {treated(d)} AND {converted!(d)} THEN 1 ELSE 0 END)" : d => $"SUM(CASE WHEN {converted!(d)} THEN 1 ELSE 0 END)",
            ["conversions", "converted customers", "campaign conversions", "converted"], true) { Missing = noConverted, Population = received });
        measures.Add(new("conversion_rate", "conversion rate", EntityKind.CampaignSends, MeasureFormat.Percent,
            arms ? d => $"AVG(CASE WHEN {treated(d)} THEN (CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END) END)" : d => $"AVG(CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END)",
            ["conversion rate", "conversion rates", "campaign conversion rate", "converted share", "conversion", "share converted",
                // The rate is the treatment arm's already (the control group's is asked as such).
                "treatment conversion rate", "treatment group conversion rate", "treatment group's conversion rate"], false) { Missing = noConverted, Population = received });
        measures.Add(new("campaign_uplift", "campaign uplift", EntityKind.CampaignSends, MeasureFormat.PercentagePoints,
            d => $"(AVG(CASE WHEN {arm!(d)} = {d.Parameter(TreatmentGroup)} THEN (CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END) END) - AVG(CASE WHEN {arm!(d)} = {d.Parameter(ControlGroup)} THEN (CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END) END))",
            ["uplift", "campaign uplift", "lift", "incremental conversion", "incremental conversion rate", "treatment minus control", "conversion uplift"], false)
        { Missing = noConverted ?? (arm is null || sends?.TreatmentValue is null || sends.ControlValue is null ? NeedsColumn(EntityKind.CampaignSends, "arm") : null) });
        // The control arm: customers held out of a campaign (sent nothing), counted only when asked for by name.
        measures.Add(new("control_group", "customers in the control group", EntityKind.CampaignSends, MeasureFormat.Count,
            d => $"SUM(CASE WHEN {arm!(d)} = {d.Parameter(ControlGroup)} THEN 1 ELSE 0 END)",
            ["control group", "control groups", "control group size", "control arm", "control customers", "holdout group", "held out", "holdout"], true)
        {
            Counted = new(d => $"{arm!(d)} = {d.Parameter(ControlGroup)}", _ => "COUNT(*)"),
            Missing = noSends ?? (arm is null || sends?.ControlValue is null ? NeedsColumn(EntityKind.CampaignSends, "arm") : null),
            Population = " held out of the campaign (control group: sent nothing)",
            Membership = new("were in the control group (held out, sent nothing)", "were not in the control group"),
        });
        measures.Add(new("attributed_revenue", "attributed campaign revenue", EntityKind.CampaignSends, MeasureFormat.Money, d => $"SUM({attributed!(d)})",
            ["attributed revenue", "campaign revenue", "revenue from campaigns", "campaign attributed revenue", "attributed campaign revenue", "revenue attributed to campaigns", "campaign-attributed revenue"], true)
        { Missing = noSends ?? (attributed is null ? NeedsColumn(EntityKind.CampaignSends, "revenue") : null) });

        // One arm of a campaign, named by the question ("the treatment group of X", "the control group's conversion rate"):
        // read only by name (no words); a measure of one arm counts that arm's rows alone.
        string? noArms = noSends ?? (arm is null || sends?.TreatmentValue is null || sends.ControlValue is null ? NeedsColumn(EntityKind.CampaignSends, "arm") : null);
        Func<SqlDialect, string> controlled = d => $"{arm!(d)} = {d.Parameter(ControlGroup)}";
        measures.Add(new("treatment_group", "customers in the treatment group", EntityKind.CampaignSends, MeasureFormat.Count,
            d => $"SUM(CASE WHEN {treated(d)} THEN 1 ELSE 0 END)", [], true)
        {
            Counted = new(treated, _ => "COUNT(*)"),
            Missing = noArms,
            Population = " sent the campaign (treatment group)",
            Membership = new("were in the treatment group", "were not in the treatment group"),
        });
        measures.Add(new("treatment_attributed_revenue", "attributed campaign revenue of the treatment group", EntityKind.CampaignSends, MeasureFormat.Money,
            d => $"SUM(CASE WHEN {treated(d)} THEN {attributed!(d)} END)", [], true)
        { Missing = noArms ?? (attributed is null ? NeedsColumn(EntityKind.CampaignSends, "revenue") : null), Population = " (customers sent the campaign)" });
        measures.Add(new("control_attributed_revenue", "attributed campaign revenue of the control group", EntityKind.CampaignSends, MeasureFormat.Money,
            d => $"SUM(CASE WHEN {controlled(d)} THEN {attributed!(d)} END)", [], true)
        { Missing = noArms ?? (attributed is null ? NeedsColumn(EntityKind.CampaignSends, "revenue") : null), Population = " (customers held out, sent nothing)" });
        measures.Add(new("control_conversion_rate", "conversion rate of the control group", EntityKind.CampaignSends, MeasureFormat.Percent,
            d => $"AVG(CASE WHEN {controlled(d)} THEN (CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END) END)", [], false)
        { Missing = noArms ?? noConverted, Population = " (customers held out, sent nothing)" });
        measures.Add(new("control_conversions", "conversions in the control group", EntityKind.CampaignSends, MeasureFormat.Count,
            d => $"SUM(CASE WHEN {controlled(d)} AND {converted!(d)} THEN 1 ELSE 0 END)", [], true)
        { Missing = noArms ?? noConverted, Population = " (customers held out, sent nothing)" });

        // Both arms side by side ("conversion rate for treatment vs control"): a measure over every row, split by the arm
        // (CampaignArm); read only by name (no words), never alone (the plain measures count the treatment arm).
        measures.Add(new("arm_conversion_rate", "conversion rate", EntityKind.CampaignSends, MeasureFormat.Percent,
            d => $"AVG(CASE WHEN {converted!(d)} THEN 1.0 ELSE 0.0 END)", [], false)
        { Missing = noArms ?? noConverted });
        measures.Add(new("arm_conversions", "conversions", EntityKind.CampaignSends, MeasureFormat.Count,
            d => $"SUM(CASE WHEN {converted!(d)} THEN 1 ELSE 0 END)", [], true)
        { Missing = noArms ?? noConverted });
        measures.Add(new("arm_customers", "customers", EntityKind.CampaignSends, MeasureFormat.Count, _ => "COUNT(*)", [], true) { Missing = noArms });
        measures.Add(new("arm_attributed_revenue", "attributed campaign revenue", EntityKind.CampaignSends, MeasureFormat.Money, d => $"SUM({attributed!(d)})", [], true)
        { Missing = noArms ?? (attributed is null ? NeedsColumn(EntityKind.CampaignSends, "revenue") : null) });

        // The number of campaigns (distinct ids, else names): "how many campaigns used the cart reminder trigger". A few
        // dozen values: counted with the dialect's few-values count (DuckDB: a bit mask per group; the average number
        // of campaigns per customer over 5,080,694 sends in 360 against 480-565 ms, docs/benchmarks.md "Stop 36").
        Func<SqlDialect, string>? campaignKey = Mapped(EntityKind.CampaignSends, "campaign_id") ?? Mapped(EntityKind.CampaignSends, "campaign_name");
        FactInfo? sendsFact = Fact(EntityKind.CampaignSends);
        AddItemMeasures(measures);
        measures.Add(new("campaign_count", "campaigns", EntityKind.CampaignSends, MeasureFormat.Count,
            d => sendsFact is null ? $"COUNT(DISTINCT {campaignKey!(d)})" : d.CountDistinctFew(campaignKey!(d), sendsFact.Table, sendsFact.Alias),
            ["how many campaigns", "how many different campaigns", "how many distinct campaigns", "how many of our campaigns", "number of campaigns", "number of different campaigns",
                "number of distinct campaigns", "count of campaigns", "campaign count"], false)
        { Missing = noSends ?? (campaignKey is null ? NeedsColumn(EntityKind.CampaignSends, "campaign_id") : null) });
        return measures;
    }

    private List<DimensionDefinition> BuildDimensions()
    {
        List<DimensionDefinition> dimensions = [];
        IReadOnlyList<HierarchyLevel> places = Profile.Catalog.Places.Levels;
        for (int i = 0; i < places.Count; i++)
        {
            HierarchyLevel level = places[i];
            if (level.Attribute is null || Profile.FindAttribute(level.Attribute) is not { } attribute)
            {
                continue;
            }

            List<string> words = [Label(level.Name), level.Plural];
            if (i == 0)
            {
                words.AddRange(["market", "markets", "region", "regions"]);
            }

            if (i == places.Count - 1)
            {
                words.AddRange(["location", "locations"]);
            }

            dimensions.Add(Attribute(level.Name, level.Name, Label(level.Name), level.Plural, DimensionRole.Place, attribute, words) with { Outermost = i == 0 });
        }

        if (Profile.FindAttribute(ProfileAttributeRole.AcquisitionSource) is { } source)
        {
            dimensions.Add(Attribute("acquisition_source", "acquisition_source", "acquisition source", "acquisition sources", DimensionRole.AcquisitionSource, source,
                ["acquisition source", "acquisition sources", "acquisition channel", "acquisition channels", "source", "sources", "channel", "channels", source.Label]) with { Outermost = true });
        }

        if (ValueScore is { } value)
        {
            dimensions.Add(Attribute("value_tier", "value_tier", "value tier", "value tiers", DimensionRole.ValueTier, value,
                ["value tier", "value tiers", "tier", "tiers", "value segment", "value segments", .. AttributeWords(value).Where(w => !w.Contains(' ', StringComparison.Ordinal)).SelectMany(w => new[] { w + " tier", w + " tiers" })])
                with { Outermost = true });
        }

        IReadOnlyList<HierarchyLevel> taxonomy = Profile.Catalog.Taxonomy.Levels;
        for (int i = 0; i < taxonomy.Count; i++)
        {
            HierarchyLevel level = taxonomy[i];
            List<DimensionColumn> columns = [];
            if (level.OrdersColumn is { } ordersColumn && Profile.HasEntity(EntityKind.Orders))
            {
                columns.Add(new(EntityKind.Orders, d => Column("t", ordersColumn, d)));
            }

            if (level.EventsColumn is { } eventsColumn && Profile.HasEntity(EntityKind.Events))
            {
                columns.Add(new(EntityKind.Events, d => Column("e", eventsColumn, d)));
            }

            if (ItemText(level.CartItemsField) is { } itemColumn)
            {
                columns.Add(new(EntityKind.Carts, itemColumn));
            }

            List<string> words = [Label(level.Name), level.Plural];
            if (i == 0)
            {
                words.AddRange(["category", "categories", "product category", "product categories", "department", "departments"]);
            }

            if (i == taxonomy.Count - 1)
            {
                words.AddRange(["product type", "product types", "product", "products", "item type", "item types"]);
            }

            dimensions.Add(new(level.Name, level.Name, Label(level.Name), level.Plural, DimensionRole.Taxonomy, false, columns, words)
            {
                Missing = columns.Count == 0 ? Missing(EntityKind.Orders) ?? Missing(EntityKind.Events) : null,
            });
        }

        // The product name of each order line (entities.orders.columns.product_name), when mapped: "which 5 product names
        // sold the most units", "the 5 most-ordered products by name".
        if (Mapped(EntityKind.Orders, "product_name") is not null)
        {
            DimensionDefinition productName = FactColumn("product_name", "product_name", "product name", "product names", DimensionRole.Custom, EntityKind.Orders, "product_name",
                ["product name", "product names", "products by name", "product by name", "names of products", "names of the products"]);
            dimensions.Add(ItemText(Profile.Entities.Get(EntityKind.Carts)?.ItemFields.GetValueOrDefault("product_name")) is { } itemName
                ? productName with { Columns = [.. productName.Columns, new(EntityKind.Carts, itemName)] }
                : productName);
        }

        dimensions.Add(FactColumn("event_type", "event_type", "event type", "event types", DimensionRole.EventType, EntityKind.Events, "type",
            ["event type", "event types", "type of event", "types of event", "kind of event"]));
        dimensions.Add(FactColumn("device", "device", "device", "devices", DimensionRole.Device, EntityKind.Events, "device", ["device", "devices", "platform", "platforms", "device type", "device types"]) with { Outermost = true });
        dimensions.Add(FactColumn("campaign", "campaign_name", "campaign", "campaigns", DimensionRole.Campaign, EntityKind.CampaignSends, "campaign_name", ["campaign", "campaigns", "campaign name"]));
        dimensions.Add(FactColumn("campaign_id", "campaign_id", "campaign id", "campaign ids", DimensionRole.Campaign, EntityKind.CampaignSends, "campaign_id", ["campaign id", "campaign ids"]));
        dimensions.Add(FactColumn("campaign_type", "campaign_type", "campaign type", "campaign types", DimensionRole.CampaignType, EntityKind.CampaignSends, "campaign_type", ["campaign type", "campaign types"]));
        dimensions.Add(FactColumn("trigger", "trigger_type", "trigger", "triggers", DimensionRole.Trigger, EntityKind.CampaignSends, "trigger",
            ["trigger", "triggers", "trigger type", "trigger types", "incentive", "incentives"]));

        foreach (ProfileDimension dimension in Profile.Analytics.Dimensions)
        {
            (Func<SqlDialect, string> sql, _) = Expand(dimension.Expression, dimension.Entity);
            string label = dimension.Label.Length > 0 ? dimension.Label : Label(dimension.Name);
            string plural = dimension.Plural.Length > 0 ? dimension.Plural : LanguageWords.Plural(label);
            bool onCustomers = dimension.Entity == EntityKind.Customers;
            dimensions.Add(new(dimension.Name, dimension.Name, label, plural, DimensionRole.Custom, onCustomers, [new(dimension.Entity, sql)],
                [label, plural, Label(dimension.Name), .. dimension.Words])
            {
                Missing = Missing(dimension.Entity),
            });
        }

        // The day of the week of each row's time ("which day of the week has the most orders"): a name, not a period.
        // Not the customers' (a signup day would not be said), and not "weekday" (which can mean Monday to Friday).
        List<DimensionColumn> weekdays = [.. _facts.Values.Where(f => f.Time is not null && f.Kind != EntityKind.Customers).Select(f => new DimensionColumn(f.Kind, d => d.DayName(f.Time!(d))))];
        if (weekdays.Count > 0)
        {
            dimensions.Add(new("day_of_week", "day_of_week", "day of the week", "days of the week", DimensionRole.Custom, false, weekdays,
                ["day of the week", "days of the week", "day of week", "days of week"]));
        }

        dimensions.Add(Time("day", "days", TimeGrain.Day, ["day", "days", "daily", "date", "dates", "day by day"]));
        dimensions.Add(Time("week", "weeks", TimeGrain.Week, ["week", "weeks", "weekly", "week by week"]));
        dimensions.Add(Time("month", "months", TimeGrain.Month, ["month", "months", "monthly", "month by month", "over time", "trend", "trends"]));
        // A calendar quarter as a row ("revenue per quarter in 2025", "quarterly revenue"); a named quarter ("Q3 2026", "this
        // quarter") is a range, read before this.
        dimensions.Add(Time("quarter", "quarters", TimeGrain.Quarter, ["quarter", "quarters", "quarterly", "quarter by quarter", "by quarter", "per quarter", "each quarter", "every quarter"]));
        // Only said as a breakdown ("by year", "in each calendar year"): "for the year" alone could be this year.
        dimensions.Add(Time("year", "years", TimeGrain.Year, ["yearly", "year by year", "by year", "per year", "each year", "every year", "by years", "over the years", "across the years", "annually", "which year", "what year", "which years", "what years"]));
        return dimensions;
    }

    private static DimensionDefinition Time(string name, string plural, TimeGrain grain, IReadOnlyList<string> words) =>
        new(name, name, name, plural, DimensionRole.Time, false, [], words) { Grain = grain };

    private DimensionDefinition Attribute(string key, string name, string label, string plural, DimensionRole role, ProfileAttribute attribute, IReadOnlyList<string> words)
    {
        Func<SqlDialect, string> sql = AttributeSql(attribute);
        bool onCustomers = attribute.Entity == EntityKind.Customers;
        return new(key, name, label, plural, role, onCustomers, [new(attribute.Entity, sql)], words);
    }

    private DimensionDefinition FactColumn(string key, string name, string label, string plural, DimensionRole role, EntityKind entity, string logical, IReadOnlyList<string> words)
    {
        Func<SqlDialect, string>? sql = Mapped(entity, logical);
        return new(key, name, label, plural, role, false, sql is null ? [] : [new(entity, sql)], words)
        {
            Missing = Missing(entity) ?? (sql is null ? NeedsColumn(entity, logical) : null),
        };
    }

    // {attribute} placeholders become the attribute's alias-qualified column.
    private (Func<SqlDialect, string> Sql, bool NeedsCustomers) Expand(string expression, EntityKind entity)
    {
        bool needsCustomers = false;
        List<(string Placeholder, Func<SqlDialect, string> Sql)> parts = [];
        foreach (Match match in PlaceholderRegex().Matches(expression))
        {
            if (Profile.FindAttribute(match.Groups[1].Value) is { } attribute)
            {
                parts.Add((match.Value, AttributeSql(attribute)));
                needsCustomers |= attribute.Entity == EntityKind.Customers && entity != EntityKind.Customers;
            }
        }

        return (d =>
        {
            string sql = expression;
            foreach ((string placeholder, Func<SqlDialect, string> part) in parts)
            {
                sql = sql.Replace(placeholder, part(d), StringComparison.Ordinal);
            }

            return sql;
        }, needsCustomers);
    }

    private string NeedsColumn(EntityKind kind, string logical) =>
        $"needs the `{logical}` column in the `entities.{ProfileWire<EntityKind>.Name(kind)}` mapping";

    private static IEnumerable<string> AttributeWords(ProfileAttribute attribute) =>
        [attribute.Name.Replace('_', ' '), attribute.Label, .. attribute.Words];

    private static string Label(string name) => name.Replace('_', ' ');

    private static MeasureFormat ParseFormat(string format) => format switch
    {
        "count" => MeasureFormat.Count,
        "money" => MeasureFormat.Money,
        "percent" => MeasureFormat.Percent,
        "percentage_points" => MeasureFormat.PercentagePoints,
        "seconds" => MeasureFormat.Seconds,
        _ => MeasureFormat.Decimal,
    };

    // "customer", plus the singular of the customers table's name when it is one plain word ("members" -> "member").
    private static List<string> CustomerNouns(string table)
    {
        List<string> nouns = ["customer"];
        string last = table[(table.LastIndexOf('.') + 1)..].ToLowerInvariant();
        if (last.Length > 2 && last.All(char.IsAsciiLetterLower))
        {
            string singular = LanguageWords.Singular(last);
            if (!nouns.Contains(singular))
            {
                nouns.Add(singular);
            }
        }

        return nouns;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PlaceholderRegex();

    // A profile measure that is the average of one attribute: "AVG({discount_sensitivity})".
    [GeneratedRegex(@"^\s*AVG\s*\(\s*(\{[A-Za-z_][A-Za-z0-9_]*\})\s*\)\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AverageOfOneColumn();
}
