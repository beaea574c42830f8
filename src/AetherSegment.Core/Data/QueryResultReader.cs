using System.Data;
using System.Data.Common;

namespace AetherSegment.Data;

/// <summary>Presents a materialized <see cref="QueryResult"/> as a <see cref="DbDataReader"/> (the default of <see cref="IDataStore.ReadAsync{TResult}"/>).</summary>
internal static class QueryResultReader
{
    /// <summary>A reader over the result's rows; each column is typed by its first non-null value (object when values disagree).</summary>
    public static DbDataReader Create(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        DataTable table = new() { Locale = System.Globalization.CultureInfo.InvariantCulture };
        for (int c = 0; c < result.Columns.Count; c++)
        {
            Type? type = null;
            foreach (object?[] row in result.Rows)
            {
                if (row[c] is not { } value)
                {
                    continue;
                }

                if (type is null)
                {
                    type = value.GetType();
                }
                else if (type != value.GetType())
                {
                    type = typeof(object);
                    break;
                }
            }

            table.Columns.Add(UniqueName(table, result.Columns[c]), type ?? typeof(object));
        }

        table.BeginLoadData();
        foreach (object?[] row in result.Rows)
        {
            object[] values = new object[row.Length];
            for (int c = 0; c < row.Length; c++)
            {
                values[c] = row[c] ?? DBNull.Value;
            }

            table.LoadDataRow(values, fAcceptChanges: true);
        }

        table.EndLoadData();
        return table.CreateDataReader();
    }

    // DataTable needs unique column names; a query may repeat one (the reader is read by ordinal).
    private static string UniqueName(DataTable table, string name)
    {
        string unique = name;
        for (int i = 2; table.Columns.Contains(unique); i++)
        {
            unique = $"{name}_{i}";
        }

        return unique;
    }
}
