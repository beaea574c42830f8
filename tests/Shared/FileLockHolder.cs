using System.Diagnostics;

namespace AetherSegment.Tests;

/// <summary>
/// Another process holding a DuckDB file's lock (benchmarks/reliability/hold-lock.py: the same POSIX record lock DuckDB
/// takes), as an <c>aether</c> command writing the same database would.
/// </summary>
internal sealed class FileLockHolder : IAsyncDisposable
{
    private readonly Process _process;

    private FileLockHolder(Process process) => _process = process;

    /// <summary>The holder's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the holder and returns once it holds the lock (it waits for the current holder to let go).</summary>
    /// <param name="databasePath">The database file.</param>
    /// <param name="hold">How long the lock is held after it is taken.</param>
    /// <param name="timeout">How long to wait for the lock.</param>
    public static async Task<FileLockHolder> TakeAsync(string databasePath, TimeSpan hold, TimeSpan timeout)
    {
        ProcessStartInfo start = new("python3")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "benchmarks", "reliability", "hold-lock.py"));
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(hold.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started (the lock holder needs it on PATH).");
        using CancellationTokenSource wait = new(timeout);
        string? line = await process.StandardOutput.ReadLineAsync(wait.Token);
        if (line != "locked")
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The lock holder did not take the lock of {databasePath} (said '{line}').");
        }

        return new FileLockHolder(process);
    }

    /// <summary>Waits until the holder has let go (its hold time is over).</summary>
    public Task ReleasedAsync() => _process.WaitForExitAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
