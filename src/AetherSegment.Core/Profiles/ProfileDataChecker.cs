using System.Data.Common;
using System.Globalization;
using System.Text;
using AetherSegment.Data;

namespace AetherSegment.Profiles;

/// <summary>
/// Checks a loaded profile against the data in a store: every mapped table exists; every mapped column expression is
/// one expression (through <see cref="IProfileExpressionValidator"/> when the store has one), compiles
/// (<c>SELECT expression AS v FROM table LIMIT 0</c>) and has a usable type; personal columns exist; catalog values
/// occur in the mapped columns (a value with no rows warns, a list with no value in the data fails); each trigger has
/// campaign history in both arms (or the report says the ranker will not cover it); and the entities the profile leaves
/// out are listed with the features they switch off. Hosts call it at start (<c>aether profile check</c>, the web host).
/// </summary>
/// <remarks>
/// Only the profile author's SQL fragments (table names, column expressions) are written into the statements, as
/// the SQL builders do; no data value is ever put in SQL text: catalog values and trigger ids are compared in memory
/// against the distinct values the store returns. Thread-safe; every call runs its own queries in sequence.
/// </remarks>
public sealed class ProfileDataChecker
{
    private const int MaxDistinctValues = 10_000;

    private static readonly IReadOnlyDictionary<EntityKind, string[]> EntityFeatures = new Dictionary<EntityKind, string[]>
    {
        [EntityKind.Orders] = ["purchased / no_purchase filters and taxonomy filters on purchases", "recency, frequency and value uplift features", "order and revenue analytics"],
        [EntityKind.Events] = ["engaged filters (event types, taxonomy on events)", "event-count uplift features", "event and device analytics"],
        [EntityKind.Carts] = ["abandoned_cart filters", "cart activity uplift features"],
        [EntityKind.CampaignSends] = ["trigger ranking (uplift models trained on campaign history)", "experiment results and conversion analytics"],
        [EntityKind.Scores] = ["attributes on the scores entity", "score uplift features"],
    };

