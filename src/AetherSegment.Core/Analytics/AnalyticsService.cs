using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Analytics;

/// <summary>
/// The default <see cref="IAnalyticsService"/>: refuses questions that would change data or read personal data,
/// lets a registered <see cref="IAnalyticsSqlWriter"/> propose SQL inside <see cref="AnalyticsSqlGuard"/>, and
/// otherwise (or when that SQL is refused or fails) answers through the rule-based parser and the semantic layer.
/// </summary>
internal sealed partial class AnalyticsService : IAnalyticsService
{
    internal const int MaxQuestionLength = 500;

    private readonly IDataStore _store;
    private readonly AetherSegmentOptions _thresholds;
    private readonly AnalyticsOptions _options;
    private readonly TimeProvider _time;
    private readonly IAnalyticsSqlWriter? _writer;
    private readonly ILogger<AnalyticsService> _logger;

    public AnalyticsService(
        IDataStore store,
        IOptions<AetherSegmentOptions> thresholds,
        IOptions<AnalyticsOptions> options,
        TimeProvider time,
        IEnumerable<IAnalyticsSqlWriter> writers,
        ILogger<AnalyticsService> logger)
    {
        _store = store;
        _thresholds = thresholds.Value;
        _options = options.Value;
        _time = time;
        _writer = writers.LastOrDefault();
        _logger = logger;
    }

    public IReadOnlyList<string> ExampleQuestions => AnswerWriter.ExampleQuestions;

    public async Task<AnalyticsAnswer> AskAsync(string question, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new AetherSegmentInputException("question", "question must not be empty: ask something like \"revenue by country last month\".");
        }

        question = question.Trim();
        if (question.Length > MaxQuestionLength)
        {
            throw new AetherSegmentInputException("question", string.Create(CultureInfo.InvariantCulture, $"question is {question.Length} characters long; at most {MaxQuestionLength} are accepted."));
        }

        LogQuestion(_logger, question);
        ParsedQuestion parsed = QuestionParser.Parse(question);
        if (parsed.Status == AnalyticsAnswerStatus.Refused)
        {
            LogRefused(_logger, parsed.Reason!);
            return new AnalyticsAnswer
            {
                Question = question,
                Status = AnalyticsAnswerStatus.Refused,
                Answer = $"I can't do that: {parsed.Reason}.",
                Suggestions = AnswerWriter.ExampleQuestions,
            };
        }

        List<string> warnings = [];
        if (_writer is not null)
        {
            AnalyticsAnswer? written = await TryLanguageModelAsync(question, warnings, cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return written;
            }
        }

        if (parsed.Status == AnalyticsAnswerStatus.Unanswerable)
        {
            return Unanswerable(question, parsed.Reason!, warnings);
        }

        AnalyticsQuery query = parsed.Query!;
        DateTimeOffset? asOf = query.Time is null ? null : await GetAsOfAsync(cancellationToken).ConfigureAwait(false);
        CompiledQuery? compiled = AnalyticsCompiler.Compile(query, _store.Dialect, _thresholds, query.Time?.Resolve(asOf!.Value), _options.MaxRows, out string? reason);
        if (compiled is null)
        {
            return Unanswerable(question, reason!, warnings);
        }

