namespace Serverless.Shared.Campaigns;

/// <summary>What an office record of a campaign draw states about the campaign beyond a scheduled draw.</summary>
/// <param name="Name">Campaign name.</param>
/// <param name="LegalBasis">Statutory basis.</param>
/// <param name="OwnerOfficeCode">Office that started the campaign.</param>
/// <param name="Filter">Filter applied to the employers before the pool was built, or null.</param>
/// <param name="FilteredOut">Active employers of the office the filter left out.</param>
/// <param name="BorrowOfficers">True when the roster holds the officers of every inspecting office in scope.</param>
public sealed record CampaignRecord(
    string Name, string LegalBasis, string OwnerOfficeCode, TargetFilter? Filter, int FilteredOut, bool BorrowOfficers);