    private static readonly IReadOnlyDictionary<string, string[]> ColumnFeatures = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["customers.created_at"] = ["acquired filters (signed up within N days)", "tenure uplift feature"],
        ["orders.id"] = ["order counts (without it every row counts as one order)"],
        ["carts.value"] = ["abandoned_cart min_value filters"],
        ["events.device"] = ["device filters and analytics"],
        ["campaign_sends.revenue"] = ["revenue figures of experiments and allocation"],
    };

    private readonly IDataStore _store;
    private readonly IProfileExpressionValidator? _expressions;

    /// <summary>Creates a checker over a store.</summary>
    /// <param name="store">The store holding the profile's tables.</param>
    /// <param name="expressions">The store's expression parser, or <see langword="null"/> when it has none (then an
    /// expression is only checked by compiling it).</param>
    public ProfileDataChecker(IDataStore store, IProfileExpressionValidator? expressions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _expressions = expressions;
    }

    /// <summary>Checks the profile against the store's data.</summary>
    /// <param name="profile">The profile (already loaded and validated).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The report; <see cref="ProfileCheckReport.Status"/> is <see cref="ProfileCheckStatus.Fail"/> when the profile does not fit the data.</returns>
    /// <exception cref="DataStoreException">The store is unavailable (a query about a mapped table or column that the store refuses is a failed check, not an exception).</exception>
    public async Task<ProfileCheckReport> CheckAsync(BusinessProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Run run = new(this, profile, cancellationToken);
        await run.ExecuteAsync().ConfigureAwait(false);
        return new ProfileCheckReport(profile.Name, _store.Dialect.Name, run.Findings, run.Triggers, MissingMappings(profile));
    }

    private static List<ProfileMissingMapping> MissingMappings(BusinessProfile profile)
    {
        List<ProfileMissingMapping> missing = [];
        foreach ((EntityKind kind, string[] features) in EntityFeatures)
        {
            if (!profile.HasEntity(kind))
            {
                string name = ProfileWire<EntityKind>.Name(kind);
                missing.Add(new ProfileMissingMapping(name, "$.entities." + name, features));
            }
        }

        foreach ((string key, string[] features) in ColumnFeatures)
        {
            string[] parts = key.Split('.');
            EntityKind kind = ProfileWire<EntityKind>.Names.First(n => n.Name == parts[0]).Value;
            if (profile.Entities.Get(kind) is { } mapping && !mapping.HasColumn(parts[1]))
            {
                missing.Add(new ProfileMissingMapping(key, $"{mapping.JsonPath}.columns.{parts[1]}", features));
            }
        }

        return missing;
    }

    /// <summary>The kind of values a column must hold.</summary>
    private enum Expect
    {
        Key,
        Text,
        Number,
        Boolean,
        Timestamp,
        Any,
    }

    /// <summary>What a column's type reads as.</summary>
    private enum Found
    {
        Text,
        Integer,
        Number,
        Boolean,
        Timestamp,
        Date,
        Other,
    }

    private sealed class Run(ProfileDataChecker owner, BusinessProfile profile, CancellationToken cancellationToken)
    {
        private readonly Dictionary<EntityKind, bool> _tables = [];

        public List<ProfileCheckFinding> Findings { get; } = [];

        public List<ProfileTriggerCoverage> Triggers { get; } = [];

        private SqlDialect Dialect => owner._store.Dialect;

        public async Task ExecuteAsync()
        {
            foreach (EntityMapping entity in profile.Entities.All)
            {
                await CheckTableAsync(entity).ConfigureAwait(false);
            }

            foreach (EntityMapping entity in profile.Entities.All.Where(e => _tables[e.Kind]))
            {
                foreach ((string logical, string expression) in entity.Columns)
                {
                    await CheckColumnAsync(entity, $"{entity.JsonPath}.columns.{logical}", expression, ExpectedType(entity.Kind, logical)).ConfigureAwait(false);
                }
            }

            foreach (EntityMapping entity in profile.Entities.All.Where(e => e.IdUnique && _tables[e.Kind]))
            {
                await CheckIdUniqueAsync(entity).ConfigureAwait(false);
            }

            if (profile.Entities.Get(EntityKind.Events) is { } events && _tables[EntityKind.Events] && events.HasColumn("session_start"))
            {
                await CheckSessionsAsync(events).ConfigureAwait(false);
            }

            await CheckPersonalColumnsAsync().ConfigureAwait(false);
            foreach (ProfileAttribute attribute in profile.Attributes)
            {
                if (profile.Entities.Get(attribute.Entity) is { } entity && _tables[entity.Kind])
                {
                    Expect expect = attribute.Type switch
                    {
                        ProfileAttributeType.Number => Expect.Number,
                        ProfileAttributeType.Boolean => Expect.Boolean,
                        ProfileAttributeType.Timestamp => Expect.Timestamp,
                        _ => Expect.Text,
                    };
                    await CheckColumnAsync(entity, attribute.JsonPath + ".column", attribute.Column, expect).ConfigureAwait(false);
                }
            }

            await CheckCatalogAsync().ConfigureAwait(false);
            await CheckTriggersAsync().ConfigureAwait(false);
        }

        private static Expect ExpectedType(EntityKind kind, string logical) => (kind, logical) switch
        {
            (_, "id" or "customer_id" or "session_id" or "campaign_id") => Expect.Key,
            (_, "timestamp" or "created_at" or "sent_at" or "scored_at") => Expect.Timestamp,
            (_, "value" or "revenue" or "quantity" or "item_count" or "session_duration_seconds") => Expect.Number,
            (_, "converted" or "session_start") => Expect.Boolean,
            (_, "items") => Expect.Any,
            _ => Expect.Text,
        };

        private void Add(string check, string path, ProfileCheckStatus status, string message) =>
            Findings.Add(new ProfileCheckFinding(check, path, status, message));

        private string Table(EntityMapping entity) => string.Join('.', entity.Table.Split('.').Select(Dialect.Quote));

        private string Column(string expression) => ProfileSql.IsColumnName(expression) ? Dialect.Quote(expression) : expression;

        private async Task CheckTableAsync(EntityMapping entity)
        {
            string path = entity.JsonPath + ".table";
            try
            {
                QueryResult result = await owner._store.QueryAsync(new SqlStatement($"SELECT COUNT(*) AS n FROM {Table(entity)}"), cancellationToken).ConfigureAwait(false);
                long rows = Convert.ToInt64(result.Scalar() ?? 0L, CultureInfo.InvariantCulture);
                _tables[entity.Kind] = true;
                Add("table", path, rows > 0 ? ProfileCheckStatus.Ok : ProfileCheckStatus.Warn, rows > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"table {entity.Table} has {rows:N0} rows")
                    : $"table {entity.Table} is empty");
            }
            catch (DataStoreException e)
            {
                _tables[entity.Kind] = false;
                Add("table", path, ProfileCheckStatus.Fail, $"table {entity.Table} cannot be read: {OneLine(e.Message)}");
            }
        }

        // id_unique: counts of records become row counts, so a declaration the data contradicts would over-count.
        private async Task CheckIdUniqueAsync(EntityMapping entity)
        {
            string path = entity.JsonPath + ".id_unique";
            if (entity.Column(EntityMapping.UniqueKey(entity.Kind)) is not { } id)
            {
                return;
            }

            string idSql = Column(id);
            try
            {
                QueryResult result = await owner._store.QueryAsync(
                    new SqlStatement($"SELECT COUNT(*) AS n, COUNT(DISTINCT {idSql}) AS ids, COUNT(*) - COUNT({idSql}) AS nulls FROM {Table(entity)}"),
                    cancellationToken).ConfigureAwait(false);
                object?[] row = result.Rows[0];
                long rows = Convert.ToInt64(row[0] ?? 0L, CultureInfo.InvariantCulture);
                long ids = Convert.ToInt64(row[1] ?? 0L, CultureInfo.InvariantCulture);
                long nulls = Convert.ToInt64(row[2] ?? 0L, CultureInfo.InvariantCulture);
                string noun = ProfileWire<EntityKind>.Name(entity.Kind);
                bool scores = entity.Kind == EntityKind.Scores;
                if (ids == rows && nulls == 0)
                {
                    Add("id_unique", path, ProfileCheckStatus.Ok, string.Create(CultureInfo.InvariantCulture,
                        $"'{id}' is unique on each of the {rows:N0} rows of {entity.Table}: {(scores ? "each customer's scores are read from their one row" : $"{noun} are counted as rows")}"));
                    return;
                }

                string why = nulls > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{nulls:N0} of the {rows:N0} rows of {entity.Table} have no '{id}'{(rows - nulls > ids ? $" and the others hold {ids:N0} distinct ids" : "")}")
                    : string.Create(CultureInfo.InvariantCulture, $"the {rows:N0} rows of {entity.Table} hold only {ids:N0} distinct '{id}' values");
                Add("id_unique", path, ProfileCheckStatus.Fail, scores
                    ? $"id_unique is declared but {why}: a customer's score would be compared row by row; remove id_unique so each customer's rows are averaged"
                    : $"id_unique is declared but {why}: counts of {noun} would be wrong; remove id_unique so rows sharing an id count once");
            }
            catch (DataStoreException e)
            {
                Add("id_unique", path, ProfileCheckStatus.Fail, $"the uniqueness of '{id}' on {entity.Table} cannot be checked: {OneLine(e.Message)}");
            }
        }

        // session_start and session_columns: counts of sessions become counts of start rows, so a session with no start
        // row or two, or a session column whose value changes within a session, would make them wrong.
        private async Task CheckSessionsAsync(EntityMapping entity)
        {
            string path = entity.JsonPath + ".columns.session_start";
            if (entity.Column("session_id") is not { } session || entity.Column("session_start") is not { } start)
            {
                return;
            }

            string sid = Column(session);
            StringBuilder perSession = new($"SELECT {sid} AS session_key, COUNT(CASE WHEN {Column(start)} THEN 1 END) AS starts");
            StringBuilder totals = new("SELECT COUNT(*) AS sessions, SUM(CASE WHEN starts = 1 THEN 0 ELSE 1 END) AS bad_starts");
            for (int i = 0; i < entity.SessionColumns.Count; i++)
            {
                string column = Column(entity.Column(entity.SessionColumns[i])!);
                string ok = string.Create(CultureInfo.InvariantCulture, $"same_{i}");
                perSession.Append(", COUNT(DISTINCT ").Append(column).Append(") <= 1 AND (COUNT(").Append(column).Append(") = 0 OR COUNT(").Append(column).Append(") = COUNT(*)) AS ").Append(ok);
                totals.Append(", SUM(CASE WHEN ").Append(ok).Append(" THEN 0 ELSE 1 END) AS changing_").Append(i.ToString(CultureInfo.InvariantCulture));
            }

            string sql = $"{totals}, (SELECT COUNT(*) FROM {Table(entity)} WHERE {Column(start)} AND {sid} IS NULL) AS orphans\nFROM ({perSession} FROM {Table(entity)} WHERE {sid} IS NOT NULL GROUP BY {sid}) AS per_session";
            try
            {
                QueryResult result = await owner._store.QueryAsync(new SqlStatement(sql), cancellationToken).ConfigureAwait(false);
                object?[] row = result.Rows[0];
                long sessions = Convert.ToInt64(row[0] ?? 0L, CultureInfo.InvariantCulture);
                long badStarts = Convert.ToInt64(row[1] ?? 0L, CultureInfo.InvariantCulture);
                long orphans = Convert.ToInt64(row[^1] ?? 0L, CultureInfo.InvariantCulture);
                if (badStarts > 0 || orphans > 0)
                {
                    string why = badStarts > 0
                        ? string.Create(CultureInfo.InvariantCulture, $"{badStarts:N0} of the {sessions:N0} sessions in {entity.Table} have no '{start}' row or more than one")
                        : string.Create(CultureInfo.InvariantCulture, $"{orphans:N0} '{start}' rows of {entity.Table} have no '{session}'");
                    Add("session_start", path, ProfileCheckStatus.Fail,
                        $"session_start is mapped but {why}: counts of sessions would be wrong; unmap session_start so sessions are counted as distinct '{session}' values");
                }
                else
                {
                    Add("session_start", path, ProfileCheckStatus.Ok,
                        string.Create(CultureInfo.InvariantCulture, $"'{start}' is true on exactly one row of each of the {sessions:N0} sessions in {entity.Table}: sessions are counted as start rows"));
                }

                for (int i = 0; i < entity.SessionColumns.Count; i++)
                {
                    string logical = entity.SessionColumns[i];
                    string columnPath = ProfileJsonObject.Item(entity.JsonPath + ".session_columns", i);
                    long changing = Convert.ToInt64(row[2 + i] ?? 0L, CultureInfo.InvariantCulture);
                    Add("session_columns", columnPath, changing == 0 ? ProfileCheckStatus.Ok : ProfileCheckStatus.Fail, changing == 0
                        ? string.Create(CultureInfo.InvariantCulture, $"'{entity.Column(logical)}' holds one value on every row of each of the {sessions:N0} sessions")
                        : string.Create(CultureInfo.InvariantCulture, $"'{entity.Column(logical)}' changes within {changing:N0} of the {sessions:N0} sessions: sessions split by {logical} would be wrong; remove {logical} from session_columns"));
                }
            }
            catch (DataStoreException e)
            {
                Add("session_start", path, ProfileCheckStatus.Fail, $"the session starts on {entity.Table} cannot be checked: {OneLine(e.Message)}");
            }
        }

        private async Task CheckPersonalColumnsAsync()
        {
            EntityMapping customers = profile.Entities.Customers;
            if (!_tables[EntityKind.Customers])
            {
                return;
            }

            for (int i = 0; i < customers.PersonalColumns.Count; i++)
            {
                string name = customers.PersonalColumns[i];
                string path = string.Create(CultureInfo.InvariantCulture, $"{customers.JsonPath}.personal_columns[{i}]");
                string? problem = await TypeOfAsync(customers, Dialect.Quote(name)).ConfigureAwait(false) is (null, var error) ? error : null;
                Add("personal_column", path, problem is null ? ProfileCheckStatus.Ok : ProfileCheckStatus.Fail,
                    problem is null ? $"{customers.Table}.{name} exists" : $"{customers.Table} has no column {name}: {problem}");
            }
        }

        private async Task<bool> CheckColumnAsync(EntityMapping entity, string path, string expression, Expect expect)
        {
            if (!ProfileSql.IsColumnName(expression) && owner._expressions is { } parser)
            {
                string? refused = await parser.ValidateAsync($"SELECT {expression} AS v FROM {Table(entity)}", cancellationToken).ConfigureAwait(false);
                if (refused is not null)
                {
                    Add("column", path, ProfileCheckStatus.Fail, $"'{expression}' is not a single SQL expression over {entity.Table}: {refused}");
                    return false;
                }
            }

            (Found? found, string? error) = await TypeOfAsync(entity, Column(expression)).ConfigureAwait(false);
            if (found is not { } type)
            {
                Add("column", path, ProfileCheckStatus.Fail, $"'{expression}' does not compile on {entity.Table}: {error}");
                return false;
            }

            (ProfileCheckStatus status, string message) = Judge(expression, expect, type);
            Add("column", path, status, message);
            return status != ProfileCheckStatus.Fail;
        }

        private static (ProfileCheckStatus, string) Judge(string expression, Expect expect, Found found)
        {
            string name = found.ToString().ToLowerInvariant();
            bool ok = expect switch
            {
                Expect.Key => found is Found.Text or Found.Integer,
                Expect.Text => found is Found.Text,
                Expect.Number => found is Found.Integer or Found.Number,
                Expect.Boolean => found is Found.Boolean,
                Expect.Timestamp => found is Found.Timestamp,
                _ => true,
            };
            if (ok)
            {
                return (ProfileCheckStatus.Ok, $"'{expression}' is {name}");
            }

            string wanted = expect.ToString().ToLowerInvariant();
            return (expect, found) switch
            {
                (Expect.Timestamp, Found.Date) => (ProfileCheckStatus.Warn, $"'{expression}' is a date, not a timestamp: map CAST({expression} AS TIMESTAMP) so time windows compare alike on every store"),
                (Expect.Boolean, Found.Integer) => (ProfileCheckStatus.Fail, $"'{expression}' is an integer, not a boolean: map '{expression} = 1'"),
                (Expect.Text, Found.Integer) => (ProfileCheckStatus.Warn, $"'{expression}' is an integer where text is expected: values compare as text"),
                _ => (ProfileCheckStatus.Fail, $"'{expression}' is {name}, not a usable {(expect == Expect.Key ? "key (text or integer)" : wanted)}"),
            };
        }

        /// <summary>The type of <c>SELECT expression FROM table LIMIT 0</c>, or the store's refusal.</summary>
        private async Task<(Found? Type, string? Error)> TypeOfAsync(EntityMapping entity, string sqlExpression)
        {
            try
            {
                return await owner._store.ReadAsync(
                    new SqlStatement($"SELECT {sqlExpression} AS v FROM {Table(entity)} LIMIT 0"),
                    (reader, _) => Task.FromResult<(Found?, string?)>((Classify(reader), null)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DataStoreException e)
            {
                return (null, OneLine(e.Message));
            }
        }

        private static Found Classify(DbDataReader reader)
        {
            string name = reader.GetDataTypeName(0).ToUpperInvariant();
            int paren = name.IndexOf('(', StringComparison.Ordinal);
            string bare = paren > 0 ? name[..paren].Trim() : name.Trim();
            switch (bare)
            {
                case "VARCHAR" or "STRING" or "TEXT" or "CHAR" or "BPCHAR" or "UUID" or "ENUM":
                    return Found.Text;
                case "BOOLEAN" or "BOOL":
                    return Found.Boolean;
                case "TINYINT" or "SMALLINT" or "INTEGER" or "INT" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT" or "INT64":
                    return Found.Integer;
                case "DOUBLE" or "FLOAT" or "REAL" or "DECIMAL" or "NUMERIC" or "BIGNUMERIC" or "FLOAT64":
                    return Found.Number;
                case "DATE":
                    return Found.Date;
                case "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "DATETIME":
                    return Found.Timestamp;
                default:
                    break;
            }

            Type type = reader.GetFieldType(0);
            return Type.GetTypeCode(type) switch
            {
                TypeCode.String => Found.Text,
                TypeCode.Boolean => Found.Boolean,
                TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => Found.Integer,
                TypeCode.Single or TypeCode.Double or TypeCode.Decimal => Found.Number,
                TypeCode.DateTime => Found.Timestamp,
                _ when type == typeof(DateTimeOffset) => Found.Timestamp,
                _ when type == typeof(DateOnly) => Found.Date,
                _ => Found.Other,
            };
        }

        private async Task CheckCatalogAsync()
        {
            ProfileCatalog catalog = profile.Catalog;
            foreach (HierarchyLevel level in catalog.Places.Levels)
            {
                if (level.Attribute is { } name && profile.FindAttribute(name) is { } attribute)
                {
                    await CheckValuesAsync("places." + level.Name, attribute.Entity, attribute.Column, catalog.Places.ValuesAt(level).Select(n => (n.Name, n.JsonPath)),
                        string.Create(CultureInfo.InvariantCulture, $"$.catalog.places.levels[{level.Depth}]")).ConfigureAwait(false);
                }
            }

            foreach (HierarchyLevel level in catalog.Taxonomy.Levels)
            {
                IEnumerable<(string, string)> values = [.. catalog.Taxonomy.ValuesAt(level).Select(n => (n.Name, n.JsonPath))];
                if (level.OrdersColumn is { } orders)
                {
                    await CheckValuesAsync($"taxonomy.{level.Name} (orders)", EntityKind.Orders, orders, values, string.Create(CultureInfo.InvariantCulture, $"$.catalog.taxonomy.levels[{level.Depth}].orders_column")).ConfigureAwait(false);
                }

                if (level.EventsColumn is { } events)
                {
                    await CheckValuesAsync($"taxonomy.{level.Name} (events)", EntityKind.Events, events, values, string.Create(CultureInfo.InvariantCulture, $"$.catalog.taxonomy.levels[{level.Depth}].events_column")).ConfigureAwait(false);
                }
            }

            ProfileAttribute? source = profile.FindAttribute(ProfileAttributeRole.AcquisitionSource)
                ?? profile.Attributes.FirstOrDefault(a => a.Catalog == "acquisition_sources");
            await CheckListAsync("acquisition_sources", source?.Entity, source?.Column, catalog.AcquisitionSources.Select(e => (e.Name, e.JsonPath)), "$.catalog.acquisition_sources").ConfigureAwait(false);
            EntityMapping? eventsMapping = profile.Entities.Events;
            await CheckListAsync("event_types", eventsMapping is null ? null : EntityKind.Events, eventsMapping?.Column("type"), catalog.EventTypes.Select(e => (e.Name, e.JsonPath)), "$.catalog.event_types").ConfigureAwait(false);
            await CheckListAsync("devices", eventsMapping is null ? null : EntityKind.Events, eventsMapping?.Column("device"), catalog.Devices.Select(e => (e.Name, e.JsonPath)), "$.catalog.devices").ConfigureAwait(false);
            if (catalog.Channels.Count > 0)
            {
                Add("catalog", "$.catalog.channels", ProfileCheckStatus.Skipped, "no mapped column carries channels: their values are not checked against the data");
            }
        }

        private async Task CheckListAsync(string list, EntityKind? entity, string? expression, IEnumerable<(string Name, string Path)> values, string path)
        {
            List<(string Name, string Path)> items = [.. values];
            if (items.Count == 0)
            {
                return;
            }

            if (entity is null || expression is null)
            {
                Add("catalog", path, ProfileCheckStatus.Skipped, $"no mapped column carries {list}: their values are not checked against the data");
                return;
            }

            await CheckValuesAsync(list, entity.Value, expression, items, path).ConfigureAwait(false);
        }

        private async Task CheckValuesAsync(string list, EntityKind kind, string expression, IEnumerable<(string Name, string Path)> values, string listPath)
        {
            List<(string Name, string Path)> items = [.. values];
            if (items.Count == 0 || profile.Entities.Get(kind) is not { } entity || !_tables[kind])
            {
                return;
            }

            Dictionary<string, long>? counts = await DistinctAsync(entity, Column(expression), null).ConfigureAwait(false);
            if (counts is null)
            {
                Add("catalog", listPath, ProfileCheckStatus.Skipped, $"{list}: the values of '{expression}' on {entity.Table} cannot be read (see the column check)");
                return;
            }

            int matched = 0;
            foreach ((string name, string path) in items)
            {
                if (counts.TryGetValue(name, out long rows) && rows > 0)
                {
                    matched++;
                    continue;
                }

                string? near = counts.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                Add("catalog_value", path + ".name", ProfileCheckStatus.Warn, near is null
                    ? $"{list}: '{name}' occurs in no row of {entity.Table} ('{expression}')"
                    : $"{list}: '{name}' occurs in no row of {entity.Table}, but '{near}' does (values compare exactly)");
            }

            int unlisted = counts.Keys.Count(k => !items.Any(i => i.Name == k));
            string extra = unlisted > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unlisted} value(s) in the data are not in the catalog") : "";
            Add("catalog", listPath, matched == 0 ? ProfileCheckStatus.Fail : ProfileCheckStatus.Ok, matched == 0
                ? $"{list}: none of the {items.Count} catalog values occurs in '{expression}' on {entity.Table}{extra}"
                : string.Create(CultureInfo.InvariantCulture, $"{list}: {matched} of {items.Count} catalog values occur in '{expression}' on {entity.Table}{extra}"));
        }

        /// <summary>The distinct values of an expression (as text) with their row counts, or null when the store refuses the query.</summary>
        private async Task<Dictionary<string, long>?> DistinctAsync(EntityMapping entity, string sqlExpression, string? secondExpression)
        {
            string select = secondExpression is null ? $"{sqlExpression} AS v" : $"{sqlExpression} AS v, {secondExpression} AS w";
            string group = secondExpression is null ? "1" : "1, 2";
            try
            {
                QueryResult result = await owner._store.QueryAsync(
                    new SqlStatement($"SELECT {select}, COUNT(*) AS n FROM {Table(entity)} GROUP BY {group} LIMIT {MaxDistinctValues}"), cancellationToken).ConfigureAwait(false);
                Dictionary<string, long> counts = new(StringComparer.Ordinal);
                foreach (object?[] row in result.Rows)
                {
                    if (row[0] is null || (secondExpression is not null && row[1] is null))
                    {
                        continue;
                    }

                    string key = secondExpression is null ? Text(row[0]) : Text(row[0]) + "\u001f" + Text(row[1]);
                    counts[key] = counts.GetValueOrDefault(key) + Convert.ToInt64(row[^1], CultureInfo.InvariantCulture);
                }

                return counts;
            }
            catch (DataStoreException)
            {
                return null;
            }
        }

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

        private async Task CheckTriggersAsync()
        {
            if (profile.Triggers.Count == 0)
            {
                return;
            }

            if (profile.Entities.CampaignSends is not { } sends)
            {
                foreach (TriggerDefinition trigger in profile.Triggers)
                {
                    Triggers.Add(new ProfileTriggerCoverage(trigger.Id, 0, 0, 0, false));
                    Add("trigger_history", trigger.JsonPath, ProfileCheckStatus.Warn, $"trigger '{trigger.Id}': campaign_sends is not mapped, so the ranker will not cover it");
                }

                return;
            }

            Dictionary<string, long>? arms = _tables[EntityKind.CampaignSends]
                ? await DistinctAsync(sends, Column(sends.Column("trigger")!), Column(sends.Column("arm")!)).ConfigureAwait(false)
                : null;
            Dictionary<string, long>? conversions = arms is null ? null
                : await DistinctAsync(sends, Column(sends.Column("trigger")!), $"CASE WHEN {Column(sends.Column("converted")!)} THEN 1 ELSE 0 END").ConfigureAwait(false);
            if (arms is null)
            {
                foreach (TriggerDefinition trigger in profile.Triggers)
                {
                    Triggers.Add(new ProfileTriggerCoverage(trigger.Id, 0, 0, 0, false));
                }

                Add("trigger_history", sends.JsonPath, ProfileCheckStatus.Fail, $"the campaign history of {sends.Table} cannot be read (see the table and column checks): the ranker will cover no trigger");
                return;
            }

            HashSet<string> armValues = [.. arms.Keys.Select(k => k[(k.IndexOf('\u001f', StringComparison.Ordinal) + 1)..])];
            bool armsOk = armValues.Contains(sends.TreatmentValue!) && armValues.Contains(sends.ControlValue!);
            string others = string.Join(", ", armValues.Where(a => a != sends.TreatmentValue && a != sends.ControlValue).Order(StringComparer.Ordinal).Take(5).Select(a => $"'{a}'"));
            Add("campaign_arms", sends.JsonPath + ".treatment_value", armsOk ? (others.Length == 0 ? ProfileCheckStatus.Ok : ProfileCheckStatus.Warn) : ProfileCheckStatus.Fail,
                armsOk
                    ? (others.Length == 0 ? $"the arm column holds '{sends.TreatmentValue}' and '{sends.ControlValue}'" : $"the arm column also holds {others}: those rows are ignored")
                    : $"the arm column does not hold both '{sends.TreatmentValue}' (treatment_value) and '{sends.ControlValue}' (control_value); it holds {string.Join(", ", armValues.Order(StringComparer.Ordinal).Take(5).Select(a => $"'{a}'"))}");

            foreach (TriggerDefinition trigger in profile.Triggers)
            {
                long treatment = arms.GetValueOrDefault(trigger.Id + "\u001f" + sends.TreatmentValue);
                long control = arms.GetValueOrDefault(trigger.Id + "\u001f" + sends.ControlValue);
                long converted = conversions?.GetValueOrDefault(trigger.Id + "\u001f1") ?? 0;
                bool ranked = treatment > 0 && control > 0;
                Triggers.Add(new ProfileTriggerCoverage(trigger.Id, treatment, control, converted, ranked));
                Add("trigger_history", trigger.JsonPath, ranked ? ProfileCheckStatus.Ok : ProfileCheckStatus.Warn, ranked
                    ? string.Create(CultureInfo.InvariantCulture, $"trigger '{trigger.Id}': {treatment:N0} treatment and {control:N0} control sends, {converted:N0} conversions")
                    : treatment + control == 0
                        ? $"trigger '{trigger.Id}' has no campaign history in {sends.Table}: the ranker will not cover it"
                        : string.Create(CultureInfo.InvariantCulture, $"trigger '{trigger.Id}' has {treatment:N0} treatment and {control:N0} control sends: the ranker needs both arms and will not cover it"));
            }

            HashSet<string> known = [.. profile.Triggers.Select(t => t.Id)];
            List<string> unknown = [.. arms.Keys.Select(k => k[..k.IndexOf('\u001f', StringComparison.Ordinal)]).Distinct().Where(t => !known.Contains(t)).Order(StringComparer.Ordinal)];
            if (unknown.Count > 0)
            {
                Add("trigger_history", "$.triggers", ProfileCheckStatus.Warn,
                    $"{sends.Table} has history for trigger id(s) the profile does not define ({string.Join(", ", unknown.Take(10))}): that history is ignored");
            }
        }

        private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
    }
}
