using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AetherSegment.Data;

namespace AetherSegment.Cli.Profiles;

/// <summary>
/// Drafts a profile (docs/profile.md) from a database's tables: maps tables onto entities by their column names and
/// types, reads catalogs from the distinct values of low-cardinality text columns, and lists every guess with its JSON
/// path in a top-level <c>_guesses</c> array for a person to review.
/// </summary>
internal sealed partial class ProfileDrafter(ISchemaSource source, int maxValues)
{
    private readonly JsonArray _guesses = [];
    private readonly Dictionary<(string Table, string Column), List<(string Value, long Count)>?> _values = [];

    public async Task<JsonObject> DraftAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SchemaTable> tables = await source.ReadTablesAsync(cancellationToken).ConfigureAwait(false);
        if (tables.Count == 0)
        {
            throw new CliInputException($"{source.Label} has no tables: there is nothing to draft a profile from.");
        }

        foreach (SchemaTable table in tables)
        {
            await ReadValuesAsync(table, cancellationToken).ConfigureAwait(false);
        }

        (SchemaTable customers, SchemaColumn customerId) = FindCustomers(tables);
        Dictionary<string, SchemaTable> mapped = new(StringComparer.Ordinal) { ["customers"] = customers };
        List<SchemaTable> related = [.. tables.Where(t => t != customers && t.Find(customerId.Name) is not null)];
        foreach ((string entity, Func<SchemaTable, int> score) in EntityScores())
        {
            SchemaTable? best = related.Where(t => !mapped.ContainsValue(t)).Select(t => (Table: t, Score: score(t)))
                .Where(p => p.Score > 0).OrderByDescending(p => p.Score).ThenBy(p => p.Table.Name, StringComparer.Ordinal).Select(p => p.Table).FirstOrDefault();
            if (best is not null)
            {
                mapped[entity] = best;
            }
        }

        JsonObject profile = new()
        {
            ["format_version"] = 1,
            ["name"] = ProfileName(),
            ["display_name"] = ProfileName(),
            ["description"] = "TODO: a one-line description of the business, used in model prompts",
            ["currency"] = "USD",
        };
        Guess("$.name", "named after the database file or dataset; rename it");
        Guess("$.description", "write what the business is, e.g. 'an outdoor-apparel retailer'");
        Guess("$.currency", "assumed USD");

        JsonObject entities = [];
        JsonArray attributes = [];
        JsonObject catalog = [];
        entities["customers"] = CustomersEntity(customers, customerId);
        foreach (string entity in (string[])["orders", "events", "carts", "campaign_sends", "scores"])
        {
            if (!mapped.TryGetValue(entity, out SchemaTable? table))
            {
                continue;
            }

            entities[entity] = entity switch
            {
                "orders" => OrdersEntity(table, customerId),
                "events" => EventsEntity(table, customerId),
                "carts" => CartsEntity(table, customerId),
                "campaign_sends" => CampaignEntity(table, customerId),
                _ => ScoresEntity(table, customerId),
            };
        }

        foreach (SchemaTable table in tables.Where(t => !mapped.ContainsValue(t)))
        {
            Guess("$.entities", $"table {table.Name} was not mapped to any entity ({(related.Contains(table) ? "it has the customer id but matches no entity" : $"it has no {customerId.Name} column")})");
        }

        await GrainAsync(entities, mapped, cancellationToken).ConfigureAwait(false);
        profile["entities"] = entities;
        await AttributesAndPlacesAsync(customers, customerId, attributes, catalog, cancellationToken).ConfigureAwait(false);
        if (mapped.TryGetValue("scores", out SchemaTable? scores))
        {
            ScoreAttributes(scores, customerId, attributes);
        }

        profile["attributes"] = attributes;
        if (mapped.TryGetValue("orders", out SchemaTable? orders))
        {
            await TaxonomyAsync(orders, mapped.GetValueOrDefault("events"), catalog, cancellationToken).ConfigureAwait(false);
        }

        if (mapped.TryGetValue("events", out SchemaTable? events))
        {
            EventCatalogs(events, catalog);
        }

        await TiersAsync(customers, mapped.GetValueOrDefault("scores"), attributes, catalog, cancellationToken).ConfigureAwait(false);
        profile["catalog"] = catalog;
        profile["triggers"] = mapped.TryGetValue("campaign_sends", out SchemaTable? sends) ? Triggers(sends, catalog) : new JsonArray();
        if (!mapped.ContainsKey("campaign_sends"))
        {
            Guess("$.triggers", "no campaign history table found: add triggers by hand; the ranker needs a campaign_sends mapping");
        }

