using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Uplift;

namespace AetherSegment.Cli.Uplift;

/// <summary>The Uplift commands: uplift evaluate | train | score | sql | split.</summary>
public static class UpliftCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command uplift = new("uplift", "Uplift models on CSV files: evaluate, train, score, compile to SQL, split.");
        uplift.Subcommands.Add(Evaluate());
        uplift.Subcommands.Add(Train());
        uplift.Subcommands.Add(Score());
        uplift.Subcommands.Add(Sql());
        uplift.Subcommands.Add(Split());
        return [uplift];
    }

    private static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    private sealed class ExperimentOptions
    {
        public Option<string> TreatmentColumn { get; } = Required("--treatment-column", "The column naming each row's arm.");

        public Option<string> Treatment { get; } = Required("--treatment", "The treatment arm's value (train: several, comma-separated).");

        public Option<string> Control { get; } = Required("--control", "The control arm's value.");

        public Option<string> Outcome { get; } = Required("--outcome", "The binary (0/1) outcome column.");

        public Option<string?> Exclude { get; } = new("--exclude") { Description = "Columns that are not features, comma-separated (e.g. other outcomes)." };

        public Option<string?> Model { get; } = new("--model") { Description = $"The model: {string.Join(", ", UpliftModels.Names)} (default {UpliftModels.Default})." };

        public Option<int> Seed { get; } = new("--seed") { Description = "The seed of every random choice (default 42).", DefaultValueFactory = _ => 42 };

        public Option<string?> Criterion { get; } = new("--criterion") { Description = "The forest's split criterion: kl, euclidean (default) or ddp." };

        public Option<bool> Honest { get; } = new("--honest") { Description = "Honest forest: leaf values from a half-sample the splits did not see." };

        public void AddTo(Command command)
        {
            command.Options.Add(TreatmentColumn);
            command.Options.Add(Treatment);
            command.Options.Add(Control);
            command.Options.Add(Outcome);
            command.Options.Add(Exclude);
            command.Options.Add(Model);
            command.Options.Add(Seed);
            command.Options.Add(Criterion);
            command.Options.Add(Honest);
        }

        public UpliftTrainingSet Load(ParseResult result, string path, bool singleTreatment)
        {
            string[] treatments = SplitList(result.GetValue(Treatment));
            if (treatments.Length == 0 || (singleTreatment && treatments.Length > 1))
            {
                throw new CliInputException(singleTreatment ? "--treatment must name exactly one treatment value." : "--treatment must name at least one treatment value.");
            }

            UpliftDataset table = UpliftCsv.Read(path);
            return UpliftTrainingSet.FromTable(table, result.GetValue(TreatmentColumn)!, treatments, result.GetValue(Control)!, result.GetValue(Outcome)!, SplitList(result.GetValue(Exclude)));
        }

        public IUpliftModel CreateModel(ParseResult result)
        {
            UpliftModelOptions options = new() { Seed = result.GetValue(Seed), HonestForest = result.GetValue(Honest) };
            string? criterion = result.GetValue(Criterion);
            if (criterion is not null)
            {
                options.ForestCriterion = criterion.Trim().ToLowerInvariant() switch
                {
                    "kl" => UpliftSplitCriterion.KL,
                    "euclidean" or "ed" => UpliftSplitCriterion.Euclidean,
                    "ddp" => UpliftSplitCriterion.Ddp,
                    _ => throw new CliInputException($"--criterion must be kl, euclidean or ddp, not '{criterion}'."),
                };
            }

            return UpliftModels.Create(result.GetValue(Model), options);
        }
    }

    private static string[] SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Command Evaluate()
    {
        Command command = new("evaluate", "Train on one CSV, score another, print the Qini coefficient, AUUC and uplift@30%.");
        Option<string> train = Required("--train", "The training CSV or CSV.gz.");
        Option<string> test = Required("--test", "The test CSV or CSV.gz.");
        Option<string?> predictions = new("--predictions") { Description = "Writes the test rows' predicted uplift here (header 'uplift')." };
        Option<string?> plot = new("--plot") { Description = "Writes qini.svg, uplift.svg and uplift_by_decile.svg for the test rows into this folder." };
        Option<string?> plotModels = new("--plot-models") { Description = "More models to train and draw on the same charts, comma-separated (with --plot)." };
        Option<string?> policy = new("--policy") { Description = "Also value policies on the test rows (IPS and doubly robust, incremental outcomes per row): best, single-best, random, nobody or all, comma-separated; --treatment may then name several." };
        ExperimentOptions experiment = new();
        command.Options.Add(train);
        command.Options.Add(test);
        experiment.AddTo(command);
        command.Options.Add(predictions);
        command.Options.Add(plot);
        command.Options.Add(plotModels);
        command.Options.Add(policy);
        command.SetAction((result, cancellationToken) =>
        {
            string[]? policies = result.GetValue(policy) is { } policyValue ? UpliftPolicyEvaluation.Read(policyValue) : null;
            UpliftTrainingSet trainSet = experiment.Load(result, result.GetValue(train)!, singleTreatment: policies is null);
            UpliftTrainingSet testSet = experiment.Load(result, result.GetValue(test)!, singleTreatment: policies is null);
            IUpliftModel model = experiment.CreateModel(result);
            Stopwatch watch = Stopwatch.StartNew();
            model.Fit(trainSet, cancellationToken);
            double trainSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            double[] uplift = model.Predict(testSet.Features, 0);
            double scoreSeconds = watch.Elapsed.TotalSeconds;
            if (result.GetValue(predictions) is { } path)
            {
                WritePredictions(path, uplift);
            }

            float[] y = testSet.Outcome;
            int[] t = testSet.Treatment;
            if (t.Any(arm => arm > 1))
            {
                // Several treatments (with --policy): the metrics are the first treatment's, on its rows and the control's.
                int[] rows = [.. Enumerable.Range(0, t.Length).Where(i => t[i] <= 1)];
                (y, uplift, t) = ([.. rows.Select(i => y[i])], [.. rows.Select(i => uplift[i])], [.. rows.Select(i => t[i])]);
            }

            if (result.GetValue(plot) is { } folder)
            {
                List<UpliftPlotSeries> series = [new(model.Name, uplift)];
                foreach (string name in SplitList(result.GetValue(plotModels)))
                {
                    IUpliftModel other = UpliftModels.Create(name, new UpliftModelOptions { Seed = result.GetValue(experiment.Seed) });
                    other.Fit(trainSet, cancellationToken);
                    series.Add(new(other.Name, other.Predict(testSet.Features, 0)));
                }

                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "qini.svg"), UpliftPlots.QiniCurves(y, t, series));
                File.WriteAllText(Path.Combine(folder, "uplift.svg"), UpliftPlots.UpliftCurves(y, t, series));
                File.WriteAllText(Path.Combine(folder, "uplift_by_decile.svg"), UpliftPlots.UpliftByDecile(y, t, series));
            }

            CliConsole.WriteJson(new EvaluationOutput(
                model.Name,
                trainSet.RowCount,
                testSet.RowCount,
                Math.Round(UpliftMetrics.QiniCoefficient(y, uplift, t), 6),
                Math.Round(UpliftMetrics.AuucScore(y, uplift, t), 6),
                Math.Round(UpliftMetrics.UpliftAtK(y, uplift, t, 0.3), 6),
                Math.Round(trainSeconds, 4),
                Math.Round(scoreSeconds, 4))
            {
                Chosen = (model as AutoUpliftModel)?.Chosen,
                CvQini = CvScores(model),
                Policies = policies is null ? null : UpliftPolicyEvaluation.Evaluate(model, trainSet, testSet, policies),
            });
            return Task.FromResult(CliExit.Ok);
        });
        return command;
    }

    private static Command Train()
    {
        Command command = new("train", "Train an uplift model on a CSV and save it as versioned JSON.");
        Option<string> train = Required("--train", "The training CSV or CSV.gz.");
        Option<string> save = Required("--save", "The model file to write (JSON).");
        ExperimentOptions experiment = new();
        command.Options.Add(train);
        experiment.AddTo(command);
        command.Options.Add(save);
        command.SetAction((result, cancellationToken) =>
        {
            UpliftTrainingSet trainSet = experiment.Load(result, result.GetValue(train)!, singleTreatment: false);
            IUpliftModel model = experiment.CreateModel(result);
            Stopwatch watch = Stopwatch.StartNew();
            model.Fit(trainSet, cancellationToken);
            double seconds = watch.Elapsed.TotalSeconds;
            string path = result.GetValue(save)!;
            UpliftModelFile.Save(model, path);
            CliConsole.WriteJson(new TrainOutput(model.Name, trainSet.RowCount, model.Treatments, model.Control, model.Features, Math.Round(seconds, 4), path)
            {
                Chosen = (model as AutoUpliftModel)?.Chosen,
                CvQini = CvScores(model),
            });
            return Task.FromResult(CliExit.Ok);
        });
        return command;
    }

    private static Command Score()
    {
        Command command = new("score", "Score a CSV, CSV.gz or Parquet file with a saved model, streaming: one uplift per input row, in order.");
        Option<string> modelPath = Required("--model", "The model file written by 'uplift train'.");
        Option<string> data = Required("--data", "The CSV, CSV.gz or Parquet (.parquet) file to score.");
        Option<string> output = Required("--out", "The output: CSV (header: the --id columns, then 'uplift'), or Parquet when it ends in .parquet.");
        Option<string?> treatment = new("--treatment") { Description = "Which treatment's uplift, for a model with several (default the first)." };
        Option<string?> id = new("--id") { Description = "Columns carried from the input to the output before 'uplift', comma-separated." };
        Option<int> chunk = new("--chunk-rows") { Description = $"Rows per chunk of the streaming pipeline (default {Scoring.FileScorer.DefaultChunkRows}); memory holds a few chunks.", DefaultValueFactory = _ => Scoring.FileScorer.DefaultChunkRows };
        command.Options.Add(modelPath);
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(treatment);
        command.Options.Add(id);
        command.Options.Add(chunk);
        command.SetAction((result, cancellationToken) =>
        {
            int chunkRows = result.GetValue(chunk);
            if (chunkRows is < 1 or > 10_000_000)
            {
                throw new CliInputException($"--chunk-rows must be between 1 and 10,000,000, not {chunkRows}.");
            }

            IUpliftModel model = UpliftModelFile.Load(result.GetValue(modelPath)!);
            int index = TreatmentIndex(model, result.GetValue(treatment));
            Stopwatch watch = Stopwatch.StartNew();
            Scoring.ScoreStages stages = Scoring.FileScorer.Score(model, index, result.GetValue(data)!, result.GetValue(output)!, SplitList(result.GetValue(id)), chunkRows, cancellationToken);
            double seconds = watch.Elapsed.TotalSeconds;
            CliConsole.WriteJson(new ScoreOutput(model.Name, model.Treatments[index], stages.Rows, Math.Round(seconds, 4), result.GetValue(output)!)
            {
                ReadSeconds = Math.Round(stages.Reading.TotalSeconds, 4),
                PredictSeconds = Math.Round(stages.Scoring.TotalSeconds, 4),
                WriteSeconds = Math.Round(stages.Writing.TotalSeconds, 4),
            });
            return Task.FromResult(CliExit.Ok);
        });
        return command;
    }

    private static Command Sql()
    {
        Command command = new("sql", "Print one SQL expression computing a saved model's uplift from a row's columns.");
        Option<string> modelPath = Required("--model", "The model file written by 'uplift train'.");
        Option<string> dialect = Required("--dialect", "bigquery or duckdb.");
        dialect.AcceptOnlyFromAmong("bigquery", "duckdb");
        Option<string?> treatment = new("--treatment") { Description = "Which treatment's uplift, for a model with several (default the first)." };
        command.Options.Add(modelPath);
        command.Options.Add(dialect);
        command.Options.Add(treatment);
        command.SetAction((result, cancellationToken) =>
        {
            IUpliftModel model = UpliftModelFile.Load(result.GetValue(modelPath)!);
            int index = TreatmentIndex(model, result.GetValue(treatment));
            SqlDialect sqlDialect = SqlDialect.FromName(result.GetValue(dialect)) ?? throw new CliInputException("--dialect must be bigquery or duckdb.");
            CliConsole.Out.WriteLine(UpliftSql.Compile(model, sqlDialect, index, string.Empty));
            return Task.FromResult(CliExit.Ok);
        });
        return command;
    }

    private static Command Split()
    {
        Command command = new("split", "Split a CSV into train and test files, stratified by arm and outcome, reproducibly for a seed.");
        Option<string> data = Required("--data", "The CSV or CSV.gz to split.");
        Option<string> treatmentColumn = Required("--treatment-column", "The arm column (a stratum key).");
        Option<string> outcome = Required("--outcome", "The outcome column (a stratum key).");
        Option<double> fraction = new("--test-fraction") { Description = "The test share (default 0.5).", DefaultValueFactory = _ => 0.5 };
        Option<int> seed = new("--seed") { Description = "The seed (default 42).", DefaultValueFactory = _ => 42 };
        Option<string> trainOut = Required("--train-out", "The training CSV to write.");
        Option<string> testOut = Required("--test-out", "The test CSV to write.");
        foreach (Option option in new Option[] { data, treatmentColumn, outcome, fraction, seed, trainOut, testOut })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) =>
        {
            List<string[]> records = [.. UpliftCsv.ReadRecords(result.GetValue(data)!)];
            if (records.Count < 2)
            {
                throw new CliInputException($"'{result.GetValue(data)}' has no data rows to split.");
            }

            string[] header = records[0];
            int tc = ColumnIndex(header, result.GetValue(treatmentColumn)!, "--treatment-column");
            int oc = ColumnIndex(header, result.GetValue(outcome)!, "--outcome");
            Dictionary<string, int> keys = new(StringComparer.Ordinal);
            int[] strata = new int[records.Count - 1];
            for (int i = 1; i < records.Count; i++)
            {
                if (records[i].Length != header.Length)
                {
                    throw new CliInputException($"Record {i + 1} has {records[i].Length} fields; the header has {header.Length}.");
                }

                string key = records[i][tc] + "\u0001" + records[i][oc];
                if (!keys.TryGetValue(key, out int k))
                {
                    k = keys.Count;
                    keys.Add(key, k);
                }

                strata[i - 1] = k;
            }

            (int[] trainRows, int[] testRows) = UpliftSplit.Stratified(strata, result.GetValue(fraction), result.GetValue(seed));
            WriteRecords(result.GetValue(trainOut)!, header, records, trainRows);
            WriteRecords(result.GetValue(testOut)!, header, records, testRows);
            CliConsole.WriteJson(new SplitOutput(trainRows.Length, testRows.Length, result.GetValue(seed)));
            return Task.FromResult(CliExit.Ok);
        });
        return command;
    }

    private static int ColumnIndex(string[] header, string name, string option)
    {
        for (int i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new CliInputException($"Column '{name}' ({option}) is not in the CSV header.");
    }

    private static void WriteRecords(string path, string[] header, List<string[]> records, int[] rows)
    {
        using StreamWriter writer = new(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(UpliftCsv.FormatRecord(header));
        foreach (int r in rows)
        {
            writer.WriteLine(UpliftCsv.FormatRecord(records[r + 1]));
        }
    }

    private static int TreatmentIndex(IUpliftModel model, string? treatment)
    {
        if (string.IsNullOrWhiteSpace(treatment))
        {
            return 0;
        }

        for (int i = 0; i < model.Treatments.Count; i++)
        {
            if (string.Equals(model.Treatments[i], treatment.Trim(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new CliInputException($"--treatment '{treatment}' is not a treatment of the model; it has: {string.Join(", ", model.Treatments)}.");
    }

    private static void WritePredictions(string path, double[] uplift)
    {
        using StreamWriter writer = new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine("uplift");
        foreach (double u in uplift)
        {
            writer.WriteLine(u.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>For <c>auto</c>: each candidate's cross-validated Qini, rounded; null for a named model.</summary>
    private static Dictionary<string, double>? CvScores(IUpliftModel model) =>
        model is AutoUpliftModel auto ? auto.Scores.ToDictionary(p => p.Key, p => Math.Round(p.Value, 6), StringComparer.Ordinal) : null;

    private sealed record EvaluationOutput(string Model, int TrainRows, int TestRows, double QiniCoefficient, double Auuc, [property: System.Text.Json.Serialization.JsonPropertyName("uplift_at_30pct")] double UpliftAt30pct, double TrainSeconds, double ScoreSeconds)
    {
        /// <summary>For <c>auto</c>: the learner it chose.</summary>
        public string? Chosen { get; init; }

        /// <summary>For <c>auto</c>: each candidate's cross-validated Qini on the training rows.</summary>
        public Dictionary<string, double>? CvQini { get; init; }

        /// <summary>With --policy: each policy's value on the test rows.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public System.Text.Json.Nodes.JsonArray? Policies { get; init; }
    }

    private sealed record TrainOutput(string Model, int TrainRows, IReadOnlyList<string> Treatments, string Control, IReadOnlyList<string> Features, double TrainSeconds, string Saved)
    {
        /// <summary>For <c>auto</c>: the learner it chose.</summary>
        public string? Chosen { get; init; }

        /// <summary>For <c>auto</c>: each candidate's cross-validated Qini on the training rows.</summary>
        public Dictionary<string, double>? CvQini { get; init; }
    }

    private sealed record ScoreOutput(string Model, string Treatment, long Rows, double ScoreSeconds, string Out)
    {
        /// <summary>Busy seconds of the pipeline's parse stage (the stages overlap).</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? ReadSeconds { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? PredictSeconds { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? WriteSeconds { get; init; }
    }

    private sealed record SplitOutput(int TrainRows, int TestRows, int Seed);
}
