using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>An uplift model that compiles to one SQL expression, so a warehouse scores rows in place (<see cref="UpliftSql"/>).</summary>
public interface ISqlExportableUpliftModel : IUpliftModel
{
    /// <summary>Compiles one treatment's uplift over a row's feature columns.</summary>
    /// <param name="dialect">The dialect written.</param>
    /// <param name="treatment">The 0-based index into <see cref="IUpliftModel.Treatments"/>.</param>
    /// <param name="columnPrefix">Prepended to every quoted column (e.g. <c>t.</c>); empty for none.</param>
    /// <returns>An expression whose value is a DOUBLE / FLOAT64 equal to in-process prediction.</returns>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    string CompileSql(SqlDialect dialect, int treatment, string columnPrefix);
}
