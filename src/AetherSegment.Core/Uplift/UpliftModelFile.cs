using System.Text.Json;
using System.Text.Json.Serialization;

namespace AetherSegment.Uplift;

/// <summary>
/// Saves fitted uplift models to, and loads them from, a versioned JSON file (<c>format_version</c>
/// <see cref="FormatVersion"/>): the features with their levels, the treatments and every tree, with thresholds and
/// leaf values written as round-trip doubles, so a loaded model scores exactly as the saved one. An average of fitted
/// models (a cross-fitted ensemble) is one plan like any other and adds <c>averaged_fits</c> (the number of models);
/// a file without it is a single fit.
/// </summary>
public static class UpliftModelFile
{
    /// <summary>The version of the file format this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "aether-uplift-model";

    /// <summary>Writes a fitted model as JSON.</summary>
    /// <param name="model">A fitted model that implements <see cref="IPersistableUpliftModel"/> (every model created by <see cref="UpliftModels"/> does).</param>
    /// <param name="stream">The destination; left open.</param>
    public static void Save(IUpliftModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        if (model is not IPersistableUpliftModel persistable || !model.IsFitted)
        {
            throw new ArgumentException($"Only fitted models that implement {nameof(IPersistableUpliftModel)} can be saved ('{model.Name}' {(model.IsFitted ? "does not" : "is not fitted")}).", nameof(model));
        }

        persistable.Save(stream);
    }

    /// <summary>Writes a fitted built-in model as JSON.</summary>
    internal static void SaveTree(TreeUpliftModel tree, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(stream);
        if (!tree.IsFitted)
        {
            throw new InvalidOperationException("The uplift model is not fitted.");
        }

        FileDto dto = new()
        {
            Format = FormatName,
            FormatVersion = FormatVersion,
            Model = tree.Name,
            AveragedFits = tree.AveragedFits > 1 ? tree.AveragedFits : null,
            Control = tree.Control,
            Treatments = [.. tree.Treatments],
            Features = [.. tree.Specs.Select(s => new FeatureDto { Name = s.Name, Levels = s.Levels is null ? null : [.. s.Levels] })],
            Plans = [.. tree.Plans.Select(p => new PlanDto
            {
                Intercept = p.Intercept,
                Terms = [.. p.Terms.Select(t => new TermDto
                {
                    Coefficient = t.Coefficient,
                    Link = t.Link,
                    Bias = t.Ensemble.Bias,
                    Trees = [.. t.Ensemble.Trees.Select(ToDto)],
                })],
            })],
        };
        JsonSerializer.Serialize(stream, dto, AetherSegmentJson.Options);
    }

