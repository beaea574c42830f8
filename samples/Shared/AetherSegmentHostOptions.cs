using Microsoft.Extensions.Options;

namespace AetherSegment.Hosting;

/// <summary>
/// The hosts' provider choice (shared/contracts/providers.md): which store and which interpreter the
/// <c>AetherSegment</c> section names. The library itself takes no such setting; the host calls the chosen
/// provider's <c>AddDuckDB()</c>, <c>AddBigQuery()</c>, <c>AddGemini()</c> or <c>AddChatClientInterpreter()</c>.
/// </summary>
public sealed class AetherSegmentHostOptions
{
    /// <summary>The store: <c>duckdb</c> or <c>bigquery</c> (case-insensitive).</summary>
    /// <value>The default value is <c>duckdb</c>.</value>
    public string Store { get; set; } = "duckdb";

    /// <summary>The interpreter: <c>rules</c>, <c>gemini</c> or <c>chat</c> (case-insensitive).</summary>
    /// <value>The default value is <c>rules</c>.</value>
    public string Interpreter { get; set; } = "rules";

    /// <summary>Whether <see cref="Store"/> names BigQuery.</summary>
    public bool UsesBigQuery => string.Equals(Store?.Trim(), "bigquery", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the choice from the <c>AetherSegment</c> section, defaults for missing keys.</summary>
    /// <param name="section">The <c>AetherSegment</c> configuration section.</param>
    public static AetherSegmentHostOptions From(Microsoft.Extensions.Configuration.IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new AetherSegmentHostOptions { Store = section["Store"] ?? "duckdb", Interpreter = section["Interpreter"] ?? "rules" };
    }
}

/// <summary>Validates <see cref="AetherSegmentHostOptions"/> at start, naming the setting.</summary>
internal sealed class AetherSegmentHostOptionsValidator : IValidateOptions<AetherSegmentHostOptions>
{
    public ValidateOptionsResult Validate(string? name, AetherSegmentHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResultBuilder result = new();
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            result.AddError("AetherSegment:Store is required (duckdb or bigquery).");
        }
        else if (options.Store.Trim().ToLowerInvariant() is not ("duckdb" or "bigquery"))
        {
            result.AddError($"AetherSegment:Store must be duckdb or bigquery (was '{options.Store}').");
        }

        if (string.IsNullOrWhiteSpace(options.Interpreter))
        {
            result.AddError("AetherSegment:Interpreter is required (rules, gemini or chat).");
        }
        else if (options.Interpreter.Trim().ToLowerInvariant() is not ("rules" or "gemini" or "chat"))
        {
            result.AddError($"AetherSegment:Interpreter must be rules, gemini or chat (was '{options.Interpreter}').");
        }

        return result.Build();
    }
}
