namespace Serverless.Shared.Domain;

/// <summary>An entry of the officer roster (执法人员名录库).</summary>
/// <param name="OfficerId">Roster id, unique across the province.</param>
/// <param name="OfficeCode">Code of the office the officer belongs to.</param>
/// <param name="Name">Full name.</param>
/// <param name="CertificateNumber">Number of the administrative enforcement certificate.</param>
/// <param name="CertificateExpiry">Last day on which the certificate is valid.</param>
/// <param name="Status">Roster status.</param>
/// <param name="Qualifications">Codes of the inspection items the officer is qualified for.</param>
/// <param name="Email">Address for draw notices.</param>
/// <param name="Conflicts">Credit codes of employers the officer must not inspect.</param>
public sealed record Officer(
    string OfficerId,
    string OfficeCode,
    string Name,
    string CertificateNumber,
    DateOnly CertificateExpiry,
    OfficerStatus Status,
    IReadOnlyList<string> Qualifications,
    string Email,
    IReadOnlyList<string> Conflicts);
