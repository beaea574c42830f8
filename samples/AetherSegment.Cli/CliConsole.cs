using System.Text.Json;
using Spectre.Console;

namespace AetherSegment.Cli;

/// <summary>Where commands write: JSON to stdout, progress and human text to stderr.</summary>
public static class CliConsole
{
    private static readonly AsyncLocal<(TextWriter Out, TextWriter Error)?> Writers = new();

    /// <summary>Machine-readable output.</summary>
    public static TextWriter Out => Writers.Value?.Out ?? Console.Out;

    /// <summary>Progress, logs and human text.</summary>
    public static TextWriter Error => Writers.Value?.Error ?? Console.Error;

    /// <summary>A Spectre console over stderr, for progress bars and tables that must not pollute stdout.</summary>
    public static IAnsiConsole ErrorConsole => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Interactive = InteractionSupport.Detect,
    });

    /// <summary>Routes the current command's output (tests pass string writers).</summary>
    public static void Use(TextWriter stdout, TextWriter stderr) => Writers.Value = (stdout, stderr);

    /// <summary>Writes one JSON object on stdout with the contract conventions (snake_case).</summary>
    public static void WriteJson<T>(T value) =>
        Out.WriteLine(JsonSerializer.Serialize(value, AetherSegmentJson.Options));
}