    /// <summary>Writes a fitted model to a file.</summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="path">The file; replaced if it exists.</param>
    public static void Save(IUpliftModel model, string path)
    {
        using FileStream file = File.Create(path);
        Save(model, file);
    }

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="AetherSegmentInputException">The file is missing, not a model file, from another format version, or inconsistent.</exception>
    public static IUpliftModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AetherSegmentInputException("--model", $"Model file '{path}' does not exist.");
        }

        using FileStream file = File.OpenRead(path);
        return Load(file, path);
    }

    /// <summary>Reads a model from JSON.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="source">A name for error messages.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="AetherSegmentInputException">Not a model file, another format version, or inconsistent content.</exception>
    public static IUpliftModel Load(Stream stream, string source)
    {
        FileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<FileDto>(stream, AetherSegmentJson.Options);
        }
        catch (JsonException ex)
        {
            throw new AetherSegmentInputException($"Model file '{source}' is not valid JSON: {ex.Message}", ex);
        }

        if (dto is null || dto.Format != FormatName)
        {
            throw new AetherSegmentInputException("--model", $"'{source}' is not an AetherSegment uplift model file (format must be '{FormatName}').");
        }

        if (dto.FormatVersion != FormatVersion)
        {
            throw new AetherSegmentInputException("--model", $"Model file '{source}' has format_version {dto.FormatVersion}; this build reads version {FormatVersion}. Retrain the model with this version.");
        }

        try
        {
            FeatureSpec[] specs = [.. dto.Features!.Select(f => new FeatureSpec(f.Name!, f.Levels))];
            ScoringPlan[] plans = [.. dto.Plans!.Select(p => new ScoringPlan(p.Intercept, [.. p.Terms!.Select(t =>
                new ScoringTerm(t.Coefficient, t.Link, new TreeEnsemble(t.Bias, [.. t.Trees!.Select(d => FromDto(d, specs))])))]))];
            if (plans.Length == 0 || plans.Length != dto.Treatments!.Count || !UpliftModels.Names.Contains(dto.Model))
            {
                throw new InvalidDataException("treatments and plans do not match");
            }

            if (dto.AveragedFits is < 1)
            {
                throw new InvalidDataException($"averaged_fits is {dto.AveragedFits}");
            }

            return new TreeUpliftModel(dto.Model!, specs, dto.Treatments, dto.Control ?? string.Empty, plans, dto.AveragedFits ?? 1);
        }
        catch (Exception ex) when (ex is NullReferenceException or ArgumentException or InvalidDataException or IndexOutOfRangeException)
        {
            throw new AetherSegmentInputException($"Model file '{source}' is inconsistent: {ex.Message}", ex);
        }
    }

    private static TreeDto ToDto(DecisionTree t) => new()
    {
        Feature = t.Feature,
        Threshold = t.Threshold,
        MissingLeft = t.MissingLeft,
        LeftCategories = t.LeftCategories,
        Left = t.Left,
        Right = t.Right,
        Value = t.Value,
        Gain = t.Gain,
    };

    private static DecisionTree FromDto(TreeDto d, FeatureSpec[] specs)
    {
        int n = d.Feature!.Length;
        if (d.Threshold!.Length != n || d.MissingLeft!.Length != n || d.LeftCategories!.Length != n || d.Left!.Length != n || d.Right!.Length != n || d.Value!.Length != n)
        {
            throw new InvalidDataException("a tree's arrays differ in length");
        }

        for (int i = 0; i < n; i++)
        {
            int f = d.Feature[i];
            if (f >= specs.Length || (f >= 0 && ((uint)d.Left[i] >= (uint)n || (uint)d.Right[i] >= (uint)n || d.Left[i] <= i || d.Right[i] <= i)))
            {
                throw new InvalidDataException($"tree node {i} points outside the tree");
            }

            if (f >= 0 && d.LeftCategories[i] is { } set && (specs[f].Levels is null || set.Any(c => (uint)c >= (uint)specs[f].Levels!.Count)))
            {
                throw new InvalidDataException($"tree node {i} names an unknown category");
            }
        }

        return new DecisionTree(d.Feature, d.Threshold, d.MissingLeft, d.LeftCategories, d.Left, d.Right, d.Value) { Gain = d.Gain ?? [] };
    }

    private sealed class FileDto
    {
        public string? Format { get; set; }

        public int FormatVersion { get; set; }

        public string? Model { get; set; }

        /// <summary>How many fitted models the plans average (a cross-fitted ensemble); absent for a single fit, so such files read as before.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? AveragedFits { get; set; }

        public string? Control { get; set; }

        public List<string>? Treatments { get; set; }

        public List<FeatureDto>? Features { get; set; }

        public List<PlanDto>? Plans { get; set; }
    }

    private sealed class FeatureDto
    {
        public string? Name { get; set; }

        public List<string>? Levels { get; set; }
    }

    private sealed class PlanDto
    {
        public double Intercept { get; set; }

        public List<TermDto>? Terms { get; set; }
    }

    private sealed class TermDto
    {
        public double Coefficient { get; set; }

        [JsonConverter(typeof(JsonStringEnumConverter<ScoringLink>))]
        public ScoringLink Link { get; set; }

        public double Bias { get; set; }

        public List<TreeDto>? Trees { get; set; }
    }

    private sealed class TreeDto
    {
        public int[]? Feature { get; set; }

        public double[]? Threshold { get; set; }

        public bool[]? MissingLeft { get; set; }

        public int[]?[]? LeftCategories { get; set; }

        public int[]? Left { get; set; }

        public int[]? Right { get; set; }

        public double[]? Value { get; set; }

        public double[]? Gain { get; set; }
    }
}
