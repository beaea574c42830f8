using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>Turns query results into the answer's sentence, rows and chart suggestion.</summary>
internal static class AnswerWriter
{
    /// <summary>Example questions in the business's own words: only measures and dimensions its mapping supports.</summary>
    public static IReadOnlyList<string> ExampleQuestions(SemanticLayer layer)
    {
        BusinessProfile profile = layer.Profile;
        List<string> examples = [];
        bool Has(string measure) => layer.Measure(measure) is { Missing: null };
        DimensionDefinition? Available(DimensionDefinition? dimension) => dimension is { Missing: null } ? dimension : null;

        IReadOnlyList<HierarchyLevel> places = profile.Catalog.Places.Levels;
        DimensionDefinition? outer = places.Count > 0 ? Available(layer.Dimension(places[0].Name)) : null;
        DimensionDefinition? inner = places.Count > 0 ? Available(layer.Dimension(places[^1].Name)) : null;
        IReadOnlyList<CatalogNode> outerValues = outer is null ? [] : profile.Catalog.Places.ValuesAt(places[0]);
        IReadOnlyList<CatalogNode> innerValues = inner is null ? [] : profile.Catalog.Places.ValuesAt(places[^1]);
        IReadOnlyList<HierarchyLevel> taxonomy = profile.Catalog.Taxonomy.Levels;
        DimensionDefinition? category = taxonomy.Count > 0 ? Available(layer.Dimension(taxonomy[0].Name)) : null;
        DimensionDefinition? type = taxonomy.Count > 0 ? Available(layer.Dimension(taxonomy[^1].Name)) : null;
        string people = LanguageWords.Plural(layer.CustomerWords[^1]);

        if (outerValues.Count > 0)
        {
            examples.Add($"How many {people} do we have in {outerValues[Math.Min(2, outerValues.Count - 1)].Name}?");
        }

        if (Has("revenue") && outer is not null)
        {
            examples.Add($"Revenue by {outer.Label} last month");
        }

        if (Has("average_order_value") && category is not null)
        {
            examples.Add($"Average order value by {category.Label} in the last 30 days");
        }

        if (Has("abandoned_carts") && inner is not null)
        {
            examples.Add($"Which {inner.Label} has the most abandoned carts?");
        }

        if (Has("revenue") && inner is not null)
        {
            examples.Add($"Top 5 {inner.PluralLabel} by revenue this year");
        }

        if (Has("revenue") && outerValues.Count > 2)
        {
            examples.Add($"Revenue in {outerValues[1].Name} vs {outerValues[2].Name}");
        }

        if (Has("orders"))
        {
            examples.Add("Number of orders by week in the last 8 weeks");
        }

        if (Available(layer.Dimension("device")) is not null)
        {
            examples.Add(Has("sessions") ? "Sessions by device" : "Events by device");
        }

        if (Has("events") && profile.Catalog.EventTypes.Count > 0)
        {
            EventTypeEntry eventType = profile.Catalog.EventTypes.FirstOrDefault(e => e.Kind == EventTypeKind.Cart) ?? profile.Catalog.EventTypes[0];
            VocabularyGroup? group = profile.Vocabulary.Groups.FirstOrDefault(g => g.List == CatalogList.Devices);
            string on = group is null ? "" : $" on {group.Words[0]}";
            examples.Add($"{Capitalize(eventType.Label)} events{on} last week");
        }

        if (Available(layer.Dimension("value_tier")) is not null)
        {
            examples.Add($"{Capitalize(people)} by value tier");
        }

        if (layer.ChurnScore is { } churn && outer is not null && layer.Measure("average_" + churn.Name) is { Missing: null } average)
        {
            examples.Add($"{Capitalize(average.Label)} by {outer.Label}");
        }

        if (Has("at_risk_customers") && innerValues.Count > 0)
        {
            examples.Add($"At-risk customers in {innerValues[0].Name}");
        }

        if (Has("conversion_rate") && Available(layer.Dimension("trigger")) is not null)
        {
            examples.Add("Conversion rate by trigger");
        }

        if (Has("campaign_uplift") && Available(layer.Dimension("campaign")) is not null)
        {
            examples.Add("Campaign uplift by campaign");
        }

        if (Available(layer.Dimension("acquisition_source")) is not null && profile.Catalog.AcquisitionSources.Count > 0)
        {
            CatalogEntry source = profile.Catalog.AcquisitionSources[^1];
            examples.Add($"{Capitalize(people)} from {source.Label} by acquisition source");
        }

        if (Has("revenue") && type is not null && profile.Catalog.Taxonomy.ValuesAt(taxonomy[^1]) is { Count: > 0 } types)
        {
            examples.Add($"Sales of {types[0].Name} in October");
        }

        foreach (ProfileMeasure measure in profile.Analytics.Measures)
        {
            if (Has(measure.Name) && outer is not null)
            {
                examples.Add($"{Capitalize(layer.Measure(measure.Name)!.Label)} by {outer.Label}");
                break;
            }
        }

        return examples;
    }

