namespace Serverless.Shared.Domain;

/// <summary>An entry of the random inspection item list (随机抽查事项清单).</summary>
/// <param name="Code">Item code, unique within the list.</param>
/// <param name="Category">Category, for example 劳动合同.</param>
/// <param name="Content">What the inspection checks.</param>
/// <param name="LegalBasis">Statutory basis.</param>
/// <param name="TargetType">Kind of target the item applies to.</param>
/// <param name="IsKeyItem">True for a key item (重点检查事项), false for a general one (一般检查事项).</param>
/// <param name="Method">Inspection method, for example on-site or documents.</param>
/// <param name="Ratio">Default share of the pool to inspect, between 0 and 1.</param>
/// <param name="Frequency">How often the item is drawn, for example once a year.</param>
/// <param name="Tier">Lowest tier that carries out the item.</param>
/// <param name="Version">Version of the list the item belongs to.</param>
/// <param name="OfficeCode">
/// City whose list adds the item (a city's addition to the province's list), or null for an item of the province's
/// list. An addition applies to the city and every office below it.
/// </param>
public sealed record InspectionItem(
    string Code,
    string Category,
    string Content,
    string LegalBasis,
    TargetType TargetType,
    bool IsKeyItem,
    string Method,
    decimal Ratio,
    string Frequency,
    OfficeTier Tier,
    int Version,
    string? OfficeCode = null);