        QueryResult result = await RunAsync(compiled.Statement, cancellationToken).ConfigureAwait(false);
        string scope = AnswerWriter.Describe(query, asOf);
        warnings.AddRange(compiled.Warnings);
        return new AnalyticsAnswer
        {
            Question = question,
            Status = AnalyticsAnswerStatus.Answered,
            Answer = AnswerWriter.Sentence(query, compiled, result, scope),
            Sql = compiled.Statement.Sql,
            Parameters = compiled.Statement.Parameters,
            Columns = result.Columns,
            Rows = AnswerWriter.Rows(result),
            Chart = AnswerWriter.Chart(query, compiled, result.Rows.Count, scope),
            Source = AnalyticsAnswerSource.Rules,
            Warnings = warnings,
        };
    }

    private async Task<AnalyticsAnswer?> TryLanguageModelAsync(string question, List<string> warnings, CancellationToken cancellationToken)
    {
        string? sql;
        try
        {
            DateTimeOffset asOf = await GetAsOfAsync(cancellationToken).ConfigureAwait(false);
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.LanguageModelTimeout);
            AnalyticsSqlRequest request = new(question, _store.Dialect, AnalyticsSqlGuard.DescribeAllowedSchema(), asOf);
            sql = await _writer!.WriteSqlAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogWriterFailed(_logger, ex);
            warnings.Add($"The language model did not answer ({ex.GetType().Name}); the rule-based parser answered instead.");
            return null;
        }

        if (sql is null)
        {
            warnings.Add("The language model declined to write SQL; the rule-based parser answered instead.");
            return null;
        }

        SqlGuardVerdict verdict = AnalyticsSqlGuard.Check(sql);
        if (!verdict.IsAllowed)
        {
            LogSqlRefused(_logger, verdict.Reason!);
            warnings.Add($"The language model's SQL was refused: {verdict.Reason} The rule-based parser answered instead.");
            return null;
        }

        SqlStatement statement = AnalyticsSqlGuard.Wrap(verdict.Sql!, _store.Dialect, _options.MaxRows);
        QueryResult result;
        try
        {
            if (_store is IQueryCostEstimator estimator)
            {
                long bytes = await estimator.EstimateBytesProcessedAsync(statement, cancellationToken).ConfigureAwait(false);
                if (bytes > _options.MaximumBytesProcessed)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The language model's SQL was refused: it would process {bytes:N0} bytes, over the limit of {_options.MaximumBytesProcessed:N0}. The rule-based parser answered instead."));
                    return null;
                }
            }

            result = await RunAsync(statement, cancellationToken).ConfigureAwait(false);
        }
        catch (DataStoreException ex)
        {
            LogWriterFailed(_logger, ex);
            warnings.Add($"The language model's SQL failed in the store ({ex.Message}); the rule-based parser answered instead.");
            return null;
        }

        return new AnalyticsAnswer
        {
            Question = question,
            Status = AnalyticsAnswerStatus.Answered,
            Answer = GenericSentence(result),
            Sql = statement.Sql,
            Parameters = statement.Parameters,
            Columns = result.Columns,
            Rows = AnswerWriter.Rows(result),
            Chart = GenericChart(result),
            Source = AnalyticsAnswerSource.LanguageModel,
            Warnings = warnings,
        };
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

        QueryResult result = await RunAsync(AsOfStatement(), cancellationToken).ConfigureAwait(false);
        return result.Scalar() is DateTimeOffset asOf && asOf.Year > 1970 ? asOf : _time.GetUtcNow();
    }

    internal static SqlStatement AsOfStatement()
    {
        const string Epoch = "TIMESTAMP '1970-01-01 00:00:00'";
        return new SqlStatement(
            $"SELECT GREATEST(COALESCE((SELECT MAX(transaction_date) FROM transactions), {Epoch}), COALESCE((SELECT MAX(event_timestamp) FROM behavioral_events), {Epoch}), " +
            $"COALESCE((SELECT MAX(abandoned_at) FROM abandoned_carts), {Epoch}), COALESCE((SELECT MAX(sent_at) FROM campaign_history), {Epoch})) AS as_of");
    }

    private static AnalyticsAnswer Unanswerable(string question, string reason, List<string> warnings) => new()
    {
        Question = question,
        Status = AnalyticsAnswerStatus.Unanswerable,
        Answer = $"I can't answer that yet: {reason}. {AnswerWriter.Capabilities}",
        Suggestions = AnswerWriter.ExampleQuestions,
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

    [LoggerMessage(Level = LogLevel.Trace, Message = "Analytics question: {Question}")]
    private static partial void LogQuestion(ILogger logger, string question);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics question refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Language-model SQL refused by the guard: {Reason}")]
    private static partial void LogSqlRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language-model SQL path failed; answering with the rules")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);
}
