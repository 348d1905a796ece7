namespace Serverless.Shared.Domain;

/// <summary>How an employer entered the registry.</summary>
public enum EmployerSource
{
    /// <summary>Grid collection (网格采集).</summary>
    GridCollection,

    /// <summary>Collected while handling inspection cases (巡查办案收集).</summary>
    CaseHandling,

    /// <summary>Online self-declaration by the employer (单位网上自助申报).</summary>
    SelfDeclaration,
}
