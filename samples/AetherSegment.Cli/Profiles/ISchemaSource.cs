using AetherSegment.Data;

namespace AetherSegment.Cli.Profiles;

/// <summary>A database <see cref="ProfileDrafter"/> can introspect: its tables and read-only queries over them.</summary>
internal interface ISchemaSource
{
    /// <summary>A label for the source (the file or dataset), for the draft's name and messages.</summary>
    string Label { get; }

    /// <summary>What the draft profile is named after (the file name without extension, or the dataset).</summary>
    string DraftName { get; }

    /// <summary>The tables with their columns and row counts.</summary>
    Task<IReadOnlyList<SchemaTable>> ReadTablesAsync(CancellationToken cancellationToken);

    /// <summary>Runs a read-only statement the drafter wrote (identifiers quoted with <see cref="Quote"/>).</summary>
    Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken);

    /// <summary>An identifier (table or column name) quoted for this store.</summary>
    string Quote(string identifier);

    /// <summary>A table reference for this store.</summary>
    string TableReference(string table);
}
