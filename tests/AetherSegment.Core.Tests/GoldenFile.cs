using System.Text;
using System.Text.Json;

namespace AetherSegment.Core.Tests;

/// <summary>
/// A golden JSONL file: each line is the recorded answer for the input named by one of its properties. Checking
/// recomputes every answer and requires the same line; with AETHER_REGENERATE_GOLDEN=1 it rewrites the file instead
/// (review the diff before committing it).
/// </summary>
internal static class GoldenFile
{
    /// <summary>Asserts that <paramref name="answer"/> gives every recorded line of <paramref name="path"/>.</summary>
    /// <param name="path">The golden file.</param>
    /// <param name="inputProperty">The property of each line that holds the input.</param>
    /// <param name="minimumLines">How many lines the file holds at least.</param>
    /// <param name="answer">The answer line for an input.</param>
    public static void AssertUnchanged(string path, string inputProperty, int minimumLines, Func<string, string> answer)
    {
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.True(lines.Length >= minimumLines, $"{path} holds {lines.Length} lines");
        List<string> written = [];
        List<string> differences = [];
        foreach (string line in lines)
        {
            string input = JsonDocument.Parse(line).RootElement.GetProperty(inputProperty).GetString()!;
            string actual = answer(input);
            written.Add(actual);
            if (actual != line)
            {
                differences.Add($"{input}\n  expected {line}\n  actual   {actual}");
            }
        }

        if (Environment.GetEnvironmentVariable("AETHER_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllLines(path, written, new UTF8Encoding(false));
            return;
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {lines.Length} answers differ; the first:\n" + string.Join("\n", differences.Take(5)));
    }
}
