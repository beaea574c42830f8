using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Analytics;

/// <summary>
/// The default <see cref="IAnalyticsService"/>: refuses questions that would change data or read personal data,
/// answers through the rule-based parser and the semantic layer first, and only for a question the rules decline lets
/// a registered <see cref="IAnalyticsSqlWriter"/> propose SQL inside <see cref="AnalyticsSqlGuard"/>. Every answer's
/// <see cref="AnalyticsAnswer.Source"/> and restatement name the path that produced it.
/// </summary>
internal sealed partial class AnalyticsService : IAnalyticsService
{
    internal const int MaxQuestionLength = 500;

    /// <summary>The caller named in the log when the host does not say who asked.</summary>
    internal const string UnnamedCaller = "unnamed caller";

    private readonly IDataStore _store;
    private readonly AetherSegmentOptions _thresholds;
    private readonly AnalyticsOptions _options;
    private readonly TimeProvider _time;
    private readonly IAnalyticsSqlWriter? _writer;
    private readonly IAnalyticsSqlSandbox? _sandbox;
    private readonly ILogger<AnalyticsService> _logger;
    private readonly SemanticLayer _layer;
    private readonly IReadOnlyList<string> _examples;
    private readonly string _capabilities;
    private IReadOnlyList<string>? _campaignNames;
    private SemanticLayer? _compileLayer;
    private SemanticLayer? _withoutSessionStart;
    private IReadOnlyList<string>? _campaignIds;

    public AnalyticsService(
        SemanticLayer layer,
        IDataStore store,
        IOptions<AetherSegmentOptions> thresholds,
        IOptions<AnalyticsOptions> options,
        TimeProvider time,
        IEnumerable<IAnalyticsSqlWriter> writers,
        IEnumerable<IAnalyticsSqlSandbox> sandboxes,
        ILogger<AnalyticsService> logger)
    {
        _layer = layer;
        _store = store;
        _thresholds = Thresholds(layer, thresholds.Value);
        _examples = AnswerWriter.ExampleQuestions(layer);
        _capabilities = AnswerWriter.Capabilities(layer);
        _options = options.Value;
        _time = time;
        _writer = writers.LastOrDefault();
        _sandbox = sandboxes.LastOrDefault();
        _logger = logger;
    }

    public IReadOnlyList<string> ExampleQuestions => _examples;

    public Task<AnalyticsAnswer> AskAsync(string question, CancellationToken cancellationToken = default) =>
        AskForCallerAsync(question, UnnamedCaller, cancellationToken);

    public async Task<AnalyticsAnswer> AskForCallerAsync(string question, string caller, CancellationToken cancellationToken = default)
    {
        caller = string.IsNullOrWhiteSpace(caller) ? UnnamedCaller : caller;
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new AetherSegmentInputException("question", "question must not be empty: ask something like \"revenue by country last month\".");
        }

        question = question.Trim();
        if (question.Length > MaxQuestionLength)
        {
            throw new AetherSegmentInputException("question", string.Create(CultureInfo.InvariantCulture, $"question is {question.Length} characters long; at most {MaxQuestionLength} are accepted."));
        }

        try
        {
            return await AskCheckedAsync(question, caller, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A pattern that hit its time limit (AnalyticsRegex) anywhere past the parse: a decline with the reason, never an error.
            return Unanswerable(question, AnalyticsRegex.TimedOutReason, []);
        }
    }

