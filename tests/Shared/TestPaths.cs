namespace AetherSegment.Tests;

/// <summary>Locates the repository and the shared/ folder beside it from a test's output folder.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding AetherSegment.sln).</summary>
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, "AetherSegment.sln")
        ?? throw new InvalidOperationException("AetherSegment.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The shared/ folder next to the repository (contracts, examples, data).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>shared/examples/objectives.jsonl.</summary>
    public static string ExampleObjectives => Path.Combine(Shared, "examples", "objectives.jsonl");

    /// <summary>shared/data/hillstrom/hillstrom.csv.gz.</summary>
    public static string Hillstrom => Path.Combine(Shared, "data", "hillstrom", "hillstrom.csv.gz");

    private static readonly Lazy<string> RunRoot = new(CreateRunRoot);

    /// <summary>
    /// A new empty temporary folder under this test process's own folder, which is deleted when the process exits (a
    /// full run writes gigabytes of generated databases; left behind, they fill the disk of a machine that runs the
    /// suite often).
    /// </summary>
    public static string NewTempDirectory()
    {
        string path = Path.Combine(RunRoot.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateRunRoot()
    {
        string root = Path.Combine(Path.GetTempPath(), "aether-tests", "run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a child process: the folder stays, as it did before.
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return root;
    }

    private static string? FindUp(string start, string fileName)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, fileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
