using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Loading;

/// <summary>
/// Names the temporary files a load writes (<c>.NAME.loading-PID-GUID</c>) and removes the ones a killed load left
/// behind: a file is stale when no process holds its DuckDB lock and either its writer's process is gone or it is older
/// than a threshold. Files of the current process and files another process holds are never touched.
/// </summary>
internal static class StaleLoadingFiles
{
    private const string Marker = ".loading-";

    /// <summary>The temporary file a load of <paramref name="target"/> by process <paramref name="processId"/> writes.</summary>
    public static string NameFor(string target, int processId) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".",
            string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}{Marker}{processId}-{Guid.NewGuid():N}"));

    /// <summary>Removes the stale loading files (and their <c>.wal</c>) of <paramref name="target"/>; returns the paths removed.</summary>
    public static IReadOnlyList<string> Remove(string target, TimeSpan minimumAge, TimeProvider timeProvider)
    {
        string? directory = Path.GetDirectoryName(target);
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        string prefix = "." + Path.GetFileName(target) + Marker;
        List<string> removed = [];
        foreach (string file in Directory.EnumerateFiles(directory, prefix + "*"))
        {
            string name = Path.GetFileName(file);
            if (name.EndsWith(".wal", StringComparison.Ordinal))
            {
                continue;   // handled with its database file below, or alone when that is gone
            }

            if (IsStale(file, name.AsSpan(prefix.Length), minimumAge, timeProvider))
            {
                Delete(file, removed);
                Delete(file + ".wal", removed);
            }
        }

        foreach (string wal in Directory.EnumerateFiles(directory, prefix + "*.wal"))
        {
            string database = wal[..^4];
            if (!File.Exists(database) && IsStale(wal, Path.GetFileName(database).AsSpan(prefix.Length), minimumAge, timeProvider))
            {
                Delete(wal, removed);
            }
        }

        return removed;
    }

    private static bool IsStale(string file, ReadOnlySpan<char> suffix, TimeSpan minimumAge, TimeProvider timeProvider)
    {
        int? writer = WriterOf(suffix);
        if (writer == Environment.ProcessId)
        {
            return false;   // this process is (or was) loading it; its own sink cleans up
        }

        bool writerGone = writer is { } pid && !IsRunning(pid);
        bool old = timeProvider.GetUtcNow() - File.GetLastWriteTimeUtc(file) >= minimumAge;
        return (writerGone || old) && !IsLockedByAnotherProcess(file);
    }

    /// <summary>The writer's process id from <c>PID-GUID</c>; null for names written before ids were recorded.</summary>
    private static int? WriterOf(ReadOnlySpan<char> suffix)
    {
        int dash = suffix.IndexOf('-');
        return dash > 0 && int.TryParse(suffix[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Asks DuckDB itself: a read-only open fails with a lock error while another process writes the file.</summary>
    private static bool IsLockedByAnotherProcess(string file)
    {
        if (file.EndsWith(".wal", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using DuckDBConnection probe = new($"DataSource={file};ACCESS_MODE=READ_ONLY");
            probe.Open();
            return false;
        }
        catch (DuckDBException ex)
        {
            // A lock conflict means a live writer; any other error (a truncated or half-written file) means nobody holds it.
            return ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void Delete(string path, List<string> removed)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