    private async Task<AnalyticsAnswer> AskCheckedAsync(string question, string caller, CancellationToken cancellationToken)
    {

        LogQuestion(_logger, question);
        IReadOnlyList<string>? campaignNames = await GetCampaignNamesAsync(cancellationToken).ConfigureAwait(false);
        ParsedQuestion parsed = QuestionParser.Parse(question, _layer, campaignNames, await GetCampaignIdsAsync(cancellationToken).ConfigureAwait(false));
        if (parsed.Status == AnalyticsAnswerStatus.Refused)
        {
            LogRefused(_logger, parsed.Reason!);
            return new AnalyticsAnswer
            {
                Question = question,
                Status = AnalyticsAnswerStatus.Refused,
                Answer = $"I can't do that: {parsed.Reason}.",
                Suggestions = _examples,
            };
        }

        // The rules first: a question they answer never reaches a language model; only a question they decline (one
        // they cannot place, or cannot compile) goes to the configured model, checked against the partial reading.
        List<string> warnings = [];
        AnalyticsQuery? query = parsed.Status == AnalyticsAnswerStatus.Answered ? parsed.Query : null;
        DateTimeOffset? asOf = query?.Time is null && query?.Conditions.Any(c => c.Time is not null) != true && query?.NeedsAsOf != true ? null : await GetAsOfAsync(cancellationToken).ConfigureAwait(false);
        if (query is { NeedsAsOf: true } && asOf is { } measureAsOf)
        {
            // "days since the last purchase": counted to the data's as-of instant (a parameter).
            query = query with { AsOf = measureAsOf };
        }

        if (query is not null && asOf is { } conditionsAsOf && query.Conditions.Any(c => c.Time is not null))
        {
            // A condition with its own time range ("haven't bought anything in the last 30 days") is resolved here.
            query = query with { Conditions = [.. query.Conditions.Select(c => c.Time is { } own ? c with { Range = own.Resolve(conditionsAsOf) } : c)] };
            if (query.ShareWhole is { } ownWhole && ownWhole.Conditions.Any(c => c.Time is not null))
            {
                // "of the customers who bought in 2025, what percent bought again in 2026": the whole's own ranges too.
                query = query with { ShareWhole = ownWhole with { Conditions = [.. ownWhole.Conditions.Select(c => c.Time is { } own ? c with { Range = own.Resolve(conditionsAsOf) } : c)] } };
            }
        }

        string? declined = query is null ? (parsed.Detail is null ? parsed.Reason! : $"{parsed.Reason}; {parsed.Detail}") : null;
        if (query is not null && asOf is { } latest && (After(query.Time, latest) ?? After(query.ComparedTime, latest)) is { } future)
        {
            // "What will revenue be in December?": a period after the latest data is a forecast, not a question the data answers.
            return Unanswerable(question, future, warnings);
        }

        if (query is { RestatedTime: { } restated, Time: { } said } && asOf is { } at && QuestionParser.RestatedRangeDiffers(said, restated, at) is { } differ)
        {
            // "this month so far (November 2026 up to now)": one range said twice is answered only when both cover the same data.
            return Unanswerable(question, differ, warnings);
        }

        int? perPeriod = null;
        if (query is { PerPeriod: { } grain, Time: { } periodRange } && asOf is { } periodAsOf)
        {
            // "average orders per day over the last 28 days": the total divided by the range's whole days.
            if (QuestionParser.PeriodUnits(periodRange, grain, periodAsOf, out int units) is { } notWhole)
            {
                return Unanswerable(question, notWhole, warnings);
            }

            perPeriod = units;
            query = query with { Measure = query.Measure with { Label = string.Create(CultureInfo.InvariantCulture, $"{query.Measure.Label} (the total over {units} {grain.ToString().ToLowerInvariant()}s divided by {units})") } };
        }

        SemanticLayer layer = query is null ? _layer : await CompileLayerAsync(cancellationToken).ConfigureAwait(false);
        CompiledQuery? compiled = query is null ? null : AnalyticsCompiler.Compile(query, layer, _store.Dialect, _thresholds, query.Time?.Resolve(asOf!.Value), query.ComparedTime?.Resolve(asOf!.Value), _options.MaxRows, out declined);
        if (compiled is null)
        {
            if (_writer is not null)
            {
                AnalyticsAnswer? written = await TryLanguageModelAsync(question, caller, query ?? parsed.Partial, declined!, warnings, cancellationToken).ConfigureAwait(false);
                if (written is not null)
                {
                    return written;
                }
            }

            return Unanswerable(question, declined!, warnings);
        }

        // What the answer will say it computed: checked against the question here, then written into the answer.
        string restatement = AnswerWriter.Restate(query!, _layer, asOf);
        string scope = AnswerWriter.Describe(query!, _layer, asOf);
        if ((QuestionParser.UnusedMention(question, query!, compiled.Statement.Parameters, restatement + " " + scope, layer) ?? QuestionParser.RedTeamRt10Late(question, query!, layer)) is { } unused)
        {
            // A reading that leaves out a value or a number the question says answers a different question (stop 46).
            return Unanswerable(question, unused, warnings);
        }

        if (perPeriod is { } divisor)
        {
            compiled = compiled with { Statement = compiled.Statement with { Parameters = [.. compiled.Statement.Parameters, new QueryParameter(QuestionParser.PerPeriodParameter, QueryParameterType.Float64, (double)divisor)] } };
        }

        QueryResult result = await RunAsync(compiled.Statement, cancellationToken).ConfigureAwait(false);
        if (query!.Growth && query.GrowthPercent && result.Rows.Count == 1 && result.Rows[0][0] is null)
        {
            // A percentage change from nothing is undefined: declined with the amounts, not answered with a number.
            object?[] row = result.Rows[0];
            return Unanswerable(question, $"a percentage change of {query.Measure.Label} is undefined because the earlier period has none (the change in amount is {AnswerWriter.Format(query.Measure.Format, row[1] ?? 0)}, from {AnswerWriter.Format(query.Measure.Format, row[2] ?? 0)} to {AnswerWriter.Format(query.Measure.Format, row[3] ?? 0)})", warnings);
        }

        warnings.AddRange(compiled.Warnings);
        if (query!.Limit is { } cut && result.Rows.Count > cut && query.Sort != AnalyticsSort.DimensionAscending)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Rows.Count} rows for a top {cut}: the values at the cut tie, and every tied row is included."));
        }

        return new AnalyticsAnswer
        {
            Question = question,
            Status = AnalyticsAnswerStatus.Answered,
            Answer = AnswerWriter.Sentence(query!, compiled, result, scope),
            Restatement = restatement + " (rule-based parser)",
            Sql = compiled.Statement.Sql,
            Parameters = compiled.Statement.Parameters,
            Columns = result.Columns,
            Rows = AnswerWriter.Rows(result),
            Chart = AnswerWriter.Chart(query!, compiled, result.Rows.Count, scope),
            Source = AnalyticsAnswerSource.Rules,
            Warnings = warnings,
        };
    }

    private async Task<AnalyticsAnswer?> TryLanguageModelAsync(string question, string caller, AnalyticsQuery? reading, string declined, List<string> warnings, CancellationToken cancellationToken)
    {
        string? sql;
        try
        {
            DateTimeOffset asOf = await GetAsOfAsync(cancellationToken).ConfigureAwait(false);
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.LanguageModelTimeout);
            AnalyticsSqlRequest request = new(question, _store.Dialect, AnalyticsSqlGuard.DescribeAllowedSchema(_layer.Profile), asOf);
            sql = await _writer!.WriteSqlAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogWriterFailed(_logger, ex);
            warnings.Add($"The rules declined the question and the language model did not answer ({ex.GetType().Name}).");
            return null;
        }

        if (sql is null)
        {
            warnings.Add("The rules declined the question and so did the language model.");
            return null;
        }

        // Layer 1: the hand tokenizer (cheap, conservative). Layer 2, the authority: the engine's own parse tree in the
        // sandbox, or on BigQuery the dry run's referenced tables and bytes. Every statement and verdict is logged.
        SqlGuardVerdict verdict = AnalyticsSqlGuard.Check(sql, _layer.Profile);
        SqlStatement? statement = null;
        try
        {
            if (verdict.IsAllowed && _sandbox is not null)
            {
                verdict = await _sandbox.CheckAsync(sql, cancellationToken).ConfigureAwait(false);
            }
            else if (verdict.IsAllowed && _store is IQueryCostEstimator estimator)
            {
                statement = AnalyticsSqlGuard.Wrap(verdict.Sql!, _store.Dialect, _options.MaxRows);
                QueryCostEstimate estimate = await estimator.EstimateAsync(statement, cancellationToken).ConfigureAwait(false);
                verdict = CheckEstimate(estimate, verdict);
            }
            else if (verdict.IsAllowed)
            {
                verdict = SqlGuardVerdict.Refuse("this store has no sandbox or dry run for language-model SQL, so none runs.");
            }
        }
        catch (DataStoreException ex)
        {
            verdict = SqlGuardVerdict.Refuse($"it could not be checked ({ex.Message})");
        }

        if (verdict.IsAllowed && reading is not null && ModelSqlCheck.Mismatch(verdict.Sql ?? sql, reading, _layer, _store.Dialect) is { } mismatch)
        {
            verdict = SqlGuardVerdict.Refuse($"it answers a different question than asked: {mismatch}.");
        }

        if (!verdict.IsAllowed)
        {
            LogModelSqlRefused(_logger, caller, verdict.Reason!, sql);
            warnings.Add($"The language model's SQL was refused: {verdict.Reason}");
            return null;
        }

        LogModelSqlAllowed(_logger, caller, sql);
        QueryResult result;
        string ranSql;
        IReadOnlyList<QueryParameter> ranParameters;
        try
        {
            if (_sandbox is not null)
            {
                result = await _sandbox.QueryAsync(verdict.Sql!, _options.MaxRows, _options.Timeout, cancellationToken).ConfigureAwait(false);
                ranSql = verdict.Sql!;
                ranParameters = [];
            }
            else
            {
                result = await RunAsync(statement!, cancellationToken).ConfigureAwait(false);
                ranSql = statement!.Sql;
                ranParameters = statement.Parameters;
            }
        }
        catch (DataStoreException ex)
        {
            LogModelSqlFailed(_logger, caller, ex.Message);
            warnings.Add($"The language model's SQL failed in the store ({ex.Message}).");
            return null;
        }

        return new AnalyticsAnswer
        {
            Question = question,
            Status = AnalyticsAnswerStatus.Answered,
            Answer = GenericSentence(result),
            Restatement = reading is null
                ? $"Computed by SQL that the language model wrote (the rule-based parser declined the question: {declined}; nothing checked that it answers it); it reads {ModelSqlCheck.TablesRead(ranSql, _layer)}."
                : $"Computed by SQL that the language model wrote (the rule-based parser declined the question: {declined}), checked against the rules' partial reading: {AnswerWriter.Restate(reading, _layer, null)[("Computed ".Length)..]}",
            Sql = ranSql,
            Parameters = ranParameters,
            Columns = result.Columns,
            Rows = AnswerWriter.Rows(result),
            Chart = GenericChart(result),
            Source = AnalyticsAnswerSource.LanguageModel,
            Warnings = warnings,
        };
    }

    // Campaign names from the data, read once, so a question can name a campaign ("the Spring Sale campaign").
    // The layer questions compile against: the profile's, or, when it declares a session-start column the store's events
    // table does not have (a store written before the column existed), one that counts sessions as distinct ids (always
    // exact, only slower). Kept once the column is found; probed again on the next question while it is not.
    private async Task<SemanticLayer> CompileLayerAsync(CancellationToken cancellationToken)
    {
        if (_compileLayer is { } known)
        {
            return known;
        }

        if (_layer.SessionStart is not { } start || _layer.Fact(EntityKind.Events) is not { } events)
        {
            return _compileLayer = _layer;
        }

        try
        {
            await RunAsync(new SqlStatement($"SELECT {start(_store.Dialect)} AS session_start FROM {events.Table} AS {events.Alias} LIMIT 0"), cancellationToken).ConfigureAwait(false);
            return _compileLayer = _layer;
        }
        catch (DataStoreException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNoSessionStart(_logger, events.Table, ex.Message);
            return _withoutSessionStart ??= _layer.WithoutSessionStart();
        }
    }

    private async Task<IReadOnlyList<string>?> GetCampaignNamesAsync(CancellationToken cancellationToken)
    {
        return _campaignNames ??= await ReadCampaignValuesAsync("campaign", cancellationToken).ConfigureAwait(false);
    }

    // Campaign ids from the data, read once like the names, so a question can name one ("campaign CMP004").
    private async Task<IReadOnlyList<string>?> GetCampaignIdsAsync(CancellationToken cancellationToken)
    {
        return _campaignIds ??= await ReadCampaignValuesAsync("campaign_id", cancellationToken).ConfigureAwait(false);
    }

    // The distinct values of a campaign dimension (at most 1,000); none when it is not mapped or cannot be read.
    private async Task<IReadOnlyList<string>?> ReadCampaignValuesAsync(string key, CancellationToken cancellationToken)
    {
        if (_layer.Dimension(key) is not { Missing: null } campaign || _layer.Fact(EntityKind.CampaignSends) is not { } sends)
        {
            return [];
        }

        try
        {
            string? column = _layer.DimensionExpression(campaign, sends, _store.Dialect, out _);
            if (column is null)
            {
                return [];
            }

            QueryResult result = await RunAsync(new SqlStatement($"SELECT DISTINCT {column} AS campaign FROM {sends.Table} AS {sends.Alias} WHERE {column} IS NOT NULL LIMIT 1000"), cancellationToken).ConfigureAwait(false);
            return [.. result.Rows.Select(r => r[0] as string).OfType<string>()];
        }
        catch (DataStoreException ex)
        {
            LogCampaignNamesFailed(_logger, ex.Message);
            return null;
        }
    }

    private SqlGuardVerdict CheckEstimate(QueryCostEstimate estimate, SqlGuardVerdict verdict)
    {
        foreach (string table in estimate.ReferencedTables)
        {
            if (!AnalyticsSqlGuard.TablesOf(_layer.Profile).Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                return SqlGuardVerdict.Refuse($"the dry run shows it reads {table}, which is not one of the analytics tables.");
            }
        }

        // The limit is on bytes processed, as its name says; the store's own guard (on BigQuery, bytes billed with the
        // 10 MB minimum per table) still applies when the statement runs.
        return estimate.BytesProcessed > _options.MaximumBytesProcessed
            ? SqlGuardVerdict.Refuse(string.Create(CultureInfo.InvariantCulture, $"it would process {estimate.BytesProcessed:N0} bytes, over the limit of {_options.MaximumBytesProcessed:N0} (AetherSegment:Analytics:MaximumBytesProcessed)."))
            : verdict;
    }

    private async Task<QueryResult> RunAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await _store.QueryAsync(statement, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DataStoreException(string.Create(CultureInfo.InvariantCulture, $"The query took longer than the analytics timeout of {_options.Timeout.TotalSeconds:0.###} s (AetherSegment:Analytics:Timeout) and was cancelled."));
        }
    }

    private async Task<DateTimeOffset> GetAsOfAsync(CancellationToken cancellationToken)
    {
        if (!_options.AsOfFromData)
        {
            return _time.GetUtcNow();
        }

        QueryResult result = await RunAsync(AsOfStatement(_layer, _store.Dialect), cancellationToken).ConfigureAwait(false);
        return result.Scalar() is DateTimeOffset asOf && asOf.Year > 1970 ? asOf : _time.GetUtcNow();
    }

    /// <summary>
    /// The data's as-of: the latest time of the mapped orders, events, carts and campaign sends, and of the scores'
    /// <c>scored_at</c> when mapped (scores are computed as of an instant, which rolling ranges such as "the last 30
    /// days" then end at, even when the latest event came a little before it).
    /// </summary>
    internal static SqlStatement AsOfStatement(SemanticLayer layer, SqlDialect dialect)
    {
        const string Epoch = "TIMESTAMP '1970-01-01 00:00:00'";
        List<string> latest = [];
        foreach (FactInfo fact in layer.Facts)
        {
            if (fact.Kind is not (EntityKind.Customers or EntityKind.Scores) && fact.Time is { } time)
            {
                latest.Add($"COALESCE((SELECT MAX({time(dialect)}) FROM {fact.Table} AS {fact.Alias}), {Epoch})");
            }
        }

        if (layer.Fact(EntityKind.Scores) is { } scores && layer.Profile.Entities.Get(EntityKind.Scores)?.Column("scored_at") is { } scoredAt)
        {
            latest.Add($"COALESCE((SELECT MAX({SemanticLayer.Column(scores.Alias, scoredAt, dialect)}) FROM {scores.Table} AS {scores.Alias}), {Epoch})");
        }

        return new SqlStatement(latest.Count switch
        {
            0 => $"SELECT {Epoch} AS as_of",
            1 => $"SELECT {latest[0]} AS as_of",
            _ => $"SELECT GREATEST({string.Join(", ", latest)}) AS as_of",
        });
    }

    // The value tiers and churn risk of the profile, unless the options set their own thresholds.
    /// <summary>Why a period is not answered when it starts after the data's latest timestamp (a forecast); null otherwise.</summary>
    private static string? After(RelativeTimeRange? time, DateTimeOffset asOf) =>
        time?.Resolve(asOf) is { } range && range.Start > asOf
            ? string.Create(CultureInfo.InvariantCulture, $"the period {range.Start:yyyy-MM-dd} to {range.End.AddTicks(-1):yyyy-MM-dd} is after the latest data (as of {asOf:yyyy-MM-dd HH:mm} UTC); I answer what the data holds, not forecasts")
            : null;

    private static AetherSegmentOptions Thresholds(SemanticLayer layer, AetherSegmentOptions options)
    {
        ValueTierThresholds? tiers = layer.Profile.Catalog.ValueTiers;
        ChurnRiskThreshold? churn = layer.Profile.Catalog.ChurnRisk;
        return new AetherSegmentOptions
        {
            HighValueThreshold = options.HighValueThreshold ?? tiers?.High ?? 0.7,
            LowValueThreshold = options.LowValueThreshold ?? tiers?.Low ?? 0.4,
            ChurnRiskThreshold = options.ChurnRiskThreshold ?? churn?.High ?? 0.6,
        };
    }

    private AnalyticsAnswer Unanswerable(string question, string reason, List<string> warnings) => new()
    {
        Question = question,
        Status = AnalyticsAnswerStatus.Unanswerable,
        Answer = $"I can't answer that yet: {reason}. {_capabilities}",
        Suggestions = _examples,
        Warnings = warnings,
    };

    private static string GenericSentence(QueryResult result)
    {
        if (result.Rows.Count == 1 && result.Columns.Count == 1)
        {
            return $"{result.Columns[0]}: {AnswerWriter.FormatMember(result.Rows[0][0])}.";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")} of {string.Join(", ", result.Columns)}.");
    }

    private static ChartSuggestion? GenericChart(QueryResult result)
    {
        if (result.Columns.Count != 2 || result.Rows.Count < 2)
        {
            return null;
        }

        object? key = result.Rows[0][0];
        object? value = result.Rows[0][1];
        if (value is not (long or double) || key is not (string or DateTimeOffset))
        {
            return null;
        }

        return new ChartSuggestion(key is DateTimeOffset ? ChartType.Line : ChartType.Bar, result.Columns[0], result.Columns[1], $"{result.Columns[1]} by {result.Columns[0]}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign names could not be read; questions naming a campaign are declined: {Reason}")]
    private static partial void LogCampaignNamesFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session-start column of {Table} cannot be read, so sessions are counted as distinct session ids (slower); add it as docs/analytics.md shows: {Reason}")]
    private static partial void LogNoSessionStart(ILogger logger, string table, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Analytics question: {Question}")]
    private static partial void LogQuestion(ILogger logger, string question);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics question refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language-model SQL from {Caller} refused: {Reason} SQL: {Sql}")]
    private static partial void LogModelSqlRefused(ILogger logger, string caller, string reason, string sql);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language-model SQL from {Caller} allowed. SQL: {Sql}")]
    private static partial void LogModelSqlAllowed(ILogger logger, string caller, string sql);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language-model SQL from {Caller} failed in the store: {Reason}")]
    private static partial void LogModelSqlFailed(ILogger logger, string caller, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language-model SQL path failed; answering with the rules")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);
}
