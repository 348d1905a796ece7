using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>Runs the store's own checks on a parsed row and turns a rejection into a row error.</summary>
internal static class EntityErrors
{
    /// <summary>Prefix of the field names passed to the store's checks.</summary>
    public const string Field = "row";

    /// <summary>
    /// Runs <paramref name="validate"/> and the Table storage limits, and returns the entity, or null after
    /// adding the error under the column that the rejected field names.
    /// </summary>
    public static TableEntity? Check(CellReader cells, Action validate, Func<TableEntity> toEntity)
    {
        try
        {
            validate();
            var entity = toEntity();
            TableLimits.ThrowIfInvalid(Field, entity);
            return entity;
        }
        catch (ValidationException exception)
        {
            cells.Reject(ColumnOf(exception.Field), CellReader.Shorten(exception.Value ?? ""), exception.Reason);
            return null;
        }
    }

    private static string ColumnOf(string field)
    {
        var name = field.StartsWith(Field + ".", StringComparison.Ordinal) ? field[(Field.Length + 1)..] : field;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }
}
