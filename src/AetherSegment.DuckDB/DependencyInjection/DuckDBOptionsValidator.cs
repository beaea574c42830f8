using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB;

/// <summary>Source-generated validator of <see cref="DuckDBOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class DuckDBOptionsValidator : IValidateOptions<DuckDBOptions>;