    /// <summary>What the rule-based path can answer for this business, in one paragraph.</summary>
    public static string Capabilities(SemanticLayer layer)
    {
        List<string> filters = [.. layer.Dimensions.Where(d => d.Missing is null && d.Role is not (DimensionRole.Time or DimensionRole.Campaign or DimensionRole.CampaignType or DimensionRole.Custom)).Select(d => d.Label)];
        string or = filters.Count > 1 ? string.Join(", ", filters.Take(filters.Count - 1)) + " or " + filters[^1] : string.Join("", filters);
        IReadOnlyList<CatalogNode> roots = layer.Profile.Catalog.Places.Roots;
        string comparison = roots.Count > 1 ? $" ({roots[0].Name} vs {roots[1].Name})" : "";
        return "I can answer questions about " + string.Join(", ", layer.Measures.Where(m => m.Missing is null && m.Synonyms.Count > 0).Select(m => m.Label)) +
            "; broken down by " + string.Join(", ", layer.Dimensions.Where(d => d.Missing is null && !d.IsTime).Select(d => d.Label)) + " or by day, week, month or year" +
            "; filtered to a " + or +
            $"; over a time range such as yesterday, last week, last month, the last 30 days, this year or in October; with top N and comparisons{comparison}.";
    }

    /// <summary>The scope an answer restates: its filters and its time range (" in {place}, last month").</summary>
    public static string Describe(AnalyticsQuery query, SemanticLayer layer, DateTimeOffset? asOf)
    {
        List<string> scope = [];
        if (query.RowComparison is { } row)
        {
            scope.Add(query.RowValue is { Noun: "seconds" }
                ? $"lasting {row.Describe(MeasureFormat.Count)} seconds each"
                : query.RowValue is { Noun: not "value" } each
                ? $"with {row.Describe(MeasureFormat.Count)} {each.Noun} each"
                : row.Items ? $"with {row.Describe(MeasureFormat.Count)} items each" : $"with a value {row.Describe(MeasureFormat.Money)} each");
            if (query.AlsoRowComparison is { } also)
            {
                scope.Add(also.Items ? $"and {also.Describe(MeasureFormat.Count)} items each" : $"and a value {also.Describe(MeasureFormat.Money)} each");
            }
        }

        int conditionsAt = scope.Count;
        AddConditions(query, layer, scope);
        if (scope.Count > conditionsAt && !CountsPeople(query.Measure))
        {
            // "orders of customers whose churn probability is over 0.7": the conditions are on the customers, not on
            // the rows measured.
            scope[conditionsAt] = $"of {LanguageWords.Plural(layer.CustomerWords[^1])} {scope[conditionsAt]}";
        }

        foreach (QueryFilter filter in query.Filters)
        {
            string values = string.Join(filter.Values.Count > 2 ? ", " : (filter.Negated ? " or " : " and "), filter.Values);
            if (filter.Negated)
            {
                scope.Add(layer.Dimension(filter.Dimension)?.Role switch
                {
                    DimensionRole.Place => $"outside {values}",
                    DimensionRole.Device => $"not on {values}",
                    DimensionRole.AcquisitionSource => $"not from {values}",
                    DimensionRole.ValueTier => $"except {values}-value customers",
                    DimensionRole.EventType or DimensionRole.Taxonomy when query.Measure.Name == "sessions" => $"with no {values} event at all",
                    _ => $"excluding {values}",
                });
                continue;
            }

            if (filter.Dimension == "campaign_id")
            {
                scope.Add($"for campaign {values}");
                continue;
            }

            scope.Add(layer.Dimension(filter.Dimension)?.Role switch
            {
                DimensionRole.Place => $"in {values}",
                DimensionRole.Device => $"on {(filter.Group ? GroupName(layer, filter.Phrase) : values)}",
                DimensionRole.AcquisitionSource => $"from {values}",
                DimensionRole.ValueTier => $"among {values}-value customers",
                DimensionRole.EventType => $"for {values} events",
                DimensionRole.Trigger => $"for {values} campaigns",
                _ => $"for {values}",
            });
        }

        if (query.Time is { } time && asOf is { } instant)
        {
            scope.Add(query.ComparedTime is { } other ? $"{time.Describe(instant)} compared with {other.Describe(instant)}"
                : query.SignupTime ? $"who signed up in the period {time.Describe(instant)}" : time.Describe(instant));
        }
        else if (query.Time is { } phrase && query.ComparedTime is { } otherPhrase)
        {
            scope.Add($"{phrase.Phrase} compared with {otherPhrase.Phrase}");
        }

        if (query.AsOf is { } at)
        {
            // "days since the last purchase": counted to this instant.
            scope.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"as of {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC (the latest data)"));
        }

        return scope.Count == 0 ? "" : " " + string.Join(", ", scope);
    }

    // Whether the measure counts or describes the customers themselves ("customers", "buyers", a score), so their
    // conditions read on it directly ("customers whose ...").
    private static bool CountsPeople(MeasureDefinition measure) =>
        measure.Fact is EntityKind.Customers or EntityKind.Scores || measure.Name == "buyers"
        || measure.Label.Contains("customers", StringComparison.Ordinal) || measure.Label.Contains("buyers", StringComparison.Ordinal);

    // An event type by its label in the profile's catalog ("<tool> use"), else its name with spaces.
    private static string EventLabel(SemanticLayer layer, string name) =>
        layer.Profile.Catalog.EventTypes.FirstOrDefault(e => e.Name == name) is { Label.Length: > 0 } entry ? entry.Label : name.Replace('_', ' ');

    // A purchase of named products: "who bought Tents", "but not Stoves".
    // A purchase with a range of its own ("bought <a category> in 2025 and again in 2026") is said with its range, as the others.
    private static bool IsPurchase(CustomerCondition condition) =>
        condition is { Comparison: null, RowComparison: null, Filters.Count: > 0, Time: null } && condition.Measure.Name == "buyers";

    // "who bought both Tents and Sleeping Bags but not Stoves", "whose revenue for Tents is over $1,000.00".
    private static void AddConditions(AnalyticsQuery query, SemanticLayer layer, List<string> scope)
    {
        // One purchase of either of two values ("bought <A> or <B>") is said with "or"; two purchases are "both" (red team rt7).
        List<string> bought = [.. query.Conditions.Where(c => IsPurchase(c) && !c.Negated).Select(c => string.Join(" ", c.Filters.Select(f => string.Join(" or ", f.Values))))];
        List<string> notBought = [.. query.Conditions.Where(c => IsPurchase(c) && c.Negated).SelectMany(c => c.Filters.SelectMany(f => f.Values))];
        if (bought.Count > 0)
        {
            string list = bought.Count == 2 ? $"both {bought[0]} and {bought[1]}" : bought.Count > 2 ? "all of " + string.Join(", ", bought) : bought[0];
            // "never" after a base with a range is at any time (QuestionParser.BasesAndScopes.cs): said so.
            string never = query.Conditions.Any(c => IsPurchase(c) && c is { Negated: true, AllTime: true }) ? $"never bought {string.Join(" or ", notBought)} (at any time)" : $"not {string.Join(" or ", notBought)}";
            scope.Add(notBought.Count > 0 ? $"who bought {list} but {never}" : $"who bought {list}");
        }
        else if (notBought.Count > 0)
        {
            scope.Add(query.Conditions.Any(c => IsPurchase(c) && c is { Negated: true, AllTime: true })
                ? $"who never bought {string.Join(" or ", notBought)} (at any time)"
                : $"who did not buy {string.Join(" or ", notBought)}");
        }

        foreach (CustomerCondition condition in query.Conditions.Where(c => c is { Comparison: null, RowComparison: null } && !IsPurchase(c)))
        {
            // "who never bought", "with no abandoned carts", "with any sessions for ios": customers with or without any
            // row of the condition's table.
            string time = condition.AllTime ? " (at any time)" : condition.Time is { } own
                ? " in " + own.Phrase + (condition.Range is { } range ? string.Create(CultureInfo.InvariantCulture, $" ({range.Start:yyyy-MM-dd HH:mm} to {range.End:yyyy-MM-dd HH:mm} UTC{(own.EndsAtAsOf ? ", both included" : "")})") : "")
                : query.Time is not null ? " in the time range" : "";
            string filters = condition.Filters.Count == 0 ? "" : " for " + string.Join(" and ", condition.Filters.SelectMany(f => f.Values));
            if (condition.Measure.Name == "events" && condition.Filters.Count > 0 && condition.Filters.All(f => f.Dimension == "event_type"))
            {
                // "who had any <tool> use events in the time range": the event types by their labels.
                string types = string.Join(" or ", condition.Filters.SelectMany(f => f.Values).Select(v => EventLabel(layer, v)));
                scope.Add(condition.Negated ? $"who had no {types} events{time}" : $"who had any {types} events{time}");
                continue;
            }

            string what = condition.Measure.Name == "buyers" && condition.Filters.Count > 0 ? " " + string.Join(" and ", condition.Filters.SelectMany(f => f.Values)) : "";
            scope.Add(condition.Measure.Name == "buyers"
                ? (condition.Negated ? (time.Length == 0 || condition.AllTime ? $"who never bought{what}{time}" : $"who did not buy{what}{time}") : $"who bought{what}{time}")
                : (condition.Negated ? $"with no {condition.Measure.Label}{filters}{time}" : $"with any {condition.Measure.Label}{filters}{time}"));
        }

        foreach (CustomerCondition condition in query.Conditions)
        {
            string filters = condition.Filters.Count == 0 ? "" : " for " + string.Join(" and ", condition.Filters.SelectMany(f => f.Values));
            string not = condition.Negated ? "not " : "";
            if (condition is { RowComparison: { } counted, Comparison: { } count })
            {
                // "at least 2 orders over $1,000": the count is of the rows that pass their own comparison.
                string each = counted.Items ? $"with {counted.Describe(MeasureFormat.Count)} items" : counted.Describe(MeasureFormat.Money);
                scope.Add($"with {not}{count.Describe(MeasureFormat.Count)} {condition.Measure.Label}{filters} {each} (only the {condition.Measure.Label} {each} counted)");
            }
            else if (condition.RowComparison is { } row)
            {
                scope.Add(row.Items
                    ? $"with {not}at least one of {condition.Measure.Label}{filters} with {row.Describe(MeasureFormat.Count)} items"
                    : $"with {not}at least one of {condition.Measure.Label}{filters} {row.Describe(MeasureFormat.Money)}");
            }
            else if (condition is { Comparison: { Operator: ComparisonOperator.Greater, Value: 0 } } && condition.Measure.Membership is { } member)
            {
                // "who are exclusivity seekers", "who were in the control group for <campaign>": a count over 0 is membership.
                string time = condition.AllTime ? " (at any time)" : query.Time is not null && condition.Measure.Fact is not (EntityKind.Customers or EntityKind.Scores) ? " in the time range" : "";
                string who = query.Measure.Name is "customers" or "buyers" || query.Statistic is not null ? "who" : $"from {LanguageWords.Plural(layer.CustomerWords[^1])} who";
                scope.Add($"{who} {(condition.Negated ? member.Negative : member.Positive)}{filters}{time}");
            }
            else if (condition.Comparison is { } comparison)
            {
                string label = condition.Measure.Label.StartsWith("average ", StringComparison.Ordinal) && condition.Measure.Fact is EntityKind.Customers or EntityKind.Scores
                    ? condition.Measure.Label["average ".Length..]
                    : condition.Measure.Label;
                string time = condition.AllTime ? " (at any time)" : query.Time is not null && condition.Measure.Fact is not (EntityKind.Customers or EntityKind.Scores) ? " in the time range" : "";
                if (condition.RowsRequired)
                {
                    // "customers who bought in the time range and whose revenue in it is under $200.00"
                    string rows = condition.Measure.Fact == EntityKind.Orders ? "bought" : $"have {condition.Measure.Label}";
                    scope.Add($"who {rows}{filters}{time} and whose {label}{filters}{time} is {not}{comparison.Describe(condition.Measure.Format)}{(condition.Measure.Additive ? " in total" : "")}");
                    continue;
                }

                bool withNone = comparison.Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual && condition.Measure.Additive
                    && condition.Measure.Fact is not (EntityKind.Customers or EntityKind.Scores);
                scope.Add($"whose {label}{filters}{time} is {not}{comparison.Describe(condition.Measure.Format)}{(withNone ? $" (customers with no {condition.Measure.Label}{time} included)" : "")}");
            }
        }
    }

    /// <summary>Exactly what was computed, in words: the measure, every filter and condition, the breakdown, the time range, the limit and order.</summary>
    public static string Restate(AnalyticsQuery query, SemanticLayer layer, DateTimeOffset? asOf)
    {
        string scope = Describe(query, layer, asOf);
        string measure = query.Measure.Format == MeasureFormat.Count && !query.Measure.Label.StartsWith("number", StringComparison.Ordinal)
            ? $"the number of {query.Measure.Label}"
            : query.Measure.Additive ? $"the total {query.Measure.Label}" : $"the {query.Measure.Label}";
        measure += query.Measure.Population;
        if (query.Measure.PerSession && (query.Time is not null || query.ComparedTime is not null || query.Dimension is { IsTime: true }))
        {
            // Each session is placed by its start row (AnalyticsCompiler.PerSessionDecline).
            measure += ", each session placed by its start";
        }

        StringBuilder text = new("Computed ");
        if (query is { CountOfValues: true, Dimension: { } counted })
        {
            // "the number of different cities (counting each city with any customers in <a country>)".
            string each = query.Having is { } bar
                ? $"whose {(measure.StartsWith("the ", StringComparison.Ordinal) ? measure[4..] : measure)}{scope} is {bar.Describe(query.Measure.Format)}"
                : $"with any {query.Measure.Label}{query.Measure.Population}{scope}";
            return text.Append($"the number of different {counted.PluralLabel} (counting each {counted.Label} {each}).").ToString();
        }

        if (query.Ratio is { } ratio)
        {
            // "revenue divided by the number of orders": both totals over the same filters and time range.
            measure = $"{Total(ratio.Numerator)} divided by {Count(ratio.Denominator, layer)} ({query.Measure.Label})";
            scope = scope.Length == 0 ? "" : scope + ", both over the same filters and time range";
        }

        if (query.FilterRatio is { } sides)
        {
            // "the number of sessions on ios divided by the number of sessions on android": both sides over the shared scope.
            string each = query.Measure.Format == MeasureFormat.Count ? "the number of " : query.Measure.Additive ? "the total " : "the ";
            text.Append($"{each}{sides.NumeratorLabel} {(sides.Percent ? "as a percentage of" : "divided by")} {each}{sides.DenominatorLabel}{scope}");
            return text.Append(scope.Length == 0 ? "." : ", both over the same scope.").ToString();
        }

        if (query.Share && query.WithinGroups && query.Dimension is { } own)
        {
            // "For each country, what share of its customers are exclusivity seekers": each group out of its own whole.
            text.Append($"the share of each {own.Label}'s {query.Measure.Label}{query.Measure.Population}{scope}, out of that {own.Label}'s own {query.Measure.Label}");
        }
        else if (query.Share)
        {
            text.Append($"the share of {query.Measure.Label}{query.Measure.Population}");
            string named = string.Join(" and ", query.Filters.Where(f => f.NamesMeasure).Select(f => string.Join(" or ", f.Values)));
            text.Append(query.ShareWhole is { } ownWhole ? $"{scope}, out of all the {ownWhole.Measure.Label}{ownWhole.Measure.Population}{Describe(ownWhole, layer, asOf)}"
                : query.Dimension is null ? scope + $" out of all {query.Measure.Label}" + (named.Length > 0 ? $" for {named}" : "") + (query.ShareOfTime ? " over all time" : "")
                : query.Filters.Any(f => f.Dimension == query.Dimension.Key) ? $"{scope}, each {query.Dimension.Label} out of all {query.Measure.Label}{(query.Filters.Any(f => f.Dimension != query.Dimension.Key) || query.Conditions.Count > 0 ? " under the other conditions" : "")}"
                : $"{scope} of each {query.Dimension.Label} out of the total over all of them");
        }
        else if (query.Growth)
        {
            text.Append(query.GrowthPercent ? "the change in percent, and in amount," : "the change, in amount and in percent,").Append($" of {measure}{scope}, from the earlier period to the later one");
        }
        else
        {
            text.Append(measure).Append(scope);
            if (query.ComparedTime is not null)
            {
                text.Append(", one row per period");
            }
        }

        if (query.Dimension is { } dimension && !query.Share)
        {
            text.Append($", for each {dimension.Label}");
        }

        if (query.Having is { } having && query.Dimension is not null)
        {
            text.Append($", keeping only {query.Dimension.PluralLabel} where it is {having.Describe(query.Measure.Format)}");
        }

        if (query.TimeOnConditions)
        {
            // "the events in the condition" when the timed conditions are not purchases ("used the <tool> last month").
            // A condition with its own range says it after its words; the note is about the others.
            List<string> timed = [.. query.Conditions.Where(c => c.Time is null && !c.AllTime).Select(c => layer.Fact(c.Measure.Fact)).Where(f => f?.Time is not null && f.Kind != EntityKind.Orders).Select(f => f!.ShortName).Distinct()];
            text.Append(timed.Count == 0 || query.Conditions.Any(c => c.Time is null && !c.AllTime && c.Measure.Fact == EntityKind.Orders)
                ? " (the time range applies to the purchases and amounts in the condition)"
                : $" (the time range applies to the {string.Join(" and ", timed)} in the condition)");
        }

        if (query.Dimension is not null && query.Limit is { } limit)
        {
            bool ascending = query.Sort == AnalyticsSort.MeasureAscending;
            text.Append(query.Sort == AnalyticsSort.DimensionAscending
                ? string.Create(CultureInfo.InvariantCulture, $", the first {limit} alphabetically")
                : string.Create(CultureInfo.InvariantCulture, $", the {(ascending ? "bottom" : "top")} {limit} by {query.Measure.Label} (every {query.Dimension.Label} tied at the cut included)"));
        }

        return text.Append('.').ToString();
    }

    // "the total revenue", "the number of orders".
    private static string Total(MeasureDefinition measure) =>
        (measure.Format == MeasureFormat.Count && !measure.Label.StartsWith("number", StringComparison.Ordinal) ? $"the number of {measure.Label}" : $"the total {measure.Label}") + measure.Population;

    // The denominator in words: who the customers counted are.
    private static string Count(MeasureDefinition measure, SemanticLayer layer)
    {
        if (ReferenceEquals(measure, layer.CustomerCount))
        {
            return $"the number of all {measure.Label} (whether or not they bought)";
        }

        return measure.Name == "buyers" ? $"the number of {LanguageWords.Plural(layer.CustomerWords[^1])} who ordered" : Total(measure);
    }

    // The first word of the vocabulary group a phrase names ("mobile" for "mobile app").
    private static string GroupName(SemanticLayer layer, string phrase)
    {
        string first = phrase.Split(" and ")[0];
        foreach (VocabularyGroup group in layer.Profile.Vocabulary.Groups)
        {
            if (group.Words.Any(w => QuestionText.Normalize(w).Trim() == first))
            {
                return group.Words[0];
            }
        }

        // Values added together ("<device> plus <device>") are named each.
        return phrase;
    }

    public static string Sentence(AnalyticsQuery query, CompiledQuery compiled, QueryResult result, string scope)
    {
        if (query.Share)
        {
            query = query with { Measure = query.Measure with { Label = "share of " + query.Measure.Label, Format = MeasureFormat.Percent } };
            if (query.Dimension is null && result.Rows.Count == 1 && result.Columns.Count == 3)
            {
                object?[] values = result.Rows[0];
                return Capitalize($"{query.Measure.Label}{scope}: {Format(MeasureFormat.Percent, values[0])} ({Format(compiled.PartFormat, values[1])} of {Format(compiled.PartFormat, values[2])}).");
            }
        }

        if (query is { CountOfValues: true, Dimension: { } counted } && result.Rows.Count == 1)
        {
            // "Different cities with customers in <a country>: 12."
            return Capitalize($"different {counted.PluralLabel} with {query.Measure.Label}{scope}: {Format(MeasureFormat.Count, result.Rows[0][0])}.");
        }

        if (query.FilterRatio is { } sides && result.Rows.Count == 1 && result.Columns.Count == 3)
        {
            // "Sessions on ios divided by sessions on android: 0.551 (1,036 to 1,880)."
            object?[] r = result.Rows[0];
            string quotient = sides.Percent ? Format(MeasureFormat.Decimal, r[0]) + "%" : Format(MeasureFormat.Decimal, r[0]);
            return Capitalize($"{sides.NumeratorLabel} {(sides.Percent ? "as a percentage of" : "divided by")} {sides.DenominatorLabel}{scope}: {quotient} ({Format(compiled.PartFormat, r[1])} to {Format(compiled.PartFormat, r[2])}).");
        }

        string label = query.Measure.Label;
        if (result.Rows.Count == 0)
        {
            return Capitalize($"no {label} found{scope}.");
        }

        if (query.ComparedTime is not null && query.Growth && result.Rows.Count == 1 && result.Columns.Count == 4)
        {
            object?[] g = result.Rows[0];
            (object? amount, object? percent) = query.GrowthPercent ? (g[1], g[0]) : (g[0], g[1]);
            string relative = percent is null ? "no earlier figure to compare with" : Signed(Format(MeasureFormat.Percent, percent), percent);
            return Capitalize($"change in {label}{scope}: {Signed(Format(query.Measure.Format, amount), amount)} ({relative}); {Format(query.Measure.Format, g[2])} then {Format(query.Measure.Format, g[3])}.");
        }

        if (query.ComparedTime is not null && query.Dimension is null)
        {
            return Capitalize($"{label}{scope}: {string.Join("; ", result.Rows.Select(r => $"{FormatMember(r[0])} {Format(query.Measure.Format, r[^1])}"))}.");
        }

        if (query.Ratio is { } ratio && query.Dimension is null && query.ComparedTime is null && result.Columns.Count == 3)
        {
            // "Revenue per order: $245.10 ($98,040.00 of revenue over 400 orders)."
            object?[] r = result.Rows[0];
            return Capitalize($"{label}{scope}: {Format(query.Measure.Format, r[0])} ({Format(ratio.Numerator.Format, r[1])} {(ratio.Numerator.Format == MeasureFormat.Money ? "of " + ratio.Numerator.Label : ratio.Numerator.Label)} over {Format(MeasureFormat.Count, r[2])} {ratio.Denominator.Label}).");
        }

        if (query.Dimension is null)
        {
            return Capitalize($"{label}{scope}: {Format(query.Measure.Format, result.Rows[0][result.Columns.Count - 1])}.");
        }

        DimensionDefinition dimension = query.Dimension;
        int measureIndex = result.IndexOf(compiled.MeasureColumn);
        object?[] first = result.Rows[0];
        string firstName = FormatMember(first[0]);
        string firstValue = Format(query.Measure.Format, first[measureIndex]);
        bool ascending = query.Sort == AnalyticsSort.MeasureAscending;
        if (query.Limit is { } cut && result.Rows.Count > cut && query.Sort != AnalyticsSort.DimensionAscending)
        {
            // Ties at the cut are all included, and the sentence says so.
            string tied = string.Join(", ", result.Rows.Select(r => FormatMember(r[0])));
            string kind = ascending ? "bottom" : "top";
            return Capitalize(string.Create(CultureInfo.InvariantCulture, $"{kind} {cut} {dimension.PluralLabel} by {label}{scope}: {result.Rows.Count} {dimension.PluralLabel}, because {result.Rows.Count - cut + 1} tie at the cut ({tied}); {firstName} at {firstValue}."));
        }

        if (query.Limit == 1)
        {
            string most = query.Measure.Format == MeasureFormat.Count ? (ascending ? "fewest" : "most") : (ascending ? "lowest" : "highest");
            return $"{firstName} has the {most} {label}{scope}: {firstValue}.";
        }

        string count = string.Create(CultureInfo.InvariantCulture, $"{result.Rows.Count} {(result.Rows.Count == 1 ? dimension.Label : dimension.PluralLabel)}");
        if (dimension.IsTime)
        {
            object?[] last = result.Rows[^1];
            return Capitalize($"{label} by {dimension.Label}{scope}: {count}; the latest, {FormatMember(last[0])}, at {Format(query.Measure.Format, last[measureIndex])}.");
        }

        if (query.Sort == AnalyticsSort.DimensionAscending)
        {
            return Capitalize($"{label} by {dimension.Label}{scope}: {count}.");
        }

        return Capitalize($"{label} by {dimension.Label}{scope}: {firstName} {(ascending ? "is lowest" : "leads")} with {firstValue} ({count}).");
    }

    // "+$1,200.00", "-5.0%": a change with its sign.
    private static string Signed(string formatted, object? value) =>
        value is not null && Convert.ToDouble(value, CultureInfo.InvariantCulture) > 0 && !formatted.StartsWith('+') ? "+" + formatted : formatted;

    public static ChartSuggestion? Chart(AnalyticsQuery query, CompiledQuery compiled, int rowCount, string scope)
    {
        if (query.Dimension is null || compiled.DimensionColumn is null || rowCount < 2)
        {
            return null;
        }

        string title = Capitalize($"{query.Measure.Label} by {query.Dimension.Label}{scope}");
        if (query.Dimension.IsTime)
        {
            return new ChartSuggestion(ChartType.Line, compiled.DimensionColumn, compiled.MeasureColumn, title);
        }

        bool partsOfWhole = query.Measure.Additive && rowCount <= 6 && query.Limit is null
            && query.Dimension.Outermost && query.Dimension.Role is DimensionRole.Place or DimensionRole.ValueTier or DimensionRole.Device or DimensionRole.AcquisitionSource;
        return new ChartSuggestion(partsOfWhole ? ChartType.Pie : ChartType.Bar, compiled.DimensionColumn, compiled.MeasureColumn, title);
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows(QueryResult result)
    {
        List<IReadOnlyDictionary<string, object?>> rows = new(result.Rows.Count);
        int width = result.Columns.Count;
        foreach (object?[] row in result.Rows)
        {
            Dictionary<string, object?> values = new(width, StringComparer.Ordinal);
            for (int i = 0; i < width; i++)
            {
                values[result.Columns[i]] = row[i] is double d && !double.IsFinite(d) ? null : row[i];
            }

            rows.Add(values);
        }

        return rows;
    }

    public static string Format(MeasureFormat format, object? value)
    {
        if (value is null)
        {
            return "no data";
        }

        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return format switch
        {
            MeasureFormat.Count => number.ToString("N0", CultureInfo.InvariantCulture),
            MeasureFormat.Money => "$" + number.ToString("N2", CultureInfo.InvariantCulture),
            MeasureFormat.Percent => (number * 100).ToString("N1", CultureInfo.InvariantCulture) + "%",
            MeasureFormat.PercentagePoints => (number >= 0 ? "+" : "") + (number * 100).ToString("N1", CultureInfo.InvariantCulture) + " percentage points",
            MeasureFormat.Seconds => number.ToString("N0", CultureInfo.InvariantCulture) + " seconds",
            _ => number.ToString("N3", CultureInfo.InvariantCulture),
        };
    }

    public static string FormatMember(object? value) => value switch
    {
        null => "(none)",
        DateTimeOffset time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
