using Serverless.Shared.Domain;

namespace Serverless.Shared.Publication;

/// <summary>The published inspection item list as an office applies it.</summary>
/// <param name="OfficeCode">Office the list was asked for, or null for the province's list alone.</param>
/// <param name="OfficeName">Name of that office, or null.</param>
/// <param name="Items">Items in code order.</param>
/// <param name="Versions">Each list version with the number of items in it, oldest first.</param>
public sealed record PublicItemList(
    string? OfficeCode, string? OfficeName, IReadOnlyList<InspectionItem> Items, IReadOnlyList<ItemListVersion> Versions);

/// <summary>One version of the item list.</summary>
/// <param name="Version">Version number.</param>
/// <param name="Items">Items that belong to it.</param>
public sealed record ItemListVersion(int Version, int Items);
