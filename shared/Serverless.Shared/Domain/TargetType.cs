namespace Serverless.Shared.Domain;

/// <summary>
/// Kind of inspection target an item applies to. <see cref="Employer"/> covers every employer, so the
/// more specific kinds are employers too.
/// </summary>
public enum TargetType
{
    /// <summary>Any employer (用人单位).</summary>
    Employer,

    /// <summary>Labour dispatch agency (劳务派遣单位).</summary>
    LabourDispatchAgency,

    /// <summary>Human resources service agency (人力资源服务机构).</summary>
    HumanResourcesServiceAgency,

    /// <summary>Private vocational training institution (民办职业培训机构).</summary>
    VocationalTrainingInstitution,
}
