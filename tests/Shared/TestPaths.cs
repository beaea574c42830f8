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

    /// <summary>A new empty temporary folder, deleted by the OS eventually.</summary>
    public static string NewTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "aether-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
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
