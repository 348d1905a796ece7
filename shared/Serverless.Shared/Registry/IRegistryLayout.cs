using Azure.Data.Tables;

namespace Serverless.Shared.Registry;

/// <summary>
/// Columns of one registry's import file and how a row becomes a table entity of that registry.
/// </summary>
internal interface IRegistryLayout
{
    RegistryKind Kind { get; }

    /// <summary>Table of the registry, without a prefix.</summary>
    string TableName { get; }

    /// <summary>Header that an import file must have, in this order.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Entity properties that an import file sets. Other properties, such as risk flags or the date of the last
    /// inspection, are kept from the stored row.
    /// </summary>
    IReadOnlyList<string> ImportedProperties { get; }

    /// <summary>Header column of the row key, for example <c>creditCode</c>.</summary>
    string KeyColumn { get; }

    /// <summary>Header column of the partition key, the office code.</summary>
    string OfficeColumn { get; }

    /// <summary>
    /// Validates a row and returns its entity as a new registry row, or null after adding its errors.
    /// </summary>
    TableEntity? Parse(CellReader cells, ImportScope scope);
}
