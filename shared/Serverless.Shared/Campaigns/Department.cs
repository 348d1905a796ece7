using Serverless.Shared.Domain;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// A department that takes part in joint cross-department campaigns (跨部门联合抽查), for example market regulation
/// or tax, with its own officer roster.
/// </summary>
/// <param name="Code">Department code: lowercase ASCII letters, digits and hyphens, for example "samr".</param>
/// <param name="Name">Department name in Chinese.</param>
/// <param name="Officers">
/// The department's roster. <see cref="Officer.OfficeCode"/> is the division code of the bureau the officer serves
/// in, so a county's joint team takes the department's officers of that county. Qualifications are not checked
/// against the campaign's items, which belong to the lead department's list.
/// </param>
public sealed record Department(string Code, string Name, IReadOnlyList<Officer> Officers)
{
    /// <summary>Code of the lead department: the labour-security inspection, whose registry holds the targets.</summary>
    public const string LeadCode = "hrss";

    /// <summary>Name of the lead department.</summary>
    public const string LeadName = "人力资源社会保障部门";
}
