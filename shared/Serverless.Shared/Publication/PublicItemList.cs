using Serverless.Shared.Domain;

namespace Serverless.Shared.Publication;

/// <summary>The published inspection item list as an office applies it.</summary>
/// <param name="OfficeCode">Office the list was requested for, or null for the province's list with every addition.</param>
/// <param name="OfficeName">Name of that office, or null.</param>
/// <param name="Items">Items in force in code order: the province's items, then the additions of the office's city.</param>
/// <param name="Versions">Each list version with the number of items in force in it, oldest first.</param>
/// <param name="History">Every stored version of the listed items, by code then version.</param>
/// <param name="AddedBy">Name of each city that added an item of the list, by office code.</param>
public sealed record PublicItemList(
    string? OfficeCode,
    string? OfficeName,
    IReadOnlyList<InspectionItem> Items,
    IReadOnlyList<ItemListVersion> Versions,
    IReadOnlyList<InspectionItem> History,
    IReadOnlyDictionary<string, string> AddedBy);

/// <summary>One version of the item list.</summary>
/// <param name="Version">Version number.</param>
/// <param name="Items">Items that belong to it.</param>
public sealed record ItemListVersion(int Version, int Items);