        profile["vocabulary"] = new JsonObject();
        profile["_guesses"] = _guesses;
        return profile;
    }

    // ---- customers -------------------------------------------------------------------------------------------------

    private (SchemaTable Table, SchemaColumn Id) FindCustomers(IReadOnlyList<SchemaTable> tables)
    {
        List<(SchemaTable Table, SchemaColumn Id, int Score, int References)> candidates = [];
        foreach (SchemaTable table in tables)
        {
            if (table.Columns.FirstOrDefault(c => IdLike(c.Name)) is not { } id)
            {
                continue;
            }

            int references = tables.Count(t => t != table && t.Find(id.Name) is not null);
            string lower = table.Name.ToLowerInvariant();
            int score = (10 * references)
                + (CustomerTableName().IsMatch(lower) ? 8 : 0)
                + (Stem(id.Name) is { Length: > 0 } stem && lower.StartsWith(stem, StringComparison.Ordinal) ? 4 : 0)
                - (lower.Contains("score", StringComparison.Ordinal) ? 6 : 0);
            candidates.Add((table, id, score, references));
        }

        if (candidates.Count == 0)
        {
            throw new CliInputException($"{source.Label}: no table has an id column (a name ending in _id, _no or _key): cannot tell which table holds the customers.");
        }

        (SchemaTable best, SchemaColumn bestId, int _, int refs) = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Table.Name, StringComparer.Ordinal).First();
        Guess("$.entities.customers.table", $"{best.Name}: its id column {bestId.Name} appears in {refs} other table(s){(CustomerTableName().IsMatch(best.Name.ToLowerInvariant()) ? " and its name is a usual name for a customer table" : string.Empty)}");
        return (best, bestId);
    }

    private JsonObject CustomersEntity(SchemaTable table, SchemaColumn id)
    {
        JsonObject columns = new() { ["id"] = Expr(id) };
        if (Pick(table, [ColumnKind.Timestamp, ColumnKind.Date], "^(created|joined|signup|signed_up|registered|member_since|customer_since|acquired|first_seen)", "(created|joined|signup|registered|since|acquired)") is { } created)
        {
            columns["created_at"] = TimestampExpr(created);
            Guess("$.entities.customers.columns.created_at", $"{created.Name}: the first date/time column named like a sign-up date");
        }

        if (Pick(table, [ColumnKind.Text], "email") is { } email)
        {
            columns["email"] = Expr(email);
        }

        if (Pick(table, [ColumnKind.Text], "^first_?name$", "^given_name$") is { } first)
        {
            columns["first_name"] = Expr(first);
        }

        if (Pick(table, [ColumnKind.Text], "^last_?name$", "^surname$", "^family_name$") is { } last)
        {
            columns["last_name"] = Expr(last);
        }

        JsonArray personal = [.. table.Columns.Where(c => c.Kind == ColumnKind.Text && PersonalColumn().IsMatch(c.Name.ToLowerInvariant())).Select(c => (JsonNode)c.Name)];
        Guess("$.entities.customers.personal_columns", "columns named like names, e-mail, phone or address: check nothing personal is missing");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns, ["personal_columns"] = personal };
    }

    // ---- entity scores ---------------------------------------------------------------------------------------------

    private IEnumerable<(string Entity, Func<SchemaTable, int> Score)> EntityScores() =>
    [
        ("campaign_sends", t => ArmColumn(t) is not null && ConvertedColumn(t) is not null ? 10 + NameScore(t, "campaign|promo|send|exposure|experiment|offer") : 0),
        ("carts", t => NameScore(t, "cart|basket") > 0 || t.Columns.Any(c => c.Name.Contains("abandon", StringComparison.OrdinalIgnoreCase)) ? 10 : 0),
        ("orders", t => MoneyColumn(t) is not null && TimeColumn(t) is not null ? 5 + NameScore(t, "order|transaction|purchase|sale|invoice|line") : 0),
        ("events", t => TypeColumn(t) is not null && TimeColumn(t) is not null ? 5 + NameScore(t, "event|click|hit|activity|session|log|stream|behav") : 0),
        ("scores", t => OnePerCustomer(t) && t.Columns.Any(c => c.Kind == ColumnKind.Number) ? 5 + NameScore(t, "score|model|propensit|predict") : 0),
    ];

    private static int NameScore(SchemaTable table, string pattern) =>
        Regex.IsMatch(table.Name, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) ? 5 : 0;

    private bool OnePerCustomer(SchemaTable table) =>
        table.Rows > 0 && table.Columns.Count(c => IdLike(c.Name)) == 1 && !table.Columns.Any(c => c.Kind == ColumnKind.Text && !IdLike(c.Name) && Values(table, c) is null);

    private SchemaColumn? ArmColumn(SchemaTable table) =>
        table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Text && Values(table, c) is { Count: >= 2 and <= 4 } values && ArmValues(values) is not null);

    private static (string Treatment, string Control)? ArmValues(List<(string Value, long Count)> values)
    {
        string? treatment = values.Select(v => v.Value).FirstOrDefault(v => TreatmentValue().IsMatch(v));
        string? control = values.Select(v => v.Value).FirstOrDefault(v => ControlValue().IsMatch(v));
        return treatment is not null && control is not null ? (treatment, control) : null;
    }

    private static SchemaColumn? ConvertedColumn(SchemaTable table) =>
        Pick(table, [ColumnKind.Boolean], "conver", "respon", "redeem", "purchas", "success", "outcome", "^did_")
        ?? table.Columns.FirstOrDefault(c => c.IsInteger && Regex.IsMatch(c.Name, "conver|respon|redeem|^did_|^is_conv", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static SchemaColumn? MoneyColumn(SchemaTable table) =>
        Pick(table, [ColumnKind.Number], "(^|_)(order_)?(value|total|amount|revenue|sales|spend|price|gmv)($|_)", "total|value|amount|revenue|sales|price");

    private static SchemaColumn? TimeColumn(SchemaTable table) =>
        Pick(table, [ColumnKind.Timestamp], "^(ts|timestamp|event_time|event_timestamp|occurred_at|created_at)$", "(_at|_ts|_time|timestamp|date)$", ".")
        ?? Pick(table, [ColumnKind.Date], ".");

    private static SchemaColumn? TypeColumn(SchemaTable table) =>
        Pick(table, [ColumnKind.Text], "^(event_type|type|action|event|event_name|activity|action_type)$", "(event|action).*type|type$");

    // ---- other entities --------------------------------------------------------------------------------------------

    private JsonObject OrdersEntity(SchemaTable table, SchemaColumn customerId)
    {
        JsonObject columns = [];
        if (OtherId(table, customerId) is { } id)
        {
            columns["id"] = Expr(id);
        }

        columns["customer_id"] = Expr(customerId);
        SchemaColumn time = TimeColumn(table)!;
        columns["timestamp"] = TimestampExpr(time);
        SchemaColumn money = MoneyColumn(table)!;
        columns["value"] = Expr(money);
        if (Pick(table, [ColumnKind.Number], "^(qty|quantity|units|item_count)$", "qty|quantity") is { } quantity)
        {
            columns["quantity"] = Expr(quantity);
        }

        if (Pick(table, [ColumnKind.Text], "^product_name$", "^(item_desc|item_name|description|product|sku_name|title)$", "name|desc") is { } product
            && !IdLike(product.Name))
        {
            columns["product_name"] = Expr(product);
        }

        Guess("$.entities.orders", $"{table.Name}: money column {money.Name}, time column {time.Name} and {customerId.Name}; if one row is one order line, the value is the line's value");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns };
    }

    private JsonObject EventsEntity(SchemaTable table, SchemaColumn customerId)
    {
        JsonObject columns = [];
        if (OtherId(table, customerId) is { } id)
        {
            columns["id"] = Expr(id);
        }

        columns["customer_id"] = Expr(customerId);
        SchemaColumn time = TimeColumn(table)!;
        SchemaColumn type = TypeColumn(table)!;
        columns["timestamp"] = TimestampExpr(time);
        columns["type"] = Expr(type);
        if (Pick(table, [ColumnKind.Text], "^session_id$", "session") is { } session)
        {
            columns["session_id"] = Expr(session);
        }

        if (Pick(table, [ColumnKind.Number], "duration") is { } duration)
        {
            columns["session_duration_seconds"] = Expr(duration);
        }

        if (DeviceColumn(table) is { } device)
        {
            columns["device"] = Expr(device);
        }

        Guess("$.entities.events", $"{table.Name}: type column {type.Name}, time column {time.Name}");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns };
    }

    private JsonObject CartsEntity(SchemaTable table, SchemaColumn customerId)
    {
        JsonObject columns = [];
        if (OtherId(table, customerId) is { } id)
        {
            columns["id"] = Expr(id);
        }

        columns["customer_id"] = Expr(customerId);
        if ((Pick(table, [ColumnKind.Timestamp, ColumnKind.Date], "abandon") ?? TimeColumn(table)) is { } time)
        {
            columns["timestamp"] = TimestampExpr(time);
        }

        if (MoneyColumn(table) is { } value)
        {
            columns["value"] = Expr(value);
        }

        if (Pick(table, [ColumnKind.Number], "item_count|items|qty|quantity") is { } items)
        {
            columns["item_count"] = Expr(items);
        }

        Guess("$.entities.carts", $"{table.Name}: its name or an abandoned-at column says carts");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns };
    }

    private JsonObject CampaignEntity(SchemaTable table, SchemaColumn customerId)
    {
        SchemaColumn arm = ArmColumn(table)!;
        (string treatment, string control) = ArmValues(Values(table, arm)!)!.Value;
        SchemaColumn converted = ConvertedColumn(table)!;
        JsonObject columns = [];
        if (Pick(table, [ColumnKind.Text], "^(campaign_id|promo_id|send_id|experiment_id)$", "campaign.*id|promo.*id") is { } campaign)
        {
            columns["campaign_id"] = Expr(campaign);
        }

        if (Pick(table, [ColumnKind.Text], "^(campaign_name|promo_name|name)$", "name") is { } name)
        {
            columns["campaign_name"] = Expr(name);
        }

        if (Pick(table, [ColumnKind.Text], "^(campaign_type|promo_type)$") is { } campaignType)
        {
            columns["campaign_type"] = Expr(campaignType);
        }

        if (TriggerColumn(table) is { } trigger)
        {
            columns["trigger"] = Expr(trigger);
        }

        columns["customer_id"] = Expr(customerId);
        columns["arm"] = Expr(arm);
        if (TimeColumn(table) is { } sent)
        {
            columns["sent_at"] = TimestampExpr(sent);
        }

        columns["converted"] = converted.Kind == ColumnKind.Boolean ? Expr(converted) : $"{Expr(converted)} = 1";
        if (converted.Kind != ColumnKind.Boolean)
        {
            Guess("$.entities.campaign_sends.columns.converted", $"{converted.Name} is an integer: 1 taken as converted");
        }

        if (MoneyColumn(table) is { } revenue)
        {
            columns["revenue"] = Expr(revenue);
        }

        Guess("$.entities.campaign_sends", $"{table.Name}: arm column {arm.Name} ('{treatment}' = treatment, '{control}' = control), conversion flag {converted.Name}");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns, ["treatment_value"] = treatment, ["control_value"] = control };
    }

    private JsonObject ScoresEntity(SchemaTable table, SchemaColumn customerId)
    {
        JsonObject columns = new() { ["customer_id"] = Expr(customerId) };
        if (Pick(table, [ColumnKind.Timestamp, ColumnKind.Date], "scored|updated|as_of|computed", ".") is { } scored)
        {
            columns["scored_at"] = TimestampExpr(scored);
        }

        Guess("$.entities.scores", $"{table.Name}: one row per customer with numeric columns");
        return new JsonObject { ["table"] = table.Name, ["columns"] = columns };
    }

    private static SchemaColumn? TriggerColumn(SchemaTable table) =>
        Pick(table, [ColumnKind.Text], "^trigger(_type|_id)?$", "trigger", "^offer_(code|type|kind)$", "offer", "^(promo_kind|promo_type|kind|incentive(_type)?)$");

    private static SchemaColumn? DeviceColumn(SchemaTable table) => Pick(table, [ColumnKind.Text], "^(device|platform|device_type|client)$", "device|platform");

    private static SchemaColumn? OtherId(SchemaTable table, SchemaColumn customerId) =>
        table.Columns.FirstOrDefault(c => IdLike(c.Name) && !string.Equals(c.Name, customerId.Name, StringComparison.OrdinalIgnoreCase));

    // ---- grain: id_unique and session starts ------------------------------------------------------------------------

    // Declarations that make questions cheaper, proposed only where the data holds them now (aether profile check
    // verifies them again later): id_unique on customers and orders when the mapped id is unique and never null, and on
    // events a start-of-session flag (true on exactly one row of each session) with the columns constant per session.
    private async Task GrainAsync(JsonObject entities, Dictionary<string, SchemaTable> mapped, CancellationToken cancellationToken)
    {
        foreach (string entity in (string[])["customers", "orders"])
        {
            if (entities[entity] is JsonObject mapping && mapped.TryGetValue(entity, out SchemaTable? table)
                && mapping["columns"]!["id"] is JsonNode id && table.Columns.FirstOrDefault(c => Expr(c) == (string)id!) is { } column)
            {
                await IdUniqueAsync(entity, mapping, table, column, cancellationToken).ConfigureAwait(false);
            }
        }

        if (entities["events"] is JsonObject events && mapped.TryGetValue("events", out SchemaTable? eventsTable))
        {
            await SessionStartAsync(events, eventsTable, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task IdUniqueAsync(string entity, JsonObject mapping, SchemaTable table, SchemaColumn id, CancellationToken cancellationToken)
    {
        string c = source.Quote(id.Name);
        QueryResult result = await source.QueryAsync($"SELECT COUNT(*), COUNT(DISTINCT {c}), COUNT({c}) FROM {source.TableReference(table.Name)}", cancellationToken).ConfigureAwait(false);
        object?[] row = result.Rows[0];
        long rows = Convert.ToInt64(row[0] ?? 0L, CultureInfo.InvariantCulture);
        long ids = Convert.ToInt64(row[1] ?? 0L, CultureInfo.InvariantCulture);
        long present = Convert.ToInt64(row[2] ?? 0L, CultureInfo.InvariantCulture);
        string path = $"$.entities.{entity}.id_unique";
        if (rows > 0 && ids == rows && present == rows)
        {
            mapping["id_unique"] = true;
            Guess(path, string.Create(CultureInfo.InvariantCulture,
                $"{id.Name} is unique and never null on the {rows:N0} rows of {table.Name} today, so each row is one {(entity == "orders" ? "order" : "customer")}; remove it if the table may ever hold repeats (aether profile check verifies it)"));
        }
        else if (rows > 0)
        {
            Guess(path, string.Create(CultureInfo.InvariantCulture,
                $"not declared: the {rows:N0} rows of {table.Name} hold {ids:N0} distinct {id.Name} values{(present < rows ? $" and {rows - present:N0} rows have none" : "")}{(entity == "orders" ? " (order lines)" : "")}"));
        }
    }

    private async Task SessionStartAsync(JsonObject events, SchemaTable table, CancellationToken cancellationToken)
    {
        JsonObject columns = events["columns"]!.AsObject();
        if (columns["session_id"] is not JsonNode sessionNode || table.Columns.FirstOrDefault(c => Expr(c) == (string)sessionNode!) is not { } sessionColumn
            || Pick(table, [ColumnKind.Boolean], "^(is_)?(session_start|session_started|new_session|first_in_session|session_first_event)$", "session.*start|start.*session|new_session|first.*session") is not { } start)
        {
            return;
        }

        string t = source.TableReference(table.Name);
        string session = source.Quote(sessionColumn.Name);
        string flag = source.Quote(start.Name);
        QueryResult result = await source.QueryAsync(
            $"SELECT COUNT(DISTINCT {session}), SUM(CASE WHEN {flag} THEN 1 ELSE 0 END), COUNT(DISTINCT CASE WHEN {flag} THEN {session} END), SUM(CASE WHEN {flag} AND {session} IS NULL THEN 1 ELSE 0 END) FROM {t}",
            cancellationToken).ConfigureAwait(false);
        object?[] row = result.Rows[0];
        long sessions = Convert.ToInt64(row[0] ?? 0L, CultureInfo.InvariantCulture);
        long starts = Convert.ToInt64(row[1] ?? 0L, CultureInfo.InvariantCulture);
        long started = Convert.ToInt64(row[2] ?? 0L, CultureInfo.InvariantCulture);
        long orphans = Convert.ToInt64(row[3] ?? 0L, CultureInfo.InvariantCulture);
        if (sessions == 0 || starts != sessions || started != sessions || orphans != 0)
        {
            Guess("$.entities.events.columns.session_start", string.Create(CultureInfo.InvariantCulture,
                $"not mapped: {start.Name} looks like a session-start flag but is true on {starts:N0} rows for {sessions:N0} sessions ({started:N0} of them have one{(orphans > 0 ? $", {orphans:N0} rows without a session" : "")}); sessions are counted as distinct {sessionColumn.Name}"));
            return;
        }

        columns["session_start"] = Expr(start);
        Guess("$.entities.events.columns.session_start", string.Create(CultureInfo.InvariantCulture,
            $"{start.Name} is true on exactly one row of each of the {sessions:N0} sessions today, so sessions are counted as start rows (aether profile check verifies it)"));

        // session_columns: the mapped columns holding one value in every session (a count split by them stays a count of start rows).
        JsonArray constant = [];
        foreach (string logical in (string[])["customer_id", "device"])
        {
            if (columns[logical] is JsonNode node && table.Columns.FirstOrDefault(c => Expr(c) == (string)node!) is { } column)
            {
                string c = source.Quote(column.Name);
                QueryResult varying = await source.QueryAsync(
                    $"SELECT COUNT(*) FROM (SELECT {session} FROM {t} WHERE {session} IS NOT NULL GROUP BY {session} HAVING COUNT(DISTINCT {c}) > 1 OR (COUNT({c}) > 0 AND COUNT({c}) < COUNT(*))) AS v",
                    cancellationToken).ConfigureAwait(false);
                if (Convert.ToInt64(varying.Scalar() ?? 0L, CultureInfo.InvariantCulture) == 0)
                {
                    constant.Add((JsonNode)logical);
                }
            }
        }

        if (constant.Count > 0)
        {
            events["session_columns"] = constant;
            Guess("$.entities.events.session_columns", $"{string.Join(" and ", constant.Select(n => (string)n!))} hold one value in every session today, so sessions split by them count start rows (aether profile check verifies it)");
        }
    }

    // ---- attributes and catalogs -----------------------------------------------------------------------------------

    private async Task AttributesAndPlacesAsync(SchemaTable customers, SchemaColumn customerId, JsonArray attributes, JsonObject catalog, CancellationToken cancellationToken)
    {
        List<SchemaColumn> places = [.. customers.Columns.Where(c => c.Kind == ColumnKind.Text && PlaceColumn().IsMatch(c.Name.ToLowerInvariant()))
            .OrderBy(c => DistinctCount(customers, c))];
        SchemaColumn? acquisition = Pick(customers, [ColumnKind.Text], "acquisition", "^(source|signup_channel|signup_source|utm_source|channel|referral_source)$", "source|signup|channel");
        foreach (SchemaColumn column in customers.Columns)
        {
            if (column == customerId || IdLike(column.Name) || (column.Kind == ColumnKind.Text && PersonalColumn().IsMatch(column.Name.ToLowerInvariant())))
            {
                continue;
            }

            JsonObject attribute = new() { ["name"] = column.Name, ["entity"] = "customers", ["column"] = column.Name };
            switch (column.Kind)
            {
                case ColumnKind.Text when places.Contains(column):
                    attribute["type"] = "text";
                    attribute["catalog"] = "places." + column.Name;
                    break;
                case ColumnKind.Text when column == acquisition:
                    attribute["type"] = "text";
                    attribute["role"] = "acquisition_source";
                    attribute["catalog"] = "acquisition_sources";
                    Guess($"$.attributes[{attributes.Count}].role", $"{column.Name} taken as the acquisition source");
                    break;
                case ColumnKind.Text when Values(customers, column) is not null:
                    attribute["type"] = "text";
                    break;
                case ColumnKind.Number:
                    attribute["type"] = "number";
                    break;
                case ColumnKind.Boolean:
                    attribute["type"] = "boolean";
                    break;
                default:
                    continue;
            }

            attributes.Add(attribute);
        }

        if (acquisition is not null && Values(customers, acquisition) is { } sources)
        {
            catalog["acquisition_sources"] = new JsonArray([.. sources.Select(v => (JsonNode)new JsonObject { ["name"] = v.Value })]);
        }

        if (places.Count == 0)
        {
            Guess("$.catalog.places", "no column named like country, region, state or city in the customers table");
            return;
        }

        JsonArray levels = [];
        foreach (SchemaColumn place in places)
        {
            levels.Add(new JsonObject
            {
                ["name"] = place.Name, ["plural"] = Plural(place.Name), ["attribute"] = place.Name, ["objective_field"] = ObjectiveField(place.Name),
            });
        }

        catalog["places"] = new JsonObject
        {
            ["levels"] = levels,
            ["values"] = await NestedValuesAsync(customers, places, null, true, "$.catalog.places", cancellationToken).ConfigureAwait(false),
        };
        Guess("$.catalog.places.levels", $"levels {string.Join(" > ", places.Select(p => p.Name))} ordered by their number of distinct values; each child sits under its most frequent parent");
    }

    private void ScoreAttributes(SchemaTable scores, SchemaColumn customerId, JsonArray attributes)
    {
        foreach (SchemaColumn column in scores.Columns.Where(c => c != customerId && !IdLike(c.Name) && c.Kind is ColumnKind.Number or ColumnKind.Boolean))
        {
            attributes.Add(new JsonObject
            {
                ["name"] = column.Name, ["entity"] = "scores", ["column"] = column.Name, ["type"] = column.Kind == ColumnKind.Number ? "number" : "boolean",
            });
        }
    }

    private async Task TiersAsync(SchemaTable customers, SchemaTable? scores, JsonArray attributes, JsonObject catalog, CancellationToken cancellationToken)
    {
        JsonObject? value = FindAttribute(attributes, "customers", "clv|ltv|lifetime|value|spend");
        if (value is not null)
        {
            int index = attributes.IndexOf(value);
            value["role"] = "value_score";
            (double high, double low) = await ThresholdsAsync(customers, (string)value["column"]!, 0.7, 0.4, cancellationToken).ConfigureAwait(false);
            catalog["value_tiers"] = new JsonObject { ["high"] = high, ["low"] = low };
            Guess($"$.attributes[{index}].role", $"{value["column"]} taken as the value score");
            Guess("$.catalog.value_tiers", $"high >= {high.ToString(CultureInfo.InvariantCulture)}, low < {low.ToString(CultureInfo.InvariantCulture)}: the demo's 0.7/0.4 for a 0..1 score, else the 80th and 40th percentiles");
        }

        JsonObject? churn = FindAttribute(attributes, "scores", "churn|lapse|attrition|risk") ?? FindAttribute(attributes, "customers", "churn|lapse|attrition");
        if (churn is not null)
        {
            int index = attributes.IndexOf(churn);
            churn["role"] = "churn_score";
            SchemaTable table = (string)churn["entity"]! == "scores" && scores is not null ? scores : customers;
            (double high, _) = await ThresholdsAsync(table, (string)churn["column"]!, 0.6, 0.0, cancellationToken).ConfigureAwait(false);
            catalog["churn_risk"] = new JsonObject { ["high"] = high };
            Guess($"$.attributes[{index}].role", $"{churn["column"]} taken as the churn score");
            Guess("$.catalog.churn_risk", $"high >= {high.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static JsonObject? FindAttribute(JsonArray attributes, string entity, string pattern) =>
        attributes.OfType<JsonObject>().FirstOrDefault(a => (string)a["entity"]! == entity && (string)a["type"]! == "number"
            && Regex.IsMatch((string)a["column"]!, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private async Task<(double High, double Low)> ThresholdsAsync(SchemaTable table, string column, double unitHigh, double unitLow, CancellationToken cancellationToken)
    {
        string c = source.Quote(column);
        string t = source.TableReference(table.Name);
        QueryResult result = await source.QueryAsync($"SELECT min({c}), max({c}), count({c}) FROM {t}", cancellationToken).ConfigureAwait(false);
        object?[] row = result.Rows[0];
        long count = Convert.ToInt64(row[2], CultureInfo.InvariantCulture);
        if (row[0] is null || count == 0)
        {
            return (unitHigh, unitLow);
        }

        double min = Convert.ToDouble(row[0], CultureInfo.InvariantCulture);
        double max = Convert.ToDouble(row[1], CultureInfo.InvariantCulture);
        if (min >= 0 && max <= 1)
        {
            return (unitHigh, unitLow);
        }

        // Percentiles by rank (the same SQL in every dialect): the value at offset floor(q x count) in order.
        async Task<double> PercentileAsync(double q)
        {
            long offset = Math.Min(count - 1, (long)Math.Floor(q * count));
            QueryResult value = await source.QueryAsync(
                string.Create(CultureInfo.InvariantCulture, $"SELECT {c} FROM {t} WHERE {c} IS NOT NULL ORDER BY {c} LIMIT 1 OFFSET {offset}"), cancellationToken).ConfigureAwait(false);
            return Math.Round(Convert.ToDouble(value.Scalar(), CultureInfo.InvariantCulture));
        }

        return (await PercentileAsync(0.8).ConfigureAwait(false), await PercentileAsync(0.4).ConfigureAwait(false));
    }

    private async Task TaxonomyAsync(SchemaTable orders, SchemaTable? events, JsonObject catalog, CancellationToken cancellationToken)
    {
        List<SchemaColumn> levels = [.. orders.Columns.Where(c => c.Kind == ColumnKind.Text && TaxonomyColumn().IsMatch(c.Name.ToLowerInvariant()) && Values(orders, c) is not null)
            .OrderBy(c => DistinctCount(orders, c))];
        if (levels.Count == 0)
        {
            Guess("$.catalog.taxonomy", $"no category-like column with at most {maxValues} values in {orders.Name}");
            return;
        }

        JsonArray levelNodes = [];
        for (int i = 0; i < levels.Count; i++)
        {
            JsonObject level = new()
            {
                ["name"] = levels[i].Name, ["plural"] = Plural(levels[i].Name), ["orders_column"] = levels[i].Name,
            };
            if (events?.Find(levels[i].Name) is { Kind: ColumnKind.Text } eventsColumn)
            {
                level["events_column"] = eventsColumn.Name;
            }

            level["objective_field"] = i switch { 0 => "categories", 1 => "product_types", _ => Plural(levels[i].Name).Replace(' ', '_') };
            levelNodes.Add(level);
        }

        catalog["taxonomy"] = new JsonObject
        {
            ["levels"] = levelNodes,
            ["values"] = await NestedValuesAsync(orders, levels, MoneyColumn(orders), false, "$.catalog.taxonomy", cancellationToken).ConfigureAwait(false),
        };
        Guess("$.catalog.taxonomy.levels", $"{string.Join(" > ", levels.Select(l => l.Name))} from {orders.Name}, ordered by their number of distinct values; price_range is the min and max order value of each leaf");
    }

    private void EventCatalogs(SchemaTable events, JsonObject catalog)
    {
        if (TypeColumn(events) is { } type && Values(events, type) is { } types)
        {
            catalog["event_types"] = new JsonArray([.. types.Select(v =>
            {
                JsonObject node = new() { ["name"] = v.Value };
                if (Regex.IsMatch(v.Value, "(^|_)(view|views|viewed)(_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    node["kind"] = "view";
                }
                else if (Regex.IsMatch(v.Value, "cart|bag|basket", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    && !Regex.IsMatch(v.Value, "remove|abandon", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    node["kind"] = "cart";
                }

                return (JsonNode)node;
            })]);
            Guess("$.catalog.event_types", "kind 'view' and 'cart' set from the names; add labels and words");
        }

        if (DeviceColumn(events) is { } device && Values(events, device) is { } devices)
        {
            catalog["devices"] = new JsonArray([.. devices.Select(v => (JsonNode)new JsonObject { ["name"] = v.Value })]);
        }
    }

    private JsonArray Triggers(SchemaTable sends, JsonObject catalog)
    {
        if (Pick(sends, [ColumnKind.Text], "^(channel|send_channel|medium)$", "channel") is { } channel && Values(sends, channel) is { } channels)
        {
            catalog["channels"] = new JsonArray([.. channels.Select(v => (JsonNode)new JsonObject { ["name"] = v.Value })]);
        }

        JsonArray triggers = [];
        if (TriggerColumn(sends) is not { } column || Values(sends, column) is not { } values)
        {
            Guess("$.triggers", $"no trigger-like column with at most {maxValues} values in {sends.Name}: add triggers by hand");
            return triggers;
        }

        foreach ((string value, _) in values.OrderBy(v => v.Value, StringComparer.Ordinal))
        {
            string id = TriggerId(value);
            triggers.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = Humanize(value),
                ["description"] = "TODO: what the member receives",
                ["words"] = new JsonArray(Humanize(value).ToLowerInvariant()),
            });
            if (id != value)
            {
                Guess($"$.triggers[{triggers.Count - 1}].id", $"'{value}' in {sends.Name}.{column.Name} rewritten as an id");
            }
        }

        Guess("$.triggers", $"one trigger per distinct {sends.Name}.{column.Name}: write each description, its eligibility (a filter) and its economics");
        return triggers;
    }

    // ---- values ----------------------------------------------------------------------------------------------------

    private async Task ReadValuesAsync(SchemaTable table, CancellationToken cancellationToken)
    {
        List<SchemaColumn> text = [.. table.Columns.Where(c => c.Kind == ColumnKind.Text)];
        if (text.Count == 0 || table.Rows == 0)
        {
            return;
        }

        string counts = string.Join(", ", text.Select(c => $"count(DISTINCT {source.Quote(c.Name)})"));
        QueryResult distinct = await source.QueryAsync($"SELECT {counts} FROM {source.TableReference(table.Name)}", cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < text.Count; i++)
        {
            long n = Convert.ToInt64(distinct.Rows[0][i], CultureInfo.InvariantCulture);
            bool lowCardinality = n > 0 && n <= maxValues && (n <= 12 || n * 2 <= table.Rows);
            if (!lowCardinality || IdLike(text[i].Name))
            {
                _values[(table.Name, text[i].Name)] = null;
                continue;
            }

            string c = source.Quote(text[i].Name);
            QueryResult values = await source.QueryAsync(
                $"SELECT {c}, count(*) AS n FROM {source.TableReference(table.Name)} WHERE {c} IS NOT NULL GROUP BY {c} ORDER BY n DESC, {c}", cancellationToken).ConfigureAwait(false);
            _values[(table.Name, text[i].Name)] = [.. values.Rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture)))];
        }
    }

    private List<(string Value, long Count)>? Values(SchemaTable table, SchemaColumn column) => _values.GetValueOrDefault((table.Name, column.Name));

    private long DistinctCount(SchemaTable table, SchemaColumn column) => Values(table, column)?.Count ?? long.MaxValue;

    private async Task<JsonArray> NestedValuesAsync(SchemaTable table, List<SchemaColumn> levels, SchemaColumn? price, bool shares, string path, CancellationToken cancellationToken)
    {
        const string Root = "\u0000";
        string t = source.TableReference(table.Name);
        List<Dictionary<string, List<(string Value, long Count, double? Min, double? Max)>>> perLevel = [];
        HashSet<string>? previous = null;
        for (int level = 0; level < levels.Count; level++)
        {
            string c = source.Quote(levels[level].Name);
            string range = price is null ? "0, 0" : $"min({source.Quote(price.Name)}), max({source.Quote(price.Name)})";
            // Level 0 groups by the value alone (no literal in GROUP BY, which BigQuery refuses); the others by (parent, value).
            string sql = level == 0
                ? $"SELECT {c} AS parent, {c} AS value, count(*) AS n, {range} FROM {t} WHERE {c} IS NOT NULL GROUP BY {c} ORDER BY n DESC, value"
                : $"SELECT {source.Quote(levels[level - 1].Name)} AS parent, {c} AS value, count(*) AS n, {range} FROM {t} WHERE {c} IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 2, 1";
            QueryResult result = await source.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
            Dictionary<string, List<(string, long, double?, double?)>> byParent = new(StringComparer.Ordinal);
            HashSet<string> placed = new(StringComparer.Ordinal);
            foreach (object?[] r in result.Rows)
            {
                string value = (string)r[1]!;
                string? parentValue = level == 0 ? Root : r[0] as string;
                if (parentValue is null || (previous is not null && !previous.Contains(parentValue)))
                {
                    continue;
                }

                if (!placed.Add(value))
                {
                    Guess(path, $"{levels[level].Name} '{value}' occurs under more than one {levels[level - 1].Name}: placed under the most frequent");
                    continue;
                }

                if (!byParent.TryGetValue(parentValue, out List<(string, long, double?, double?)>? list))
                {
                    byParent[parentValue] = list = [];
                }

                list.Add((value, Convert.ToInt64(r[2], CultureInfo.InvariantCulture),
                    price is null || r[3] is null ? null : Convert.ToDouble(r[3], CultureInfo.InvariantCulture),
                    price is null || r[4] is null ? null : Convert.ToDouble(r[4], CultureInfo.InvariantCulture)));
            }

            perLevel.Add(byParent);
            previous = placed;
        }

        long total = Math.Max(1, table.Rows);
        JsonArray Build(string parent, int level)
        {
            JsonArray nodes = [];
            foreach ((string value, long count, double? min, double? max) in perLevel[level].GetValueOrDefault(parent, []).OrderBy(r => r.Value, StringComparer.Ordinal))
            {
                JsonObject node = new() { ["name"] = value };
                if (shares && level == 0)
                {
                    node["share"] = Math.Round((double)count / total, 2);
                }

                if (level + 1 < levels.Count)
                {
                    node["children"] = Build(value, level + 1);
                }
                else if (min is not null && max is not null)
                {
                    node["price_range"] = new JsonArray(Math.Floor(min.Value), Math.Ceiling(max.Value));
                }

                nodes.Add(node);
            }

            return nodes;
        }

        return Build(Root, 0);
    }

    // ---- names -----------------------------------------------------------------------------------------------------

    private void Guess(string path, string guess) => _guesses.Add(new JsonObject { ["path"] = path, ["guess"] = guess });

    private string ProfileName()
    {
        string stem = source.DraftName.ToLowerInvariant();
        string name = NonIdCharacters().Replace(stem, "-").Trim('-');
        return name.Length == 0 ? "my-business" : name;
    }

    private string Expr(SchemaColumn column) =>
        SimpleIdentifier().IsMatch(column.Name) && !Reserved.Contains(column.Name.ToUpperInvariant()) ? column.Name : source.Quote(column.Name);

    private string TimestampExpr(SchemaColumn column)
    {
        if (column.Kind != ColumnKind.Date)
        {
            return Expr(column);
        }

        return $"CAST({Expr(column)} AS TIMESTAMP)";
    }

    private static SchemaColumn? Pick(SchemaTable table, ColumnKind[] kinds, params string[] patterns)
    {
        foreach (string pattern in patterns)
        {
            foreach (SchemaColumn column in table.Columns)
            {
                if (kinds.Contains(column.Kind) && Regex.IsMatch(column.Name, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    return column;
                }
            }
        }

        return null;
    }

    private static bool IdLike(string name) => IdColumn().IsMatch(name.ToLowerInvariant());

    private static string Stem(string idColumn) => IdSuffix().Replace(idColumn.ToLowerInvariant(), string.Empty);

    private static string Plural(string name)
    {
        string spaced = name.Replace('_', ' ');
        return spaced.EndsWith('y') && !spaced.EndsWith("ey", StringComparison.Ordinal) ? spaced[..^1] + "ies"
            : spaced.EndsWith('s') || spaced.EndsWith('x') || spaced.EndsWith("ch", StringComparison.Ordinal) ? spaced + "es"
            : spaced + "s";
    }

    private static string ObjectiveField(string placeColumn)
    {
        string lower = placeColumn.ToLowerInvariant();
        return lower.Contains("country", StringComparison.Ordinal) ? "countries"
            : lower.Contains("city", StringComparison.Ordinal) || lower.Contains("town", StringComparison.Ordinal) ? "cities"
            : lower.Contains("region", StringComparison.Ordinal) ? "regions"
            : Plural(lower).Replace(' ', '_');
    }

    private static string TriggerId(string value)
    {
        string id = NonTriggerCharacters().Replace(value.Trim().ToLowerInvariant(), "_").Trim('_');
        return id.Length == 0 ? "trigger" : id;
    }

    private static string Humanize(string value)
    {
        string words = value.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? value : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "GROUP", "ORDER", "SELECT", "FROM", "WHERE", "USER", "TABLE", "LIMIT", "BY", "AS", "TO", "END", "CASE", "WHEN", "ALL", "DESC", "ASC",
    };

    [GeneratedRegex("^(customers?|members?|profiles?|users?|clients?|accounts?|contacts?|shoppers?|people|persons?|dim_customers?|customer_.*)$")]
    private static partial Regex CustomerTableName();

    [GeneratedRegex("(^id$|_id$|_no$|_key$|_number$|_uuid$)")]
    private static partial Regex IdColumn();

    [GeneratedRegex("(_id|_no|_key|_number|_uuid)$")]
    private static partial Regex IdSuffix();

    [GeneratedRegex("(^|_)(first_?name|last_?name|full_?name|name|surname|email|e_mail|email_address|phone|mobile|address|street|postcode|zip|birth|dob)($|_)")]
    private static partial Regex PersonalColumn();

    [GeneratedRegex("(^|_)(country|nation|region|state|province|territory|market|city|town|metro)($|_)")]
    private static partial Regex PlaceColumn();

    [GeneratedRegex("(^|_)(category|categories|dept|department|division|subcategory|sub_category|product_type|product_category|type|family|class|line|collection)($|_)")]
    private static partial Regex TaxonomyColumn();

    [GeneratedRegex("^(treatment|treated|test|exposed|t|variant|b|send|sent|1|true)$", RegexOptions.IgnoreCase)]
    private static partial Regex TreatmentValue();

    [GeneratedRegex("^(control|holdout|hold_out|held_out|c|baseline|a|0|false)$", RegexOptions.IgnoreCase)]
    private static partial Regex ControlValue();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SimpleIdentifier();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdCharacters();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonTriggerCharacters();
}
