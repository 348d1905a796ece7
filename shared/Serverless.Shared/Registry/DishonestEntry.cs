namespace Serverless.Shared.Registry;

/// <summary>An entry of the list of seriously dishonest employers (严重失信名单) kept by a department.</summary>
/// <param name="CreditCode">Credit code of the employer.</param>
/// <param name="EmployerName">Registered name of the employer.</param>
/// <param name="LegalRepresentative">Name of the legal representative; personal data, never logged.</param>
/// <param name="Facts">Facts of the dishonest conduct as the listing department wrote them.</param>
/// <param name="ListedOn">First day of the listing period.</param>
/// <param name="ListedUntil">Last day of the listing period, or null when the department set no end.</param>
/// <param name="Department">Department that listed the employer.</param>
public sealed record DishonestEntry(
    string CreditCode,
    string EmployerName,
    string LegalRepresentative,
    string Facts,
    DateOnly ListedOn,
    DateOnly? ListedUntil,
    string Department)
{
    /// <summary>Risk flag that a listed employer carries in the registry while its listing lasts.</summary>
    public const string RiskFlag = "失信";

    /// <summary>True when <paramref name="day"/> lies in the listing period.</summary>
    public bool IsListedOn(DateOnly day) => day >= ListedOn && (ListedUntil is not { } end || day <= end);
}
