using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AetherSegment.Profiles;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Uplift;

/// <summary>
/// The trigger models saved in a directory per data version: a manifest (<c>trigger-models.json</c>: format version,
/// the campaign history's data version, the training settings, per trigger its row count, average order value and
/// model file) beside one <see cref="UpliftModelFile"/> per trigger named by a hash of the version. Files are written
/// under temporary names and renamed, the manifest last, so a reader never sees half a set; a manifest or model file
/// from another version, other settings or another format, or naming a trigger the profile lacks, is refused (logged)
/// and the caller retrains. Models are indexed by the trigger's position in <see cref="BusinessProfile.Triggers"/>.
/// </summary>
/// <remarks>Thread-safe: a save replaces the manifest atomically; concurrent processes at worst train twice.</remarks>
internal sealed partial class TriggerModelCache(string directory, BusinessProfile profile, ILogger logger)
{
    /// <summary>The version of the manifest format this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatName = "aether-trigger-models";
    private const string ManifestName = "trigger-models.json";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The saved models for this data version and these settings, or null (nothing saved, or refused: logged).</summary>
    public StoreTriggerRanker.TriggerModels? TryLoad(string dataVersion, string settings)
    {
        string manifestPath = Path.Combine(Directory, ManifestName);
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        try
        {
            ManifestDto? manifest;
            using (FileStream file = File.OpenRead(manifestPath))
            {
                manifest = JsonSerializer.Deserialize<ManifestDto>(file, AetherSegmentJson.Options);
            }

            if (manifest is null || manifest.Format != FormatName || manifest.FormatVersion != FormatVersion)
            {
                LogOtherFormat(logger, manifestPath, manifest?.Format, manifest?.FormatVersion ?? 0, FormatName, FormatVersion);
                return null;
            }

            if (manifest.DataVersion != dataVersion)
            {
                LogRefused(logger, manifestPath, "campaign_history changed since the models were trained");
                return null;
            }

            if (manifest.Settings != settings)
            {
                LogRefused(logger, manifestPath, "the training settings changed");
                return null;
            }

            StoreTriggerRanker.TriggerModel?[] models = new StoreTriggerRanker.TriggerModel?[profile.Triggers.Count];
            foreach (TriggerDto saved in manifest.Triggers ?? [])
            {
                int index = saved.Trigger is null ? -1 : IndexOf(saved.Trigger);
                if (index < 0 || saved.File is null || saved.File != Path.GetFileName(saved.File))
                {
                    LogRefused(logger, manifestPath, "it names an unknown trigger or a file outside its directory");
                    return null;
                }

                IUpliftModel model = UpliftModelFile.Load(Path.Combine(Directory, saved.File));
                models[index] = new StoreTriggerRanker.TriggerModel(model, saved.Rows, saved.AverageOrderValue)
                {
                    Calibration = saved.Calibration is { Upper: { } u, Predicted: { } p, Observed: { } o, StandardError: { } se } ? new UpliftCalibration(u, p, o, se) : null,
                    Support = saved.Support is { } support ? new TreatedSupport([.. support.Select(f => new TreatedSupport.Feature(f.Name ?? string.Empty, f.Low, f.High, f.Levels, f.MissingSeen))]) : null,
                    Learner = saved.Learner,
                    LearnerCvQini = saved.LearnerCvQini,
                };
            }

            return new StoreTriggerRanker.TriggerModels(models);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or AetherSegmentInputException or NotSupportedException)
        {
            LogRefused(logger, manifestPath, ex.Message);
            return null;
        }
    }

