using System.Text.RegularExpressions;

namespace AetherSegment.Profiles;

/// <summary>
/// How SQL builders read a profile's column values: a plain column name (letters, digits, '_') is an identifier the
/// SQL dialect quotes as needed (so a column named <c>group</c> works on every store); anything else is a SQL
/// expression over the table's columns, used as written.
/// </summary>
public static partial class ProfileSql
{
    /// <summary>Whether a column value is a plain column name (to be quoted by the dialect) rather than an expression.</summary>
    public static bool IsColumnName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Identifier().IsMatch(value);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
