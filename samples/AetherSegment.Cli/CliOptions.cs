using System.CommandLine;

namespace AetherSegment.Cli;

/// <summary>Options every command accepts (recursive on the root command).</summary>
public static class CliOptions
{
    /// <summary><c>--db PATH</c>: the embedded DuckDB file (default <c>aether.duckdb</c> in the current folder).</summary>
    public static Option<string?> Db { get; } = new("--db") { Description = "The DuckDB database file (default aether.duckdb).", Recursive = true };

    /// <summary><c>--profile FILE</c>: the business profile (docs/profile.md); default: the home-furnishing retailer.</summary>
    public static Option<string?> Profile { get; } = new("--profile") { Description = "The business profile file (default: the home-furnishing demo retailer).", Recursive = true };

    /// <summary><c>--store duckdb|bigquery</c>.</summary>
    public static Option<string?> Store { get; } = CreateChoice("--store", "The store: duckdb (default) or bigquery.", "duckdb", "bigquery");

    /// <summary><c>--interpreter rules|gemini|chat</c>.</summary>
    public static Option<string?> Interpreter { get; } = CreateChoice("--interpreter", "The interpreter: rules (default), gemini or chat.", "rules", "gemini", "chat");

    /// <summary><c>--format json|table</c>: JSON on stdout (default) or a human table.</summary>
    public static Option<string?> Format { get; } = CreateChoice("--format", "Output: json (default) or table.", "json", "table");

    private static Option<string?> CreateChoice(string name, string description, params string[] values)
    {
        Option<string?> option = new(name) { Description = description, Recursive = true };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
