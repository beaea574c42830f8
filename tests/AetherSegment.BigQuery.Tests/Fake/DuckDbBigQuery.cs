using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace AetherSegment.BigQuery.Tests.Fake;

/// <summary>
/// BigQuery's side of the REST v2 API for one dataset, backed by DuckDB: datasets, tables (insert answers 409
/// "Already Exists" for a duplicate, as BigQuery does; the body's schema, timePartitioning and clustering are checked),
/// jobs.query and jobs.insert (dry runs answer totalBytesProcessed, referencedTables and the result schema without
/// running; real runs translate the GoogleSQL with <see cref="GoogleSqlToDuckDb"/>, run it on DuckDB, enforce
/// maximumBytesBilled and answer in BigQuery's wire format).
/// </summary>
/// <remarks>
/// Bytes are a model of BigQuery's on-demand byte accounting: for every table the statement reads, the logical size of
/// each referenced column (INT64, FLOAT64, TIMESTAMP 8 bytes, BOOL 1, STRING 2 + UTF-8 length, JSON its UTF-8 length,
/// NULL 0) over all its rows, computed from the DuckDB data. Billed bytes add BigQuery's minimum of 10 MiB per
/// referenced table and per query, rounded up to a MiB. Columns are matched by name in the SQL text (qualified names
/// through the aliases of FROM/JOIN), so the model is an upper bound on what BigQuery would read: no partition or cluster
/// pruning is modelled.
/// </remarks>
internal sealed partial class DuckDbBigQuery : IDisposable
{
    public const long MiB = 1L << 20;