    /// <summary>Saves the models for a data version, replacing what was saved before; failures are logged, never thrown.</summary>
    public void Save(string dataVersion, string settings, StoreTriggerRanker.TriggerModels models)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            string tag = Tag(dataVersion, settings);
            ManifestDto manifest = new()
            {
                Format = FormatName,
                FormatVersion = FormatVersion,
                DataVersion = dataVersion,
                Settings = settings,
                Triggers = [],
            };
            for (int t = 0; t < profile.Triggers.Count; t++)
            {
                if (models.Get(t) is not { } model)
                {
                    continue;
                }

                string id = profile.Triggers[t].Id;
                string name = $"{id}-{tag}.json";
                WriteAtomically(Path.Combine(Directory, name), stream => UpliftModelFile.Save(model.Model, stream));
                manifest.Triggers.Add(new TriggerDto
                {
                    Trigger = id,
                    Rows = model.Rows,
                    AverageOrderValue = model.AverageOrderValue,
                    File = name,
                    Calibration = model.Calibration is { } c ? new CalibrationDto { Upper = c.Upper, Predicted = c.Predicted, Observed = c.Observed, StandardError = c.StandardError } : null,
                    Support = model.Support?.Features.Select(f => new SupportDto { Name = f.Name, Low = f.Low, High = f.High, Levels = f.Levels is null ? null : [.. f.Levels], MissingSeen = f.MissingSeen }).ToList(),
                    Learner = model.Learner,
                    LearnerCvQini = model.LearnerCvQini is null ? null : new Dictionary<string, double>(model.LearnerCvQini, StringComparer.Ordinal),
                });
            }

            WriteAtomically(Path.Combine(Directory, ManifestName), stream => JsonSerializer.Serialize(stream, manifest, AetherSegmentJson.Indented));
            RemoveOtherVersions(tag);
            LogSaved(logger, manifest.Triggers.Count, Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            LogSaveFailed(logger, Directory, ex.Message);
        }
    }

    private int IndexOf(string id)
    {
        for (int t = 0; t < profile.Triggers.Count; t++)
        {
            if (string.Equals(profile.Triggers[t].Id, id, StringComparison.Ordinal))
            {
                return t;
            }
        }

        return -1;
    }

    private static string Tag(string dataVersion, string settings) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataVersion + "\n" + settings)))[..16];

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (FileStream file = new(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void RemoveOtherVersions(string tag)
    {
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            string name = Path.GetFileName(file);
            if (name != ManifestName && name != CampaignHistoryVersion.FileName && !name.EndsWith("-" + tag + ".json", StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another process may be reading it; the next save removes it.
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {Triggers} trigger uplift models in {Directory}")]
    private static partial void LogSaved(ILogger logger, int triggers, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the trigger uplift models in {Directory}: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved trigger models in {Path} not used (format {Format} version {Version}; this build reads {Expected} version {ExpectedVersion}); retraining")]
    private static partial void LogOtherFormat(ILogger logger, string path, string? format, int version, string expected, int expectedVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved trigger models in {Path} not used ({Reason}); retraining")]
    private static partial void LogRefused(ILogger logger, string path, string reason);

    private sealed class ManifestDto
    {
        public string? Format { get; set; }

        public int FormatVersion { get; set; }

        public string? DataVersion { get; set; }

        public string? Settings { get; set; }

        public List<TriggerDto>? Triggers { get; set; }
    }

    private sealed class TriggerDto
    {
        public string? Trigger { get; set; }

        public int Rows { get; set; }

        public double AverageOrderValue { get; set; }

        public string? File { get; set; }

        public CalibrationDto? Calibration { get; set; }

        public List<SupportDto>? Support { get; set; }

        public string? Learner { get; set; }

        public Dictionary<string, double>? LearnerCvQini { get; set; }
    }

    private sealed class CalibrationDto
    {
        public double[]? Upper { get; set; }

        public double[]? Predicted { get; set; }

        public double[]? Observed { get; set; }

        public double[]? StandardError { get; set; }
    }

    private sealed class SupportDto
    {
        public string? Name { get; set; }

        public double Low { get; set; }

        public double High { get; set; }

        public List<string>? Levels { get; set; }

        public bool MissingSeen { get; set; }
    }
}
