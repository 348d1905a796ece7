using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>What an employer submits in an online self-declaration.</summary>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="Name">Registered name.</param>
/// <param name="OfficeCode">Code of the county office (or Dongguan, Zhongshan) the employer belongs to.</param>
/// <param name="Address">Registered address.</param>
/// <param name="Industry">GB/T 4754 section letter.</param>
/// <param name="Headcount">Number of employees.</param>
/// <param name="TargetType">Kind of employer.</param>
public sealed record DeclarationForm(
    string? CreditCode,
    string? Name,
    string? OfficeCode,
    string? Address,
    string? Industry,
    int Headcount,
    TargetType TargetType = TargetType.Employer);