    private readonly DuckDBConnection _connection;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Table, string Column), long> _columnBytes = [];
    private readonly Dictionary<string, (string JobId, JsonObject Load)> _sessions = [];
    private readonly Dictionary<string, string?> _jobs = [];
    private int _queryJobs;

    /// <param name="path">A DuckDB file holding the dataset's tables (opened as is), or null for an empty in-memory dataset.</param>
    public DuckDbBigQuery(string? path = null)
    {
        _connection = new DuckDBConnection(path is null ? "DataSource=:memory:" : $"DataSource={path}");
        _connection.Open();
        Execute("SET TimeZone = 'UTC'");
        foreach (string macro in GoogleSqlToDuckDb.Macros)
        {
            Execute(macro);
        }

        foreach (string table in Strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"))
        {
            _tables[table] = new JsonObject { ["tableReference"] = new JsonObject { ["tableId"] = table } };
        }
    }

    /// <summary>Every tables.insert body this dataset accepted, by table.</summary>
    public IReadOnlyDictionary<string, JsonObject> Tables
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, JsonObject>(_tables, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Every statement a dry run was asked for, in order.</summary>
    public ConcurrentQueue<string> DryRuns { get; } = new();

    public FakeReply Handle(FakeRequest request)
    {
        string path = request.Path;
        if (path.Contains("/upload/", StringComparison.Ordinal))
        {
            return request.Method == "POST" ? StartLoad(request) : Upload(request);
        }

        if (request.Method == "GET" && JobPath().Match(path) is { Success: true } jobPath)
        {
            return GetJob(Uri.UnescapeDataString(jobPath.Groups[1].Value));
        }

        Match table = TablePath().Match(path);
        if (table.Success)
        {
            string name = Uri.UnescapeDataString(table.Groups[1].Value);
            return request.Method switch
            {
                "GET" => GetTable(name),
                "DELETE" => DeleteTable(name),
                _ => FakeReply.Error(405, "notAllowed", "method not allowed"),
            };
        }

        if (path.EndsWith("/tables", StringComparison.Ordinal) && request.Method == "POST")
        {
            return InsertTable(request.Body!.AsObject());
        }

        if (DatasetPath().IsMatch(path))
        {
            return FakeReply.Json(new { kind = "bigquery#dataset", location = "US" });
        }

        if (path.EndsWith("/datasets", StringComparison.Ordinal) && request.Method == "POST")
        {
            return FakeReply.Error(409, "duplicate", "Already Exists: Dataset proj:cdp");
        }

        if (path.EndsWith("/queries", StringComparison.Ordinal) && request.Method == "POST")
        {
            return Query(request.Body!.AsObject());
        }

        if (path.EndsWith("/jobs", StringComparison.Ordinal) && request.Method == "POST")
        {
            return InsertJob(request.Body!.AsObject());
        }

        return FakeReply.Error(404, "notFound", "Not found: " + path);
    }

    /// <summary>When set, every load job ends DONE with this error and loads no row (as a load BigQuery rejects).</summary>
    public string? LoadError { get; set; }

    /// <summary>Every load job's configuration.load, in order.</summary>
    public ConcurrentQueue<JsonObject> Loads { get; } = new();

    /// <summary>jobs.insert on the upload URI: checks the load configuration and opens a resumable session (Location).</summary>
    private FakeReply StartLoad(FakeRequest request)
    {
        JsonObject? load = request.Body?["configuration"]?["load"]?.AsObject();
        string? jobId = request.Body?["jobReference"]?["jobId"]?.GetValue<string>();
        string? table = load?["destinationTable"]?["tableId"]?.GetValue<string>();
        if (request.QueryValue("uploadType") != "resumable" || load is null || jobId is null || table is null)
        {
            return FakeReply.Error(400, "invalid", "A load needs uploadType=resumable, jobReference.jobId and configuration.load.destinationTable.");
        }

        if (load["sourceFormat"]?.GetValue<string>() != "NEWLINE_DELIMITED_JSON")
        {
            return FakeReply.Error(400, "invalid", "The DuckDB fake loads NEWLINE_DELIMITED_JSON only.");
        }

        lock (_gate)
        {
            if (!_tables.ContainsKey(table) && load["createDisposition"]?.GetValue<string>() == "CREATE_NEVER")
            {
                return FakeReply.Error(404, "notFound", $"Not found: Table proj:cdp.{table}");
            }

            string session = $"/upload/session/{_sessions.Count}";
            _sessions[session] = (jobId, (JsonObject)load.DeepClone());
            Loads.Enqueue((JsonObject)load.DeepClone());
            return FakeReply.Json(new { }) with { Headers = new Dictionary<string, string> { ["Location"] = $"http://{request.Header("Host")}{session}" } };
        }
    }

    /// <summary>The PUT of a session's bytes: loads every line into the table (appending or replacing) unless <see cref="LoadError"/>.</summary>
    private FakeReply Upload(FakeRequest request)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(request.Path, out (string JobId, JsonObject Load) session))
            {
                return FakeReply.Error(404, "notFound", "No such upload session: " + request.Path);
            }

            if (LoadError is { } error)
            {
                _jobs[session.JobId] = error;
                return FakeReply.Json(new { status = new { state = "RUNNING" } });
            }

            string table = session.Load["destinationTable"]!["tableId"]!.GetValue<string>();
            JsonArray fields = session.Load["schema"]!["fields"]!.AsArray();
            if (session.Load["writeDisposition"]?.GetValue<string>() == "WRITE_TRUNCATE")
            {
                Execute($"DELETE FROM \"{table}\"");
            }

            string[] names = [.. fields.Select(f => f!["name"]!.GetValue<string>())];
            using DuckDBCommand insert = _connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))})";
            foreach (string line in request.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                JsonObject row = JsonNode.Parse(line)!.AsObject();
                insert.Parameters.Clear();
                foreach (string name in names)
                {
                    insert.Parameters.Add(new DuckDBParameter(Cell(row[name]) ?? DBNull.Value));
                }

                insert.ExecuteNonQuery();
            }

            ForgetSizes();
            _jobs[session.JobId] = null;
            return FakeReply.Json(new { status = new { state = "RUNNING" } });
        }
    }

    /// <summary>A newline-delimited JSON value as DuckDB takes it: text, a whole number, a number, a bool or null.</summary>
    private static object? Cell(JsonNode? node) => node is JsonValue value ? value.GetValue<System.Text.Json.JsonElement>() switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString(),
        { ValueKind: System.Text.Json.JsonValueKind.Number } number when number.TryGetInt64(out long whole) => whole,
        { ValueKind: System.Text.Json.JsonValueKind.Number } number => number.GetDouble(),
        { ValueKind: System.Text.Json.JsonValueKind.True } => true,
        { ValueKind: System.Text.Json.JsonValueKind.False } => false,
        _ => null,
    } : null;

    /// <summary>jobs.get of a load job: DONE, with its error when it failed.</summary>
    private FakeReply GetJob(string jobId)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out string? error))
            {
                return FakeReply.Error(404, "notFound", $"Not found: Job proj:US.{jobId}");
            }

            return error is null
                ? FakeReply.Json(new { jobReference = new { jobId }, status = new { state = "DONE" } })
                : FakeReply.Json(new { jobReference = new { jobId }, status = new { state = "DONE", errorResult = new { reason = "invalid", message = error }, errors = new[] { new { reason = "invalid", message = error } } } });
        }
    }

    private FakeReply GetTable(string name)
    {
        lock (_gate)
        {
            return _tables.TryGetValue(name, out JsonObject? body)
                ? new FakeReply(200, body.ToJsonString())
                : FakeReply.Error(404, "notFound", $"Not found: Table proj:cdp.{name}");
        }
    }

    private FakeReply DeleteTable(string name)
    {
        lock (_gate)
        {
            if (!_tables.Remove(name))
            {
                return FakeReply.Error(404, "notFound", $"Not found: Table proj:cdp.{name}");
            }

            Execute($"DROP TABLE IF EXISTS \"{name}\"");
            ForgetSizes();
            return new FakeReply(204, "");
        }
    }

    /// <summary>tables.insert: checks the body as BigQuery would and answers 409 for a table that exists.</summary>
    private FakeReply InsertTable(JsonObject body)
    {
        string name = body["tableReference"]?["tableId"]?.GetValue<string>() ?? "";
        JsonArray? fields = body["schema"]?["fields"]?.AsArray();
        if (name.Length == 0 || fields is null || fields.Count == 0)
        {
            return FakeReply.Error(400, "invalid", "A table needs tableReference.tableId and schema.fields.");
        }

        Dictionary<string, string> types = new(StringComparer.OrdinalIgnoreCase);
        foreach (JsonNode? field in fields)
        {
            types[field!["name"]!.GetValue<string>()] = field["type"]!.GetValue<string>();
        }

        if (body["timePartitioning"] is JsonObject partitioning)
        {
            string? type = partitioning["type"]?.GetValue<string>();
            string? field = partitioning["field"]?.GetValue<string>();
            if (type is not ("DAY" or "HOUR" or "MONTH" or "YEAR"))
            {
                return FakeReply.Error(400, "invalid", $"timePartitioning.type must be DAY, HOUR, MONTH or YEAR, not '{type}'.");
            }

            if (field is not null && (!types.TryGetValue(field, out string? fieldType) || fieldType is not ("TIMESTAMP" or "DATE" or "DATETIME")))
            {
                return FakeReply.Error(400, "invalid", $"The field specified for time partitioning can only be of type TIMESTAMP, DATE or DATETIME: '{field}'.");
            }
        }

        if (body["clustering"] is JsonObject clustering)
        {
            JsonArray? clusterFields = clustering["fields"]?.AsArray();
            if (clusterFields is null || clusterFields.Count is 0 or > 4)
            {
                return FakeReply.Error(400, "invalid", "clustering.fields must name one to four columns.");
            }

            foreach (JsonNode? f in clusterFields)
            {
                string column = f!.GetValue<string>();
                if (!types.TryGetValue(column, out string? t) || t is "FLOAT64" or "FLOAT" or "JSON")
                {
                    return FakeReply.Error(400, "invalid", $"The field specified for clustering cannot be found in the schema or is not clusterable: '{column}'.");
                }
            }
        }

        lock (_gate)
        {
            if (_tables.ContainsKey(name))
            {
                return FakeReply.Error(409, "duplicate", $"Already Exists: Table proj:cdp.{name}");
            }

            string columns = string.Join(", ", fields.Select(f => $"\"{f!["name"]!.GetValue<string>()}\" {DuckType(f["type"]!.GetValue<string>())}"));
            Execute($"CREATE TABLE \"{name}\" ({columns})");
            _tables[name] = (JsonObject)body.DeepClone();
            ForgetSizes();
            return new FakeReply(200, body.ToJsonString());
        }
    }

    private static string DuckType(string type) => type switch
    {
        "INT64" or "INTEGER" => "BIGINT",
        "FLOAT64" or "FLOAT" => "DOUBLE",
        "BOOL" or "BOOLEAN" => "BOOLEAN",
        "TIMESTAMP" => "TIMESTAMP",
        "JSON" => "JSON",
        _ => "VARCHAR",
    };

    private FakeReply Query(JsonObject body)
    {
        string sql = body["query"]!.GetValue<string>();
        bool dryRun = body["dryRun"]?.GetValue<bool>() == true;
        long limit = long.Parse(body["maximumBytesBilled"]?.GetValue<string>() ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Run(sql, body["queryParameters"]?.AsArray(), dryRun, limit, job: false);
    }

    private FakeReply InsertJob(JsonObject body)
    {
        JsonObject? configuration = body["configuration"]?.AsObject();
        JsonObject? query = configuration?["query"]?.AsObject();
        if (query is null)
        {
            return FakeReply.Error(400, "invalid", "Only query jobs are supported by the DuckDB fake.");
        }

        bool dryRun = configuration!["dryRun"]?.GetValue<bool>() == true;
        long limit = long.Parse(query["maximumBytesBilled"]?.GetValue<string>() ?? long.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Run(query["query"]!.GetValue<string>(), query["queryParameters"]?.AsArray(), dryRun, limit, job: true);
    }

    private FakeReply Run(string googleSql, JsonArray? parameters, bool dryRun, long maximumBytesBilled, bool job)
    {
        string sql;
        try
        {
            sql = GoogleSqlToDuckDb.Translate(googleSql, parameters);
        }
        catch (FormatException ex)
        {
            return FakeReply.Error(400, "invalidQuery", ex.Message);
        }

        lock (_gate)
        {
            (long processed, List<string> tables, long billed) = Estimate(googleSql);
            bool dml = Dml().IsMatch(googleSql);
            JsonArray referenced = [.. tables.Select(t => (JsonNode)new JsonObject { ["projectId"] = "proj", ["datasetId"] = "cdp", ["tableId"] = t })];
            string jobId = "job_" + Interlocked.Increment(ref _queryJobs).ToString(CultureInfo.InvariantCulture);
            if (dryRun)
            {
                DryRuns.Enqueue(googleSql);
                JsonObject? schema;
                try
                {
                    schema = dml ? null : Describe(sql);
                }
                catch (DuckDBException ex)
                {
                    return FakeReply.Error(400, "invalidQuery", ex.Message);
                }

                string total = processed.ToString(CultureInfo.InvariantCulture);
                JsonObject answer = job
                    ? new JsonObject
                    {
                        ["kind"] = "bigquery#job",
                        ["jobReference"] = new JsonObject { ["projectId"] = "proj", ["location"] = "US" },
                        ["configuration"] = new JsonObject { ["dryRun"] = true, ["jobType"] = "QUERY" },
                        ["status"] = new JsonObject { ["state"] = "DONE" },
                        ["statistics"] = new JsonObject
                        {
                            ["totalBytesProcessed"] = total,
                            ["query"] = new JsonObject
                            {
                                ["totalBytesProcessed"] = total,
                                ["totalBytesProcessedAccuracy"] = "PRECISE",
                                ["statementType"] = dml ? "INSERT" : "SELECT",
                                ["referencedTables"] = referenced,
                                ["schema"] = schema,
                            },
                        },
                    }
                    : new JsonObject
                    {
                        ["kind"] = "bigquery#queryResponse",
                        ["jobReference"] = new JsonObject { ["projectId"] = "proj", ["location"] = "US" },
                        ["totalBytesProcessed"] = total,
                        ["jobComplete"] = true,
                        ["cacheHit"] = false,
                        ["schema"] = schema,
                    };
                return new FakeReply(200, answer.ToJsonString());
            }

            if (billed > maximumBytesBilled)
            {
                return FakeReply.Error(400, "bytesBilledLimitExceeded",
                    $"Query exceeded limit for bytes billed: {maximumBytesBilled}. {billed} or higher required.");
            }

            try
            {
                JsonObject answer = dml ? ExecuteDml(sql) : Select(sql);
                answer["kind"] = "bigquery#queryResponse";
                answer["jobReference"] = new JsonObject { ["projectId"] = "proj", ["jobId"] = jobId, ["location"] = "US" };
                answer["jobComplete"] = true;
                answer["totalBytesProcessed"] = processed.ToString(CultureInfo.InvariantCulture);
                answer["totalBytesBilled"] = billed.ToString(CultureInfo.InvariantCulture);
                if (dml)
                {
                    ForgetSizes();
                }

                return new FakeReply(200, answer.ToJsonString());
            }
            catch (DuckDBException ex)
            {
                return FakeReply.Error(400, "invalidQuery", ex.Message);
            }
        }
    }

    /// <summary>
    /// The bytes a statement reads under the model in the remarks, the data tables it references, and what BigQuery
    /// bills for it: every table's bytes raised to at least 10 MiB, summed, rounded up to a MiB, at least 10 MiB.
    /// </summary>
    public (long Bytes, List<string> Tables, long Billed) Estimate(string googleSql)
    {
        string code = StringLiteral().Replace(googleSql, "''").Replace("`", "", StringComparison.Ordinal);
        Dictionary<string, string> aliases = new(StringComparer.OrdinalIgnoreCase);
        List<string> tables = [];
        foreach (Match m in TableReference().Matches(code))
        {
            string table = LastPart(m.Groups[1].Value);
            // The target of INSERT INTO is written, not read.
            if (!_tables.ContainsKey(table) || m.Value.StartsWith("INTO", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!tables.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                tables.Add(table);
            }

            string alias = m.Groups[2].Value;
            if (alias.Length > 0 && !Keywords.Contains(alias))
            {
                aliases[alias] = table;
            }

            aliases[table] = table;
        }

        long bytes = 0, billed = 0;
        foreach (string table in tables)
        {
            long tableBytes = 0;
            HashSet<string> columns = new(StringComparer.OrdinalIgnoreCase);
            foreach (string column in Strings($"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'"))
            {
                columns.Add(column);
            }

            HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);
            foreach (Match m in Identifier().Matches(code))
            {
                string qualifier = m.Groups[1].Value;
                // The column's own spelling: GROUP in "GROUP BY" matches a column named group.
                if (!columns.TryGetValue(m.Groups[2].Value, out string? name))
                {
                    continue;
                }

                if (qualifier.Length == 0 || (aliases.TryGetValue(qualifier, out string? owner) && owner.Equals(table, StringComparison.OrdinalIgnoreCase)))
                {
                    used.Add(name);
                }
            }

            foreach (string column in used)
            {
                tableBytes += ColumnBytes(table, column);
            }

            bytes += tableBytes;
            billed += Math.Max(tableBytes, 10 * MiB);
        }

        return (bytes, tables, Math.Max((billed + MiB - 1) / MiB * MiB, 10 * MiB));
    }

    private static string LastPart(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "ON", "GROUP", "ORDER", "LIMIT", "UNION", "USING", "WINDOW", "QUALIFY", "HAVING", "SELECT", "AS",
    };

    /// <summary>The logical bytes of one column over all rows, per BigQuery's data size rules.</summary>
    public long ColumnBytes(string table, string column)
    {
        if (_columnBytes.TryGetValue((table, column), out long cached))
        {
            return cached;
        }

        string type = Strings($"SELECT data_type FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'").Single();
        string q = $"\"{column}\"";
        string expression = type switch
        {
            "VARCHAR" => $"SUM(2 + strlen({q}))",
            "JSON" => $"SUM(strlen(CAST({q} AS VARCHAR)))",
            "BOOLEAN" => $"COUNT({q})",
            _ => $"8 * COUNT({q})",
        };
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(CAST({expression} AS BIGINT), 0) FROM \"{table}\"";
        long bytes = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        _columnBytes[(table, column)] = bytes;
        return bytes;
    }

    private void ForgetSizes() => _columnBytes.Clear();

    /// <summary>The rows of a table.</summary>
    public long RowCount(string table)
    {
        lock (_gate)
        {
            using DuckDBCommand command = _connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    private JsonObject Describe(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM ({sql}) AS q LIMIT 0";
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        return Schema(reader);
    }

    private static JsonObject Schema(System.Data.Common.DbDataReader reader)
    {
        JsonArray fields = [];
        for (int c = 0; c < reader.FieldCount; c++)
        {
            Type type = reader.GetFieldType(c);
            string bq = type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(System.Numerics.BigInteger) || type == typeof(ulong) || type == typeof(uint)
                ? "INTEGER"
                : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "FLOAT"
                : type == typeof(bool) ? "BOOLEAN"
                : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "TIMESTAMP"
                : "STRING";
            fields.Add(new JsonObject { ["name"] = reader.GetName(c), ["type"] = bq, ["mode"] = "NULLABLE" });
        }

        return new JsonObject { ["fields"] = fields };
    }

    private JsonObject Select(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        JsonObject schema = Schema(reader);
        JsonArray rows = [];
        while (reader.Read())
        {
            JsonArray cells = [];
            for (int c = 0; c < reader.FieldCount; c++)
            {
                cells.Add(new JsonObject { ["v"] = reader.IsDBNull(c) ? null : WireText(reader.GetValue(c)) });
            }

            rows.Add(new JsonObject { ["f"] = cells });
        }

        return new JsonObject { ["schema"] = schema, ["rows"] = rows, ["totalRows"] = rows.Count.ToString(CultureInfo.InvariantCulture) };
    }

    private static string WireText(object value) => value switch
    {
        double d => double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => ((decimal)(DateTime.SpecifyKind(t, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => ((decimal)(t.UtcDateTime - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private JsonObject ExecuteDml(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        int affected = command.ExecuteNonQuery();
        return new JsonObject { ["numDmlAffectedRows"] = affected.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>Runs DuckDB SQL directly (test set-up).</summary>
    public void Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Strings(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        List<string> values = [];
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public void Dispose() => _connection.Dispose();

    [GeneratedRegex("/datasets/[^/]+/tables/([^/]+)$")]
    private static partial Regex TablePath();

    [GeneratedRegex("/projects/[^/]+/jobs/([^/]+)$")]
    private static partial Regex JobPath();

    [GeneratedRegex("/datasets/[^/]+$")]
    private static partial Regex DatasetPath();

    [GeneratedRegex("^\\s*(INSERT|DELETE|UPDATE|MERGE|CREATE|DROP)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dml();

    [GeneratedRegex("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("\\b(?:FROM|JOIN|INTO)\\s+([\\w.]+)(?:\\s+(?:AS\\s+)?(\\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    [GeneratedRegex("(?:\\b(\\w+)\\s*\\.\\s*)?\\b([A-Za-z_]\\w*)\\b")]
    private static partial Regex Identifier();
}
